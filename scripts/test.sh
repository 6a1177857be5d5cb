#!/usr/bin/env bash
# Runs every test. On a fresh machine it first installs what the tests need (scripts/setup.sh), and it starts throwaway
# PostgreSQL and Redis servers for the scale-out tests (scripts/services.sh), stopped again on exit.
# Ends with a line "N passed, N failed" summed from the test results.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
dotnet build AlpacaConnect.sln -warnaserror -nologo -clp:ErrorsOnly
# The committed migrations of both providers must match the model.
scripts/migrations.sh check

# Cleaning up never decides the outcome: the exit status is the tests'.
trap 'scripts/services.sh stop >/dev/null || true' EXIT
services_env=$(scripts/services.sh start)
eval "$services_env"

results="test-output/results"
rm -rf "$results"
status=0
dotnet test AlpacaConnect.sln --no-build --nologo \
  --logger "trx;LogFileName=tests.trx" --logger "console;verbosity=normal" \
  --results-directory "$results" || status=$?

# The connect flow and order placement once more, every host on a PostgreSQL database of its own.
postgres_subset="FullyQualifiedName~Tests.Connections.ConnectionFlowTests|FullyQualifiedName~Tests.Connections.ConnectionSubscriptionTests"
postgres_subset+="|FullyQualifiedName~Tests.Orders.PlaceOrderTests|FullyQualifiedName~Tests.Orders.PlaceOrderIdempotencyTests"
postgres_subset+="|FullyQualifiedName~Tests.Orders.OrderListTests|FullyQualifiedName~Tests.Orders.ReplaceOrderTests|FullyQualifiedName~Tests.Orders.CancelOrderTests"
ALPACA_TEST_PROVIDER=Postgres dotnet test AlpacaConnect.Gql.Tests --no-build --nologo --filter "$postgres_subset" \
  --logger "trx;LogFileName=tests-postgres.trx" --logger "console;verbosity=minimal" \
  --results-directory "$results" || status=$?

passed=0 failed=0 skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  s=$(sed -n 's/.* notExecuted="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${s:-0}))
done
# CI shows only the end of this output: name each failed test and the first lines of its message just above the totals.
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  awk '
    /<UnitTestResult / && /outcome="Failed"/ { match($0, /testName="[^"]*"/); print "FAILED " substr($0, RSTART + 10, RLENGTH - 11); failing = 1; next }
    /<UnitTestResult / { failing = 0 }
    failing && /<Message>/ { inmsg = 1; shown = 0 }
    failing && inmsg {
      last = /<\/Message>/
      if (shown++ < 6) { sub(/^ *<Message>/, ""); sub(/<\/Message>.*/, ""); print "    " $0 }
      if (last) inmsg = 0
    }
  ' "$trx" | sed 's/&quot;/"/g; s/&lt;/</g; s/&gt;/>/g; s/&apos;/'"'"'/g; s/&amp;/\&/g'
done
# Skipped tests (if any) first; the totals line CI reads comes last, exactly "N passed, N failed".
[ "$skipped" -eq 0 ] || echo "$skipped skipped"
echo "$passed passed, $failed failed"
if [ "$passed" -eq 0 ] && [ "$status" -eq 0 ]; then
  echo "no test ran" >&2
  exit 1
fi
exit "$status"
