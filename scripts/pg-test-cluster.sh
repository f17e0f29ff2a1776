#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster on loopback and prints its URL. Stop it with: scripts/pg-test-cluster.sh stop DIR
set -euo pipefail
BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
if [[ "${1:-}" == "stop" ]]; then
  runuser -u postgres -- "$BIN/pg_ctl" -D "$2/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$2"
  exit 0
fi
PORT=${PGPORT_TEST:-55432}
DIR=$(mktemp -d /tmp/fastdraft-pg.XXXXXX)
chown postgres "$DIR"
runuser -u postgres -- "$BIN/initdb" -D "$DIR/data" -A trust -U postgres >/dev/null
runuser -u postgres -- "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/log" -w \
  -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
echo "DIR=$DIR"
echo "URL=postgresql://postgres@127.0.0.1:$PORT/postgres"
