#!/usr/bin/env bash
# Started by run-region.sh, in a session of its own:  region-watchdog.sh SCRIPT_PID STATE_DIR
# Waits for run-region.sh (SCRIPT_PID) to be gone, then stops what it had started: the region
# with STATE_DIR/data (SIGTERM, SIGKILL after 30 s), then the broker node in STATE_DIR/rabbitmq.
# It is for a SIGKILL of the script, which no trap sees: when the script stops otherwise, its own
# cleanup does all this and then ends the watchdog.
set -uo pipefail
script_pid=$1
state=$2
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

# Its own session keeps it out of a terminal's Ctrl-C and hangup and of a kill of the script's
# process group; a terminal or pipe gone with the script must not end it while it reports either.
trap '' INT HUP PIPE

# The process's start time (field 22 of /proc/PID/stat) in $started, so that a pid reused by
# another process once the script is gone does not pass for the script; "gone" for a zombie,
# which a parent may be slow to reap.
started_at() {
  local stat fields
  started=gone
  read -r stat 2>/dev/null <"/proc/$1/stat" || return 0
  read -r -a fields <<<"${stat##*) }"
  [[ ${fields[0]} == [ZX] ]] || started=${fields[19]}
}

# A sleep without a sleep process: a read that times out on a pipe nobody writes to. The
# watchdog naps for as long as the region runs, and when the script ends it the nap leaves no
# sleep behind.
exec {never}<> <(:)
nap() { read -r -t "$1" -u "$never" _ || true; }

started_at "$script_pid"
script_started=$started
while [[ $script_started != gone ]]; do
  started_at "$script_pid"
  [[ $started == "$script_started" ]] || break
  nap 0.5
done

# The region this script started: the only process whose command line names the region dll
# and this state folder's data (found, not read from a file the script may not have written yet).
regions() {
  local p args
  for p in /proc/[0-9]*; do
    mapfile -d '' args 2>/dev/null <"$p/cmdline" || continue
    [[ " ${args[*]} " == *Regional.LocalRegion.dll*" --data $state/data "* ]] && echo "${p#/proc/}"
  done
}
pids=$(regions)
if [[ -n $pids ]]; then
  echo "run-region.sh ($script_pid) is gone: stopping the region it started ($pids)..." >&2
  kill -TERM $pids 2>/dev/null || true
  for _ in $(seq 300); do kill -0 $pids 2>/dev/null || break; nap 0.1; done
  # Looked for again rather than killed by pid: a pid may have been reused meanwhile.
  pids=$(regions)
  if [[ -n $pids ]]; then
    echo "The region did not stop within 30 s: killing it." >&2
    kill -KILL $pids 2>/dev/null || true
  fi
fi

# Idempotent: it stops the node only if one is running there, and its epmd.
if [[ -f $state/rabbitmq/node.env ]]; then
  echo "Stopping the RabbitMQ node run-region.sh ($script_pid) started..." >&2
  bash "$here/rabbitmq-node.sh" stop "$state/rabbitmq" >/dev/null 2>&1 || true
fi
