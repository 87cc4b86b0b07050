#!/usr/bin/env bash
# Runs the benchmarks (issue 4): deploy/scripts/benchmark.sh [--quick] [--out FILE] [--only baseline,e2e,gateway,backfill]
# Starts the region in-process on PostgreSQL over a private RabbitMQ node, as the tests do, and
# prints a table; the JSON goes to benchmark-results.json (or --out).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
deploy/scripts/ensure-rabbitmq.sh
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || { echo "PostgreSQL is missing: run deploy/scripts/test.sh once, or apt-get install postgresql" >&2; exit 1; }
dotnet build tests/Regional.Benchmarks -c Release -v quiet -nologo
exec dotnet tests/Regional.Benchmarks/bin/Release/net10.0/Regional.Benchmarks.dll "$@"
