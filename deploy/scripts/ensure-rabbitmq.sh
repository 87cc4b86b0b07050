#!/usr/bin/env bash
# Installs Debian's rabbitmq-server package (with Erlang) if it is missing. Does not start or
# enable the system service: tests and the local region run private nodes
# (deploy/scripts/rabbitmq-node.sh, tests/Regional.Testing). Idempotent; silent when installed.
set -euo pipefail

installed() {
  [[ -x /usr/lib/rabbitmq/bin/rabbitmq-server ]] ||
    compgen -G '/usr/lib/rabbitmq/lib/rabbitmq_server-*/sbin/rabbitmq-server' >/dev/null
}

installed && exit 0

if [[ $(id -u) -eq 0 ]]; then sudo=(); else sudo=(sudo); fi
command -v apt-get >/dev/null ||
  { echo "RabbitMQ is not installed and apt-get is not available: install rabbitmq-server by hand" >&2; exit 1; }

echo "Installing rabbitmq-server (the system service is not started)..."
# policy-rc.d exit 101 keeps invoke-rc.d from starting the service during the install; removed after.
policy=/usr/sbin/policy-rc.d
own_policy=false
if [[ ! -e $policy ]]; then
  printf '#!/bin/sh\nexit 101\n' | "${sudo[@]}" tee "$policy" >/dev/null
  "${sudo[@]}" chmod +x "$policy"
  own_policy=true
fi
cleanup() { if $own_policy; then "${sudo[@]}" rm -f "$policy"; fi; }
trap cleanup EXIT

export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends rabbitmq-server >/dev/null
installed || { echo "rabbitmq-server was installed but its scripts were not found" >&2; exit 1; }
echo "rabbitmq-server installed."
