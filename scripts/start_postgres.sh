#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server for the store's tests and prints its
# URL on stdout: `export STORYLINE_TEST_POSTGRES=$(scripts/start_postgres.sh)`.
# The data lives in a temporary folder, named on stderr with the command
# that stops the server (`pg_ctl -D /tmp/storyline-pg.XXXXXX/db stop`, run
# as the postgres user when started as root).
# Installs Debian's postgresql when no server is found. Port: $PGPORT, else a free one.
set -euo pipefail
port="${PGPORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}"
bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)"
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >&2
        bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
    else
        echo "no PostgreSQL server found; install postgresql" >&2
        exit 1
    fi
fi
data="$(mktemp -d /tmp/storyline-pg.XXXXXX)"
run() {
    if [ "$(id -u)" = 0 ]; then
        chown -R postgres "$data"
        su postgres -s /bin/sh -c "$*"
    else
        sh -c "$*"
    fi
}
run "'$bin/initdb' -D '$data/db' -A trust -U storyline --no-sync >/dev/null"
run "'$bin/pg_ctl' -D '$data/db' -o '-p $port -k $data -c listen_addresses=127.0.0.1 -c fsync=off' -l '$data/log' -w start >/dev/null"
run "'$bin/createdb' -h 127.0.0.1 -p $port -U storyline storyline_test"
echo "PostgreSQL data in $data/db; stop it with: pg_ctl -D '$data/db' stop" >&2
echo "postgres://storyline@127.0.0.1:$port/storyline_test"
