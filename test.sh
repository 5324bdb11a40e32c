#!/usr/bin/env bash
# Runs every test of SignalDesk: unit tests, Quarkus tests against real Postgres/Redis/Kafka
# (started by the tests themselves when none is running), and the system tests that run the six
# packaged services as processes, and the deploy module's checks of the Kubernetes manifests
# (kubectl), dashboards and alert rules (promtool, installed below when missing). Needs a JDK 17;
# the Maven wrapper fetches Maven.
# Ends with the totals over every module, in Surefire's format.
set -uo pipefail
cd "$(dirname "$0")"

# The deploy module's tests render the Kubernetes overlays with kubectl (on these machines) and run
# the alert rules through promtool, which Debian's prometheus package brings: install it when missing.
if ! command -v promtool >/dev/null 2>&1; then
  echo "Installing promtool (Debian package prometheus) for the alert-rule tests..."
  as_root=""
  [ "$(id -u)" -ne 0 ] && as_root="sudo"
  DEBIAN_FRONTEND=noninteractive $as_root apt-get install -y -q --no-install-recommends prometheus >/dev/null \
    || { $as_root apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive $as_root apt-get install -y -q --no-install-recommends prometheus >/dev/null; } \
    || echo "could not install prometheus (promtool); the alert-rule tests will say how" >&2
  # the package starts a Prometheus server; the tests need only promtool
  $as_root systemctl stop prometheus >/dev/null 2>&1 || $as_root service prometheus stop >/dev/null 2>&1 || true
fi

# The console's end-to-end tests (system-tests' ConsoleE2EIT) drive Debian's headless Chromium; a
# test tool's own browser download cannot work on these machines, so install the distribution's.
if ! command -v chromium >/dev/null 2>&1 && [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "Installing Debian's chromium for the console's e2e tests..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    echo "Installing Debian's chromium for the console's e2e tests..."
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "WARNING: chromium is missing and cannot be installed here (not root, no sudo): ConsoleE2EIT will fail" >&2
  fi
fi

./mvnw -B -ntp verify "$@"
status=$?

report_totals() {
  awk -F'"' '
    /<testsuite / {
      for (i = 1; i < NF; i++) {
        if ($i ~ /[ ]tests=$/)    t += $(i+1);
        if ($i ~ /[ ]failures=$/) f += $(i+1);
        if ($i ~ /[ ]errors=$/)   e += $(i+1);
        if ($i ~ /[ ]skipped=$/)  s += $(i+1);
      }
    }
    END {
      printf "\nAll modules: Tests run: %d, Failures: %d, Errors: %d, Skipped: %d\n", t, f, e, s;
      printf "%d passed, %d failed, %d skipped\n", t - f - e - s, f + e, s;
    }' "$@"
}
reports=$(find . -path ./.local -prune -o \( -path '*/target/surefire-reports/TEST-*.xml' -o -path '*/target/failsafe-reports/TEST-*.xml' \) -print)
if [ -n "$reports" ]; then
  # shellcheck disable=SC2086
  report_totals $reports
fi
exit $status
