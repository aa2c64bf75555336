#!/usr/bin/env bash
# A throw-away PostgreSQL cluster on loopback, for the tests and benchmarks on PostgreSQL:
#   scripts/pg-cluster.sh start [DIR] [PORT]   → prints DATABASE_URL=postgres://sise@127.0.0.1:PORT/sise
#   scripts/pg-cluster.sh stop  [DIR]
#   scripts/pg-cluster.sh restart [DIR]        (fast: drops connections, as a failover would)
# Trust authentication on 127.0.0.1 only; UTF-8 with C.UTF-8 character classes, so pg_trgm indexes
# Chinese text. PostgreSQL refuses to run as root: as root the cluster belongs to the postgres user.
set -euo pipefail
cmd="${1:-start}"
dir="${2:-${SISE_PG_DIR:-/tmp/sise-pg}}"
port="${3:-${SISE_PG_PORT:-5433}}"
bin="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}"
[ -x "$bin/pg_ctl" ] || { echo "no PostgreSQL server found (apt-get install postgresql)" >&2; exit 1; }
as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "$cmd" in
  start)
    if [ ! -f "$dir/PG_VERSION" ]; then
      mkdir -p "$dir"
      [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
      as_owner "$bin/initdb" -D "$dir" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
      cat >>"$dir/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
max_connections = 200
fsync = on
synchronous_commit = on
CONF
    fi
    if ! as_owner "$bin/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
      as_owner "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 start >/dev/null
    fi
    psql="$bin/psql -h 127.0.0.1 -p $port -U postgres -v ON_ERROR_STOP=1 -q"
    $psql -d postgres -tc "SELECT 1 FROM pg_roles WHERE rolname = 'sise'" | grep -q 1 ||
      $psql -d postgres -c "CREATE ROLE sise LOGIN CREATEDB"
    # The tests drop their databases WITH (FORCE), which must end an autovacuum worker still in one.
    $psql -d postgres -c "GRANT pg_signal_backend TO sise"
    $psql -d postgres -tc "SELECT 1 FROM pg_database WHERE datname = 'sise'" | grep -q 1 ||
      $psql -d postgres -c "CREATE DATABASE sise OWNER sise"
    echo "DATABASE_URL=postgres://sise@127.0.0.1:$port/sise"
    ;;
  stop) as_owner "$bin/pg_ctl" -D "$dir" -m fast -w stop >/dev/null || true ;;
  restart) as_owner "$bin/pg_ctl" -D "$dir" -m fast -w -t 60 restart -l "$dir/server.log" >/dev/null ;;
  *) echo "usage: $0 start|stop|restart [DIR] [PORT]" >&2; exit 2 ;;
esac
