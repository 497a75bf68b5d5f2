#!/usr/bin/env bash
# Runs a command beside a throwaway PostgreSQL server: `scripts/with-postgres.sh npm test`.
# The server lives in a temporary folder, listens on a Unix socket there and on no TCP port,
# and is stopped and removed when the command ends, pass or fail. The command sees
# TEST_DATABASE_URL. PostgreSQL's server binaries come from Debian's `postgresql` package,
# installed here when missing and when this runs as root (as in CI).
set -uo pipefail

find_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/pg_ctl" ] && { echo "$dir"; return 0; }
  done
  command -v pg_ctl >/dev/null && { dirname "$(command -v pg_ctl)"; return 0; }
  return 1
}

bin="$(find_bin)"
if [ -z "$bin" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "with-postgres: installing Debian's postgresql package" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  bin="$(find_bin)"
fi
if [ -z "$bin" ]; then
  echo "with-postgres: no PostgreSQL server binaries (apt-get install postgresql); running without TEST_DATABASE_URL" >&2
  exec "$@"
fi

# In /tmp, not $TMPDIR: a Unix socket's path must stay under 108 bytes.
dir="$(mktemp -d /tmp/designation-pg.XXXXXX)"
# initdb and the server refuse to run as root: as root, they run as the package's postgres user.
as_owner=(env)
if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || { echo "with-postgres: running as root needs the postgres user (Debian's postgresql package makes it)" >&2; rm -rf "$dir"; exit 1; }
  chown postgres "$dir"
  as_owner=(runuser -u postgres --)
fi

stop() {
  "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1
  rm -rf "$dir"
}
trap stop EXIT

"${as_owner[@]}" "$bin/initdb" -D "$dir/data" -U designation --auth=trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 \
  || { cat "$dir/initdb.log" >&2; exit 1; }
"${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
  -o "-c listen_addresses='' -k '$dir' -c max_connections=200" start >/dev/null \
  || { cat "$dir/server.log" >&2; exit 1; }
"$bin/createdb" -h "$dir" -U designation designation_test || exit 1

export TEST_DATABASE_URL="postgresql://designation@localhost/designation_test?host=$dir"
echo "with-postgres: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on $dir" >&2
# The command runs as a child, so that a SIGTERM or Ctrl-C to this script reaches it before the server stops.
"$@" &
command_pid=$!
trap 'kill -TERM "$command_pid" 2>/dev/null' TERM INT
wait "$command_pid"
status=$?
# wait returns early when a signal arrives: the command's own end is awaited too.
kill -0 "$command_pid" 2>/dev/null && { wait "$command_pid"; status=$?; }
exit "$status"
