#!/usr/bin/env bash
# Throwaway PostgreSQL and Redis for the scale-out tests, on loopback, on free ports, with their data in a temp folder.
#
#   eval "$(scripts/services.sh start)"   # starts both; prints the export lines the tests read
#   scripts/services.sh stop              # stops both and deletes their data
#
# The tests read ALPACA_TEST_POSTGRES (an admin connection string: each test class creates its own database) and
# ALPACA_TEST_REDIS. Nothing here touches the system's own clusters or services. PostgreSQL refuses to run as root,
# so as root the cluster runs as the `postgres` user, in a folder that user owns.
set -euo pipefail
cd "$(dirname "$0")/.."

state_dir="test-output/services"
state="$state_dir/state"

pg_bin() {
  local initdb
  initdb=$(compgen -G "/usr/lib/postgresql/*/bin/initdb" | sort -V | tail -n 1 || true)
  [ -n "$initdb" ] || { echo "services: PostgreSQL is not installed (run scripts/setup.sh)" >&2; exit 1; }
  dirname "$initdb"
}

# A port below the kernel's ephemeral range (outgoing connections take those) that nobody listens on right now.
# Another process may still take it before the server binds it: the callers then try again with another.
free_port() {
  local low port
  low=$(cut -f1 /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || echo 32768)
  for _ in $(seq 1 50); do
    port=$((10000 + RANDOM % (low - 10000)))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
  echo "services: no free port found" >&2
  exit 1
}

as_owner() {
  # From / : the postgres user may not enter the caller's folder (a clone under root's temp dir), and psql/pg_ctl
  # would say so on stderr after the test totals.
  if [ "$(id -u)" -eq 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

secret() { head -c 18 /dev/urandom | base64 | tr -d '/+='; }

start() {
  [ -f "$state" ] && stop >/dev/null
  command -v redis-server >/dev/null || { echo "services: redis-server is not installed (run scripts/setup.sh)" >&2; exit 1; }
  mkdir -p "$state_dir"
  local bin root pg_port pg_password redis_port redis_password
  bin=$(pg_bin)
  # Short (unix socket paths are limited to 107 bytes) and outside the work tree, which `postgres` may not traverse.
  root=$(mktemp -d "${TMPDIR:-/tmp}/alpaca-services.XXXXXX")
  chmod 755 "$root"
  mkdir "$root/pg" "$root/redis"
  [ "$(id -u)" -eq 0 ] && chown postgres: "$root/pg"
  echo "root=$root" >"$state"

  pg_password=$(secret)
  printf '%s\n' "$pg_password" >"$root/pwfile"
  [ "$(id -u)" -eq 0 ] && chown postgres: "$root/pwfile"
  as_owner "$bin/initdb" -D "$root/pg/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
    --pwfile="$root/pwfile" -E UTF8 --locale=C.UTF-8 >"$root/initdb.log" 2>&1 \
    || { cat "$root/initdb.log" >&2; exit 1; }
  rm -f "$root/pwfile"
  for attempt in 1 2 3 4 5; do
    pg_port=$(free_port)
    as_owner "$bin/pg_ctl" -D "$root/pg/data" -l "$root/pg/server.log" -w -t 30 \
      -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $root/pg -c fsync=off -c full_page_writes=off -c synchronous_commit=off -c max_connections=300" \
      start >/dev/null && break
    [ "$attempt" -lt 5 ] || { cat "$root/pg/server.log" >&2; exit 1; }
  done
  echo "pg_bin=$bin" >>"$state"

  redis_password=$(secret)
  for attempt in 1 2 3 4 5; do
    redis_port=$(free_port)
    redis-server --bind 127.0.0.1 --port "$redis_port" --daemonize yes --save '' --appendonly no \
      --requirepass "$redis_password" --dir "$root/redis" --pidfile "$root/redis/redis.pid" --logfile "$root/redis/redis.log"
    # The daemon writes its pid file once it listens, and exits instead when the port is taken.
    for _ in $(seq 1 100); do
      [ -s "$root/redis/redis.pid" ] && break
      sleep 0.05
    done
    [ -s "$root/redis/redis.pid" ] && break
    [ "$attempt" -lt 5 ] || { cat "$root/redis/redis.log" >&2; exit 1; }
  done

  {
    echo "export ALPACA_TEST_POSTGRES='Host=127.0.0.1;Port=$pg_port;Username=postgres;Password=$pg_password;Database=postgres'"
    echo "export ALPACA_TEST_REDIS='127.0.0.1:$redis_port,password=$redis_password'"
  } | tee "$state_dir/env"
}

stop() {
  [ -f "$state" ] || return 0
  local root pg_bin
  root=$(sed -n 's/^root=//p' "$state")
  pg_bin=$(sed -n 's/^pg_bin=//p' "$state")
  if [ -n "$pg_bin" ] && [ -f "$root/pg/data/postmaster.pid" ]; then
    as_owner "$pg_bin/pg_ctl" -D "$root/pg/data" -m immediate -w stop >/dev/null || true
  fi
  local redis_pid=""
  [ -s "$root/redis/redis.pid" ] && redis_pid=$(cat "$root/redis/redis.pid")
  if [ -n "$redis_pid" ]; then
    kill "$redis_pid" 2>/dev/null || true
    # Redis writes its log and removes its pid file while it shuts down: deleting the folder before it is gone fails
    # with "Directory not empty" (it did once in CI, turning a green run red).
    for _ in $(seq 1 100); do
      kill -0 "$redis_pid" 2>/dev/null || break
      sleep 0.05
    done
  fi
  for _ in 1 2 3; do
    rm -rf "$root" 2>/dev/null && break
    sleep 0.2
  done
  rm -rf "$state" "$state_dir/env"
  echo "services: stopped"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
