#!/usr/bin/env bash
# Adds a migration for both providers: deploy/scripts/add-migration.sh NAME
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
name=${1:?usage: add-migration.sh NAME}
bash deploy/scripts/nuget-shims.sh >/dev/null
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  dotnet dotnet-ef migrations add "$name" \
    --project services/Placement/Regional.Placement \
    --startup-project deploy/Regional.DesignTime \
    --context "${provider}PlacementDbContext" \
    --output-dir "Data/Migrations/$provider" \
    --namespace "Regional.Placement.Data.Migrations.$provider"
done
# dotnet-ef places a new model snapshot by namespace; keep it beside its migrations.
project=services/Placement/Regional.Placement
if [[ -d $project/Regional ]]; then
  for provider in Sqlite Postgres; do
    mv "$project/Regional/Placement/Data/Migrations/$provider/"*.cs "$project/Data/Migrations/$provider/" 2>/dev/null || true
  done
  rm -rf "$project/Regional"
fi
rm -f deploy/Regional.DesignTime/design.db
