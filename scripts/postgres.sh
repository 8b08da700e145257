#!/usr/bin/env bash
# A local PostgreSQL for RelStorage (make start-relstorage, the RelStorage test).
#   scripts/postgres.sh start DIR PORT DBNAME   initialise DIR once, start, create DBNAME
#   scripts/postgres.sh stop DIR
# The server listens on a Unix socket in DIR/socket only (no TCP). Run as root
# (CI), it runs as the system user "postgres", which PostgreSQL requires.
set -euo pipefail
action=$1 dir=$(realpath -m "$2")
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$bindir" ]; then
  echo "PostgreSQL is not installed (Debian package postgresql)" >&2
  exit 1
fi
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
case $action in
start)
  port=$3 dbname=$4
  mkdir -p "$dir/socket"
  [ "$(id -u)" = 0 ] && chown -R postgres: "$dir"
  if [ ! -f "$dir/data/PG_VERSION" ]; then
    as_owner "$bindir/initdb" -D "$dir/data" -U postgres -E UTF8 --locale=C.UTF-8 \
      --auth=trust >"$dir/initdb.log"
  fi
  if ! as_owner "$bindir/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
    as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w start \
      -o "-p $port -k $dir/socket -c listen_addresses=''" >/dev/null
  fi
  if ! as_owner "$bindir/psql" -h "$dir/socket" -p "$port" -U postgres -tAc \
    "SELECT 1 FROM pg_database WHERE datname='$dbname'" | grep -q 1; then
    as_owner "$bindir/createdb" -h "$dir/socket" -p "$port" -U postgres "$dbname"
  fi
  ;;
stop)
  as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
  ;;
*)
  echo "usage: $0 start DIR PORT DBNAME | stop DIR" >&2
  exit 2
  ;;
esac
