#!/usr/bin/env bash
# EF Core migrations for both database providers: each has its own context type and migrations folder.
#
#   scripts/migrations.sh add <Name>   # adds <Name> for SQLite (Persistence/Migrations) and PostgreSQL (Persistence/Migrations/Postgres)
#   scripts/migrations.sh check        # fails when either provider's committed migrations do not match the model
#
# Both build nothing: run `dotnet build` first.
set -euo pipefail
cd "$(dirname "$0")/.."

project=AlpacaConnect.Gql
case "${1:-}" in
  add)
    name=${2:?usage: $0 add <Name>}
    dotnet ef migrations add "$name" --project "$project" --no-build --context AppDbContext --output-dir Persistence/Migrations
    dotnet ef migrations add "$name" --project "$project" --no-build --context PostgresDbContext --output-dir Persistence/Migrations/Postgres
    ;;
  check)
    for context in AppDbContext PostgresDbContext; do
      dotnet ef migrations has-pending-model-changes --project "$project" --no-build --context "$context" >/dev/null \
        || { echo "migrations: $context has model changes without a migration (scripts/migrations.sh add <Name>)" >&2; exit 1; }
    done
    ;;
  *) echo "usage: $0 add <Name> | check" >&2; exit 2 ;;
esac
