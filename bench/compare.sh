#!/usr/bin/env bash
# Measures this checkout's server against another commit's in one run of the bench: the other commit is checked out
# into a temporary worktree and built in Release, then every chosen scenario runs against it and against this
# checkout's server, one after the other. Writes bench/results/<date>-<name>-baseline.* and <date>-<name>.*.
#
#   bash bench/compare.sh HEAD~1 --only load,placement --name move
set -euo pipefail
cd "$(dirname "$0")/.."
ref="${1:?usage: bench/compare.sh <commit> [bench options]}"
shift
baseline=$(mktemp -d)/baseline
trap 'git worktree remove --force "$baseline" >/dev/null 2>&1 || true' EXIT
git worktree add --detach "$baseline" "$ref" >/dev/null
echo "bench: building the baseline server ($(git -C "$baseline" rev-parse --short HEAD), Release)"
# The baseline's explorer bundle needs its own node_modules; link this checkout's (same lockfile, or close enough to serve a page).
[ -d node_modules ] && ln -s "$PWD/node_modules" "$baseline/node_modules"
dotnet build "$baseline/AlpacaConnect.Gql" -c Release -nologo -clp:ErrorsOnly -v:quiet
# Not exec: the trap must still remove the worktree when the bench ends.
bash bench/run.sh --baseline "$baseline" "$@"
