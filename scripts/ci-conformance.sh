#!/usr/bin/env bash
# CI: the live conformance run (conformance/README.md). Starts a real Docker Engine inside its
# own network namespace; if that is impossible here, says so loudly and exits 0 so the rest of CI goes on.
# When the engine starts, runs `npm run test:conformance` and exits with its status.
set -uo pipefail
cd "$(dirname "$0")/.."

loud() {
  echo "=================================================================="
  echo "CONFORMANCE: engine could not start: $*"
  echo "CONFORMANCE: the live comparison against Docker Engine was NOT run."
  echo "=================================================================="
  exit 0
}

[ "$(id -u)" = 0 ] || loud "not root (network namespaces and dockerd need root)"

need=()
command -v dockerd >/dev/null 2>&1 || need+=(docker.io)
command -v iptables >/dev/null 2>&1 || need+=(iptables)
command -v ip >/dev/null 2>&1 || need+=(iproute2)
[ -x /usr/bin/busybox ] || need+=(busybox-static)
if [ ${#need[@]} -gt 0 ]; then
  command -v apt-get >/dev/null 2>&1 || loud "missing ${need[*]} and no apt-get to install them"
  echo "ci-conformance: installing ${need[*]}"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null; } ||
    loud "could not install ${need[*]}"
fi

check_log=$(mktemp)
if ! timeout 120 npx --no-install tsx conformance/run.ts --check >"$check_log" 2>&1; then
  reason=$(tail -n 5 "$check_log" | tr '\n' ' ')
  rm -f "$check_log"
  loud "${reason:-unknown error}"
fi
cat "$check_log"
rm -f "$check_log"

npm run --silent test:conformance
