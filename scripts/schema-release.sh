#!/usr/bin/env bash
# Records schema.graphql as the released schema (schema/released.graphql), the one scripts/schema-check.mjs holds
# every later change to. Run it when an app release built against this schema ships, and commit the copy with it.
# Refuses while the check fails: a breaking change must not become the new baseline by being released.
set -euo pipefail
cd "$(dirname "$0")/.."

node scripts/schema-check.mjs
cp schema.graphql schema/released.graphql
echo "schema/released.graphql now equals schema.graphql: commit it (git add schema/released.graphql)."
