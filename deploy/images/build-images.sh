#!/usr/bin/env bash
# Builds every service's image as target/jib-image.tar with Jib (no Docker daemon, no registry) on the
# offline base, then checks the images with ImageConfigTest. Slow (a Quarkus build per service), so it is
# not part of ./test.sh; see deploy/images/README.md.
#
#   deploy/images/build-images.sh                         # all services
#   deploy/images/build-images.sh gateway payout-service  # only these
#
# Maven runs offline (-o) when MAVEN_OFFLINE=1 (the dependencies, Jib included, already in ~/.m2).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"

services=("$@")
if [[ ${#services[@]} -eq 0 ]]; then
  for module in $(sed -n 's:.*<module>\(.*\)</module>.*:\1:p' pom.xml); do
    [[ -f "$module/src/main/resources/application.properties" ]] && services+=("$module")
  done
fi
list="$(IFS=,; echo "${services[*]}")"
offline=()
[[ "${MAVEN_OFFLINE:-}" == 1 ]] && offline=(-o)

start=$(date +%s)
deploy/images/make-base-image.sh
./mvnw -B -ntp "${offline[@]}" -q install -N -DskipTests
# platform first (the services' dependency), then each service's image; tests of the services are the
# job of ./test.sh, not of this script
./mvnw -B -ntp "${offline[@]}" -Dimages -DskipTests verify -pl "$list" -am \
  -Dimage.revision="$(git rev-parse HEAD 2>/dev/null || echo unknown)" \
  -Dimage.source="$(git config --get remote.origin.url 2>/dev/null || echo "local checkout, no git remote")"
(cd deploy && ../mvnw -B -ntp "${offline[@]}" test -Dimages="$list" -Dtest='ImageConfigTest')
for s in "${services[@]}"; do
  echo "$s: $(du -h "$s/target/jib-image.tar" | cut -f1)"
done
echo "images built and checked in $(($(date +%s) - start)) s"
