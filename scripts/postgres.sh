#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests, listening on 127.0.0.1 only.
#   scripts/postgres.sh start   -> prints the URL to use as TEST_POSTGRES_URL
#   scripts/postgres.sh stop
# PGROOT and PGPORT may be overridden. PostgreSQL refuses to run as root, hence runuser.
set -euo pipefail
PGROOT=${PGROOT:-/tmp/custos-pg}
PGPORT=${PGPORT:-54329}
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [ -z "$PGBIN" ]; then
  echo "PostgreSQL is not installed (apt-get install postgresql)" >&2
  exit 1
fi

as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

stop() {
  if [ -f "$PGROOT/data/postmaster.pid" ]; then
    as_pg "$PGBIN/pg_ctl" -D "$PGROOT/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
}

case "${1:-}" in
  start)
    stop
    rm -rf "$PGROOT"
    if [ "$(id -u)" = 0 ]; then install -d -o postgres -g postgres "$PGROOT"; else mkdir -p "$PGROOT"; fi
    as_pg "$PGBIN/initdb" -D "$PGROOT/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
    as_pg "$PGBIN/pg_ctl" -D "$PGROOT/data" -l "$PGROOT/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k $PGROOT -c fsync=off -c max_connections=200" start >/dev/null
    echo "postgres://postgres@127.0.0.1:$PGPORT/postgres"
    ;;
  stop)
    stop
    rm -rf "$PGROOT"
    ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
