#!/usr/bin/env bash
# A private RabbitMQ node for development and tests, without the system service.
#
#   rabbitmq-node.sh start  DIR [AMQP_PORT]   start a node (default AMQP port 5680), print its amqp URI
#   rabbitmq-node.sh stop   DIR               stop that node and its epmd, wait until both are gone
#   rabbitmq-node.sh status DIR               exit 0 if the node answers, 1 otherwise
#
# Everything the node writes (mnesia, logs, crash dump, pid file, HOME with the Erlang cookie) lives in DIR.
# It listens on 127.0.0.1 only: AMQP on AMQP_PORT, its own epmd on AMQP_PORT+10000, Erlang
# distribution on AMQP_PORT+20000. The node name is regional-AMQP_PORT@localhost.
# Needs the rabbitmq-server package (deploy/scripts/ensure-rabbitmq.sh installs it); runs the
# package's own scripts, not the /usr/sbin wrappers that switch user and log to the system.
set -euo pipefail

usage() { echo "usage: $0 start|stop|status DIR [AMQP_PORT]" >&2; exit 2; }
[[ $# -ge 2 ]] || usage
cmd=$1
[[ $cmd != start ]] || mkdir -p "$2"
dir=$(cd "$2" 2>/dev/null && pwd) || { echo "no node was started in $2" >&2; [[ $cmd == stop ]]; exit; }
settings="$dir/node.env"

find_sbin() {
  if [[ -n ${REGIONAL_RABBITMQ_SBIN:-} ]]; then echo "$REGIONAL_RABBITMQ_SBIN"; return; fi
  if [[ -x /usr/lib/rabbitmq/bin/rabbitmq-server ]]; then echo /usr/lib/rabbitmq/bin; return; fi
  local d
  d=$(ls -d /usr/lib/rabbitmq/lib/rabbitmq_server-*/sbin 2>/dev/null | sort -V | tail -n 1 || true)
  [[ -n $d ]] || { echo "RabbitMQ is not installed: run deploy/scripts/ensure-rabbitmq.sh" >&2; exit 1; }
  echo "$d"
}

# Environment shared by the server and the CLI tools of this node.
node_env() {
  export HOME="$dir/home"
  export RABBITMQ_NODENAME="regional-$amqp_port@localhost"
  export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
  export RABBITMQ_NODE_PORT=$amqp_port
  export RABBITMQ_DIST_PORT=$((amqp_port + 20000))
  export ERL_EPMD_PORT=$((amqp_port + 10000))
  export ERL_EPMD_ADDRESS=127.0.0.1
  export RABBITMQ_MNESIA_BASE="$dir/mnesia"
  export RABBITMQ_LOG_BASE="$dir/log"
  export RABBITMQ_PID_FILE="$dir/rabbitmq.pid"
  export RABBITMQ_CONF_ENV_FILE="$dir/rabbitmq-env.conf"
  export RABBITMQ_CONFIG_FILE="$dir/rabbitmq.conf"
  export RABBITMQ_ADVANCED_CONFIG_FILE="$dir/advanced.config"
  export RABBITMQ_ENABLED_PLUGINS_FILE="$dir/enabled_plugins"
  export ERL_CRASH_DUMP="$dir/log/erl_crash.dump"  # not the caller's working directory
  export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
  # The CLI tools' own distribution listener: any free loopback port (the default is a fixed
  # range of 11 ports that concurrent nodes would share); and they must not start an epmd of
  # their own when the node is down.
  export RABBITMQ_CTL_ERL_ARGS="-start_epmd false -kernel inet_dist_use_interface {127,0,0,1}"
  export RABBITMQ_CTL_DIST_PORT_MIN=0 RABBITMQ_CTL_DIST_PORT_MAX=0
}

load_settings() {
  [[ -f $settings ]] || { echo "no node was started in $dir" >&2; exit 1; }
  amqp_port=$(sed -n 's/^AMQP_PORT=//p' "$settings")
  node_env
}

registered() { epmd -port "$ERL_EPMD_PORT" -names 2>/dev/null | grep -q "^name ${RABBITMQ_NODENAME%@*} at"; }

# The CLI tools start an epmd when none is running: ask epmd first so that a check on a
# stopped node leaves nothing behind.
running() { registered && "$sbin/rabbitmqctl" -n "$RABBITMQ_NODENAME" -q ping >/dev/null 2>&1; }

# True if PID is a live process of this node (guards against a stale pid file's reused pid).
ours() {
  [[ $1 =~ ^[0-9]+$ ]] && tr '\0' '\n' 2>/dev/null <"/proc/$1/environ" | grep -qxF "RABBITMQ_MNESIA_BASE=$RABBITMQ_MNESIA_BASE"
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

sbin=$(find_sbin)

case $cmd in
  start)
    amqp_port=${3:-5680}
    [[ $amqp_port =~ ^[0-9]+$ && $amqp_port -ge 1024 && $amqp_port -le 45535 ]] ||
      { echo "AMQP_PORT must be 1024..45535 (the node also uses +10000 and +20000)" >&2; exit 2; }
    if [[ -f $settings ]]; then
      load_settings
      if running; then
        echo "a node is already running in $dir" >&2
        echo "amqp://guest:guest@127.0.0.1:$amqp_port/"
        exit 0
      fi
      amqp_port=${3:-$amqp_port}
    fi
    for p in "$amqp_port" $((amqp_port + 20000)); do
      if port_in_use "$p"; then echo "port $p on 127.0.0.1 is already in use" >&2; exit 1; fi
    done
    # An epmd left on the node's epmd port (e.g. after a crash) is fine to reuse; anything else is not.
    if port_in_use $((amqp_port + 10000)) && ! epmd -port $((amqp_port + 10000)) -names >/dev/null 2>&1; then
      echo "port $((amqp_port + 10000)) on 127.0.0.1 is already in use" >&2; exit 1
    fi
    echo "AMQP_PORT=$amqp_port" >"$settings"
    node_env
    mkdir -p "$HOME" "$RABBITMQ_MNESIA_BASE" "$RABBITMQ_LOG_BASE"
    if [[ ! -f $HOME/.erlang.cookie ]]; then
      (umask 077; head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' | tr a-f A-F >"$HOME/.erlang.cookie")
      chmod 400 "$HOME/.erlang.cookie"
    fi
    echo '[].' >"$RABBITMQ_ENABLED_PLUGINS_FILE"
    : >"$RABBITMQ_CONF_ENV_FILE"
    rm -f "$RABBITMQ_PID_FILE"
    # setsid: the node keeps running when the caller's terminal or process group goes away.
    setsid "$sbin/rabbitmq-server" >"$dir/log/console.log" 2>&1 </dev/null &
    launcher=$!
    echo "$launcher" >"$dir/launcher.pid"
    # await_startup fails at once while the node has not yet registered with epmd: wait for that
    # first (cheaply), then let await_startup wait for the broker to boot.
    timeout_s=${RABBITMQ_START_TIMEOUT:-60}
    deadline=$((SECONDS + timeout_s))
    started=false
    while ((SECONDS < deadline)) && kill -0 "$launcher" 2>/dev/null; do
      if registered; then
        left=$((deadline - SECONDS > 1 ? deadline - SECONDS : 1))
        if timeout "$left" "$sbin/rabbitmqctl" -n "$RABBITMQ_NODENAME" -q await_startup \
            --timeout "$left" >"$dir/log/await.log" 2>&1; then
          started=true
        fi
        break
      fi
      sleep 0.1
    done
    if ! $started; then
      echo "RabbitMQ node $RABBITMQ_NODENAME did not start within ${timeout_s}s." >&2
      cat "$dir/log/await.log" >&2 2>/dev/null || true
      echo "Last lines of $dir/log/console.log:" >&2
      tail -n 30 "$dir/log/console.log" >&2 || true
      "$0" stop "$dir" >/dev/null 2>&1 || true
      exit 1
    fi
    echo "amqp://guest:guest@127.0.0.1:$amqp_port/"
    ;;
  stop)
    if [[ ! -f $settings ]]; then echo "no node was started in $dir" >&2; exit 0; fi
    load_settings
    pid=""
    for f in "$RABBITMQ_PID_FILE" "$dir/launcher.pid"; do
      if [[ -f $f ]] && ours "$(cat "$f")"; then pid=$(cat "$f"); break; fi
    done
    if [[ -z $pid ]]; then  # no usable pid file: look for the VM with this node's environment
      for p in /proc/[0-9]*; do
        if ours "${p#/proc/}"; then pid=${p#/proc/}; break; fi
      done
    fi
    if [[ -n $pid ]]; then
      if registered; then
        timeout 60 "$sbin/rabbitmqctl" -n "$RABBITMQ_NODENAME" -q stop >/dev/null 2>&1 || true
      fi
      for _ in $(seq 300); do ours "$pid" || break; sleep 0.1; done
      if ours "$pid"; then
        kill -TERM "$pid" 2>/dev/null || true
        for _ in $(seq 100); do ours "$pid" || break; sleep 0.1; done
        ours "$pid" && kill -KILL "$pid" 2>/dev/null || true
      fi
    fi
    # epmd refuses to exit while it still lists the node, which it may for a moment after the VM has gone.
    for _ in $(seq 50); do
      port_in_use "$ERL_EPMD_PORT" || break
      epmd -port "$ERL_EPMD_PORT" -kill >/dev/null 2>&1 || true
      sleep 0.2
    done
    rm -f "$RABBITMQ_PID_FILE" "$dir/launcher.pid"
    ;;
  status)
    load_settings
    if running; then
      echo "running: $RABBITMQ_NODENAME amqp://guest:guest@127.0.0.1:$amqp_port/"
    else
      echo "not running: $RABBITMQ_NODENAME"
      exit 1
    fi
    ;;
  *) usage ;;
esac
