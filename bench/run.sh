#!/usr/bin/env bash
# The benchmark suite (not tests: it writes figures and judges nothing). Builds the server and the load generator in
# Release, runs every scenario against server processes on loopback, and writes bench/results/<date>.md and .json.
#
#   bash bench/run.sh                 # everything, full sizes (about 14 minutes on 2 cores)
#   bash bench/run.sh --quick         # shrunk sizes (about 4 minutes); writes <date>-quick.*, not committed
#   bash bench/run.sh --only load,soak --note "taken on a busy machine"
#   bash bench/run.sh placement       # only the three placement scenarios, full sizes (about 3 minutes)
#
# Needs the .NET SDK of global.json; a fresh clone's first server build also runs `npm ci` (its explorer bundle).
set -euo pipefail
cd "$(dirname "$0")/.."

# "placement" first is short for --only placement; any other option may follow it.
if [[ "${1:-}" == "placement" ]]; then
  shift
  set -- --only placement "$@"
fi

command -v dotnet >/dev/null 2>&1 || { echo "bench: the .NET SDK is needed (see global.json)" >&2; exit 1; }
echo "bench: building the server and the load generator (Release)"
dotnet build AlpacaConnect.Gql -c Release -nologo -clp:ErrorsOnly -v:quiet
dotnet build bench/AlpacaConnect.Bench -c Release -nologo -clp:ErrorsOnly -v:quiet
exec dotnet bench/AlpacaConnect.Bench/bin/Release/net10.0/AlpacaConnect.Bench.dll "$@"
