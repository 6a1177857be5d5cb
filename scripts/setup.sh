#!/usr/bin/env bash
# Installs what the build and the tests need on a fresh machine of this project's kind
# (.NET 10 SDK, Node.js 20, Debian): Chromium, PostgreSQL, Redis and Prometheus from Debian's packages, npm packages, dotnet-ef.
# Safe to run again: each step is skipped when already done. Installing starts no service (scripts/services.sh does).
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium fonts-liberation)
# PostgreSQL and Redis for the scale-out tests; scripts/services.sh starts throwaway instances of them.
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || need_apt+=(postgresql)
command -v redis-server >/dev/null 2>&1 || need_apt+=(redis-server)
# Prometheus and promtool for the alert rules' tests (ops/prometheus); the tests start their own Prometheus.
command -v promtool >/dev/null 2>&1 || need_apt+=(prometheus)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${need_apt[*]}"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi

dotnet tool restore >/dev/null
