#!/usr/bin/env bash
# THE command that runs the whole region locally: installs RabbitMQ if missing, starts a
# private broker node, runs every service (SQLite databases) and the gateway in one process,
# and stops everything it started when it is stopped itself: Ctrl-C, SIGTERM and SIGHUP through
# its trap, SIGKILL (which no trap sees) through a watchdog in a session of its own
# (region-watchdog.sh) that stops the region and the node once this script is gone.
#   deploy/scripts/run-region.sh [--no-build] [--state DIR] [region options]
#     --no-build   run the region as last built (deploy/Regional.LocalRegion, Release)
#     --state DIR  keep the broker node and the databases in DIR (default .region)
#     region options, passed on: --gateway-port 5080 --identity-port 5081 --first-service-port 5101
#                  (0 picks free ports)
# The broker's AMQP port is REGIONAL_AMQP_PORT (default 5680; it also uses +10000 and +20000).
set -euo pipefail
# A shell that starts a script in the background (`run-region.sh &`, nohup, some CI runners) hands
# it SIGINT ignored, and bash cannot trap a signal it was given ignored: start again with SIGINT
# restored, so that Ctrl-C or kill -INT stops everything this starts, however it was started.
if [[ $(trap -p INT) == "trap -- '' SIGINT" ]]; then
  exec env --default-signal=INT "$BASH" "${BASH_SOURCE[0]}" "$@"
fi
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"

amqp_port=${REGIONAL_AMQP_PORT:-5680}
state="$root/.region"
build=true
region_args=()
while (($#)); do
  case $1 in
    --no-build) build=false; shift ;;
    --state) [[ $# -ge 2 ]] || { echo "--state needs a directory" >&2; exit 2; }; state=$2; shift 2 ;;
    *) region_args+=("$1"); shift ;;
  esac
done
mkdir -p "$state"
state=$(cd "$state" && pwd)
node_dir="$state/rabbitmq"
dll="$root/deploy/Regional.LocalRegion/bin/Release/net10.0/Regional.LocalRegion.dll"

bash deploy/scripts/ensure-rabbitmq.sh
if $build; then
  echo "Building the region (1-2 minutes the first time)..."
  dotnet build deploy/Regional.LocalRegion -c Release -v minimal -nologo -clp:NoSummary
elif [[ ! -f $dll ]]; then
  echo "$dll is missing: run without --no-build first" >&2
  exit 1
fi

region_pid=""
node_started=false
watchdog_pid=""

# Whatever ends this script (the region exiting, a signal, an error) stops what it started:
# the region first (it needs the broker to stop cleanly), then the broker node.
cleanup() {
  local status=$?
  trap - EXIT INT TERM HUP
  if [[ -n $region_pid ]] && kill -0 "$region_pid" 2>/dev/null; then
    kill -TERM "$region_pid" 2>/dev/null || true
    # The region bounds its own stop at 20 s; past 30 it is stuck.
    for _ in $(seq 300); do kill -0 "$region_pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$region_pid" 2>/dev/null; then
      echo "The region did not stop within 30 s: killing it." >&2
      kill -KILL "$region_pid" 2>/dev/null || true
    fi
    wait "$region_pid" 2>/dev/null || true
  fi
  if $node_started; then
    echo "Stopping the RabbitMQ node..."
    bash deploy/scripts/rabbitmq-node.sh stop "$node_dir" >/dev/null 2>&1 || true
  fi
  # Last: should this script be killed while it cleans up, the watchdog finishes the job.
  if [[ -n $watchdog_pid ]]; then
    kill -TERM "$watchdog_pid" 2>/dev/null || true
    wait "$watchdog_pid" 2>/dev/null || true
  fi
  exit "$status"
}
trap cleanup EXIT
# The exit status says which signal ended the script (128 + its number), as a shell's would.
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

# Before anything it must stop is started. setsid: out of this script's process group and
# terminal, so that what kills the script (a group kill, a closed terminal) leaves it running.
setsid bash deploy/scripts/region-watchdog.sh "$$" "$state" </dev/null >/dev/null &
watchdog_pid=$!

echo "Starting a private RabbitMQ node on 127.0.0.1:$amqp_port..."
node_started=true
uri=$(bash deploy/scripts/rabbitmq-node.sh start "$node_dir" "$amqp_port" | tail -n 1)

# In the background and waited for, not in the foreground: bash runs a trap only once the
# foreground command has finished, and a signal must reach the region while it runs. The
# region's own stop signals work although it starts in the background (it undoes the SIGINT
# ignore a shell sets there). Not `dotnet run`: that would put another process between the
# script and the region, which a signal to the script does not reach.
dotnet "$dll" --rabbitmq "$uri" --data "$state/data" "${region_args[@]}" &
region_pid=$!
set +e
wait "$region_pid"
status=$?
set -e
region_pid=""
exit "$status"
