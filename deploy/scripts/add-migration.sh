#!/usr/bin/env bash
# Adds a migration for every provider (SQLite, PostgreSQL, SQL Server) to one service's database:
#   deploy/scripts/add-migration.sh NAME [SERVICE]
# PROVIDERS=SqlServer limits it to the providers named (a provider that joined later catches up).
# SERVICE is Placement (the default), Referral, Consent, Region or Alerts.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
name=${1:?usage: add-migration.sh NAME [Placement|Referral|Consent|Region|Alerts]}
service=${2:-Placement}
case $service in
  Placement) project=services/Placement/Regional.Placement; namespace=Regional.Placement ;;
  Referral)  project=services/Referral/Regional.Referral;   namespace=Regional.Referral ;;
  Consent)   project=services/Consent/Regional.Consent;     namespace=Regional.Consent ;;
  Region)    project=services/Region/Regional.RegionService; namespace=Regional.RegionService ;;
  Alerts)    project=services/Alerts/Regional.Alerts;        namespace=Regional.Alerts ;;
  *) echo "unknown service '$service': Placement, Referral, Consent, Region or Alerts" >&2; exit 2 ;;
esac
dotnet tool restore >/dev/null
for provider in ${PROVIDERS:-Sqlite Postgres SqlServer}; do
  dotnet dotnet-ef migrations add "$name" \
    --project "$project" \
    --startup-project deploy/Regional.DesignTime \
    --context "${provider}${service}DbContext" \
    --output-dir "Data/Migrations/$provider" \
    --namespace "$namespace.Data.Migrations.$provider"
done
# dotnet-ef places a new model snapshot by namespace (under $project/Regional/...); keep it beside its migrations.
if [[ -d $project/Regional ]]; then
  for provider in Sqlite Postgres SqlServer; do
    find "$project/Regional" -path "*/Data/Migrations/$provider/*.cs" -exec mv {} "$project/Data/Migrations/$provider/" \;
  done
  rm -rf "$project/Regional"
fi
rm -f deploy/Regional.DesignTime/design.db
