#!/usr/bin/env bash
# Checks every service's migrations against its model, for every provider, and that the SQL Server
# migration script can be generated (no SQL Server engine is needed or contacted):
#   deploy/scripts/check-migrations.sh
# Fails naming the service and provider whose migrations are missing or broken. The unit tests hold
# the same model check (tests/Regional.UnitTests/Persistence); this one goes through dotnet-ef and the
# design-time factories, as deploy/scripts/add-migration.sh does.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
configuration=${CONFIGURATION:-Release}
out=$(mktemp -d)
trap 'rm -rf "$out"; rm -f deploy/Regional.DesignTime/design.db' EXIT

dotnet tool restore >/dev/null
# One build; every dotnet-ef call below reuses it.
dotnet build deploy/Regional.DesignTime -c "$configuration" -nologo -v quiet >"$out/build.log" 2>&1 \
  || { cat "$out/build.log" >&2; echo "check-migrations: the design-time project does not build" >&2; exit 1; }

failed=()
for service in Placement Referral Consent Region Alerts; do
  case $service in
    Placement) project=services/Placement/Regional.Placement ;;
    Referral)  project=services/Referral/Regional.Referral ;;
    Consent)   project=services/Consent/Regional.Consent ;;
    Region)    project=services/Region/Regional.RegionService ;;
    Alerts)    project=services/Alerts/Regional.Alerts ;;
  esac
  ef=(--no-build --configuration "$configuration" --project "$project" --startup-project deploy/Regional.DesignTime)
  for provider in Sqlite Postgres SqlServer; do
    context=${provider}${service}DbContext
    if ! dotnet dotnet-ef migrations has-pending-model-changes "${ef[@]}" --context "$context" >"$out/$context.log" 2>&1; then
      cat "$out/$context.log" >&2
      echo "check-migrations: $service on $provider: the model has changes that no migration holds (or the check failed); run deploy/scripts/add-migration.sh NAME $service" >&2
      failed+=("$service/$provider")
      continue
    fi
    if [[ $provider == SqlServer ]]; then
      script=$out/$service.sql
      if ! dotnet dotnet-ef migrations script --idempotent "${ef[@]}" --context "$context" -o "$script" >"$out/$context.script.log" 2>&1 \
          || ! grep -q 'CREATE TABLE' "$script"; then
        cat "$out/$context.script.log" >&2
        echo "check-migrations: $service on $provider: the migration script cannot be generated" >&2
        failed+=("$service/$provider script")
        continue
      fi
    fi
    echo "check-migrations: $service on $provider: migrations match the model${script:+; script generated}"
    unset script
  done
done

if (( ${#failed[@]} )); then
  echo "check-migrations: FAILED: ${failed[*]}" >&2
  exit 1
fi
echo "check-migrations: all migrations match their models; SQL Server scripts generated"
