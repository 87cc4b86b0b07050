#!/usr/bin/env bash
# THE command that runs the whole region locally: installs RabbitMQ if missing, starts a
# private broker node under .region/, runs every service (SQLite databases under
# .region/data) and the gateway in one process, and stops everything it started on Ctrl-C.
#   deploy/scripts/run-region.sh [--gateway-port 5080]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"

amqp_port=${REGIONAL_AMQP_PORT:-5680}
node_dir="$root/.region/rabbitmq"

bash deploy/scripts/ensure-rabbitmq.sh
echo "Building..."
dotnet build deploy/Regional.LocalRegion -c Release -v quiet -nologo

stop_node() { bash deploy/scripts/rabbitmq-node.sh stop "$node_dir" >/dev/null 2>&1 || true; }
trap stop_node EXIT
echo "Starting a private RabbitMQ node on 127.0.0.1:$amqp_port..."
uri=$(bash deploy/scripts/rabbitmq-node.sh start "$node_dir" "$amqp_port" | tail -n 1)

# Not exec: the trap must stop the broker once the region has stopped.
dotnet run --project deploy/Regional.LocalRegion -c Release --no-build -- --rabbitmq "$uri" --data "$root/.region/data" "$@"
