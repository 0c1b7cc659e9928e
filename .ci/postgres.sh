# Sourced by .ci/run: make a PostgreSQL server answer and export TEST_DATABASE_URL.
# 1) the machine's server at 127.0.0.1:5432; 2) start the installed cluster;
# 3) a throw-away cluster in a temp dir (TOOLCHAIN.md), on port 54329.
ensure_postgres() {
  if [ -n "${TEST_DATABASE_URL:-}" ]; then return 0; fi
  if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
    export TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres
    return 0
  fi
  if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start 2>/dev/null
    for _ in $(seq 1 20); do
      if pg_isready -q -h 127.0.0.1 -p 5432; then
        export TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres
        return 0
      fi
      sleep 0.5
    done
  fi
  local bin dir
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | tail -1)
  [ -n "$bin" ] || return 1
  dir=$(mktemp -d /tmp/ci-pg.XXXXXX)
  chown postgres "$dir" 2>/dev/null
  local as_pg=""
  [ "$(id -u)" = 0 ] && as_pg="runuser -u postgres --"
  $as_pg "$bin/initdb" -A trust -U postgres -D "$dir/data" >/dev/null || return 1
  $as_pg "$bin/pg_ctl" -D "$dir/data" -o "-c listen_addresses=127.0.0.1 -p 54329 -k $dir" -w start >/dev/null || return 1
  export TEST_DATABASE_URL=postgres://postgres@127.0.0.1:54329/postgres
}
