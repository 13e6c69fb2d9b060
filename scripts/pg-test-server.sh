#!/usr/bin/env bash
# A throwaway PostgreSQL server for the warehouse tests: a private data directory and port,
# reached only over a unix socket in that directory.
#
#   scripts/pg-test-server.sh start DIR PORT   initdb DIR (as the postgres user when run as
#                                              root: the server refuses root) and start it
#   scripts/pg-test-server.sh stop DIR         stop it (fast) and remove DIR
#
# Connect with: psql -h DIR -p PORT -U postgres
set -euo pipefail
BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
action="${1:?start|stop}"
dir="${2:?data directory}"

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$action" in
  start)
    port="${3:?port}"
    mkdir -p "$dir"
    if [ "$(id -u)" -eq 0 ]; then chown postgres "$dir"; fi
    chmod 700 "$dir"
    as_owner "$BIN/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --locale=C >/dev/null
    as_owner "$BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
      -o "-p $port -k $dir -c listen_addresses='' -c fsync=off" start >/dev/null
    ;;
  stop)
    if [ -d "$dir/data" ]; then
      as_owner "$BIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start DIR PORT | stop DIR" >&2
    exit 2
    ;;
esac
