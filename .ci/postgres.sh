# Throwaway PostgreSQL for the database export tests. Source it from bash, then call
# `pg_start`: it installs Debian's postgresql when no server binaries are found,
# initialises a cluster in a temp dir, starts it on a free loopback port (and a
# socket in that dir), exports IIJ_XBRL_PG_URL and stops + removes it on exit.
# An IIJ_XBRL_PG_URL already set is used as it is.

_pg_bindir() {
  local dir
  if command -v pg_ctl >/dev/null && command -v initdb >/dev/null; then
    dirname "$(readlink -f "$(command -v pg_ctl)")"
    return
  fi
  # Debian keeps the server binaries off PATH, one folder per major version.
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$dir" ] && [ -x "$dir/initdb" ] && echo "$dir"
}

_pg_as() {  # run a command as the cluster owner: initdb and postgres refuse to run as root
  if [ "$(id -u)" = 0 ]; then "$_PG_RUNUSER" -u "$_PG_USER" -- "$@"; else "$@"; fi
}

pg_stop() {
  if [ -n "${_PG_DIR:-}" ] && [ -d "$_PG_DIR" ]; then
    _pg_as "$_PG_BIN/pg_ctl" -D "$_PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$_PG_DIR"
  fi
}

pg_start() {
  if [ -n "${IIJ_XBRL_PG_URL:-}" ]; then
    echo "postgres: using IIJ_XBRL_PG_URL from the environment" >&2
    return 0
  fi
  _PG_BIN=$(_pg_bindir) || {
    echo "postgres: installing Debian's postgresql" >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    _PG_BIN=$(_pg_bindir)
  } || { echo "postgres: no initdb/pg_ctl found" >&2; return 1; }
  _PG_USER=$(id -un)
  if [ "$(id -u)" = 0 ]; then
    local PATH="$PATH:/usr/sbin:/sbin"  # runuser and useradd live there; CI's PATH may lack them
    _PG_USER=postgres
    _PG_RUNUSER=$(command -v runuser)
    id -u postgres >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin postgres
  fi
  _PG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/iij-pg.XXXXXX")
  chmod 755 "$_PG_DIR"
  [ "$(id -u)" = 0 ] && chown "$_PG_USER" "$_PG_DIR"
  trap pg_stop EXIT
  local port
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  _pg_as "$_PG_BIN/initdb" -D "$_PG_DIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync \
    >"$_PG_DIR/initdb.log" 2>&1 || { cat "$_PG_DIR/initdb.log" >&2; return 1; }
  # Durability is pointless for a throwaway cluster; skipping fsync keeps CI fast.
  _pg_as "$_PG_BIN/pg_ctl" -D "$_PG_DIR/data" -l "$_PG_DIR/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $_PG_DIR -c fsync=off -c full_page_writes=off" start \
    >/dev/null || { cat "$_PG_DIR/server.log" >&2; return 1; }
  export IIJ_XBRL_PG_URL="postgresql://postgres@127.0.0.1:$port/postgres"
  echo "postgres: throwaway cluster on 127.0.0.1:$port ($_PG_BIN)" >&2
}
