#!/usr/bin/env bash
# THE command that runs every test: deploy/scripts/test.sh [extra `dotnet test` arguments]
# Installs what the tests need if it is missing (RabbitMQ, PostgreSQL and jq, with apt; no service is
# started: the tests run private servers, see tests/Regional.Testing), then runs all tests in Release.
# First, deploy/scripts/check-migrations.sh: every provider's migrations must match the model.
# E.g. deploy/scripts/test.sh --filter "FullyQualifiedName~Gateway"
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

# Installs Debian packages without starting their services (policy-rc.d), sudo only if not root.
apt_install() (
  sudo=()
  [[ $(id -u) -eq 0 ]] || sudo=(sudo)
  echo "Installing $* ..."
  policy=/usr/sbin/policy-rc.d
  if [[ ! -e $policy ]]; then
    printf '#!/bin/sh\nexit 101\n' | "${sudo[@]}" tee "$policy" >/dev/null
    "${sudo[@]}" chmod +x "$policy"
    trap '"${sudo[@]}" rm -f "$policy"' EXIT
  fi
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
)

deploy/scripts/ensure-rabbitmq.sh
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || apt_install postgresql
command -v jq >/dev/null || apt_install jq   # the README walk-through (and its test) uses it

deploy/scripts/check-migrations.sh
dotnet test Regional.sln -c Release --logger "console;verbosity=normal" "$@"
