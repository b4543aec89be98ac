# Sourced by scripts/test: install (Debian's package) and start a throwaway PostgreSQL server
# on 127.0.0.1, and export CEASEFIRE_TEST_PG for the tests. Stopped by pg_stop on exit.
pg_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

pg_install() {
  [ -n "$(pg_bin)" ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "installing PostgreSQL from Debian's packages" >&2
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    # The package starts a cluster of its own; the tests use a private one.
    (service postgresql stop >/dev/null 2>&1 || true)
  fi
  [ -n "$(pg_bin)" ]
}

pg_start() {
  local bin dir port
  bin="$(pg_bin)"
  dir="$(mktemp -d /tmp/ceasefire-pg.XXXXXX)"
  # A free port unless one is asked for: two test runs on one machine must not collide.
  port="${CEASEFIRE_PG_PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}"
  PG_DIR="$dir"
  chown postgres "$dir" 2>/dev/null || true
  local as=()
  [ "$(id -u)" = 0 ] && as=(runuser -u postgres --)
  "${as[@]}" "$bin/initdb" -D "$dir/data" -U ceasefire --auth=trust -E UTF8 >"$dir/initdb.log"
  "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off" start >/dev/null
  export CEASEFIRE_TEST_PG="postgresql://ceasefire@127.0.0.1:$port/postgres"
  echo "PostgreSQL running on 127.0.0.1:$port" >&2
}

pg_stop() {
  [ -n "${PG_DIR:-}" ] || return 0
  local as=()
  [ "$(id -u)" = 0 ] && as=(runuser -u postgres --)
  "${as[@]}" "$(pg_bin)/pg_ctl" -D "$PG_DIR/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
}
