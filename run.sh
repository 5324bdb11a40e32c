#!/usr/bin/env bash
# Runs the whole SignalDesk suite locally with demo data: real Postgres, Redis and Kafka on
# 127.0.0.1 (reused when already running), the six services, and a demo seed.
#   ./run.sh           build if needed, start, print the gateway URL and demo credentials
#   ./run.sh --reset   the same, wiping the local data first
# Ctrl-C stops everything. Logs: .local/logs/
set -euo pipefail
cd "$(dirname "$0")"

stamp=.local/build.stamp
mkdir -p .local/logs
if [ ! -f "$stamp" ] || [ -n "$(find pom.xml */pom.xml */src -newer "$stamp" -type f -print -quit 2>/dev/null)" ] \
   || [ ! -f gateway/target/quarkus-app/quarkus-run.jar ] || [ ! -d local-stack/target/lib ]; then
  echo "Building SignalDesk (first run or sources changed)..."
  ./mvnw -B -q install -DskipTests
  touch "$stamp"
fi

exec java -Xmx768m -XX:+UseSerialGC \
  -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
  -Dlogging.configuration="file:$PWD/local-stack/target/classes/stack-logging.properties" \
  -Dsignaldesk.log.dir="$PWD/.local/logs" \
  -cp "local-stack/target/classes:local-stack/target/lib/*" \
  io.signaldesk.localstack.StackMain "$@"
