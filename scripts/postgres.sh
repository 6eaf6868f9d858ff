#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the test suite.
#
#   bash scripts/postgres.sh start    # init (once) + start, wait until ready
#   bash scripts/postgres.sh stop     # stop (fine if not running)
#   bash scripts/postgres.sh status   # exit 0 when running
#   bash scripts/postgres.sh url      # print the connection URL
#
# The server listens on 127.0.0.1 only, on port $INFRA_STACK_PG_PORT (default
# 55432), with trust auth and superuser `postgres`, so the URL is
# postgresql://postgres@127.0.0.1:<port>/postgres. fsync is off: the data is
# disposable.
#
# Where the cluster lives: .cache/pg (data/, socket/, postgres.log). PostgreSQL
# refuses to run as root, so as root the server runs as the `postgres` OS user
# (created with useradd if missing) and the data dir is owned by it; as any other
# user it runs as that user. If the `postgres` user cannot reach .cache/pg (a
# parent directory such as /root is not traversable by others) or the path is
# too long for a unix socket, the cluster goes to /tmp/infra-stack-pg-<port>
# instead. INFRA_STACK_PG_DIR forces a location.
#
# Binaries: $INFRA_STACK_PG_BIN, else /usr/local/bin, else /usr/lib/postgresql/15/bin,
# else whatever initdb/pg_ctl is on PATH.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
port="${INFRA_STACK_PG_PORT:-55432}"

log() { echo "[postgres] $*" >&2; }
die() { log "error: $*"; exit 1; }

find_bin_dir() {
  local dir
  for dir in "${INFRA_STACK_PG_BIN:-}" /usr/local/bin /usr/lib/postgresql/15/bin; do
    if [ -n "$dir" ] && [ -x "$dir/pg_ctl" ] && [ -x "$dir/initdb" ] && [ -x "$dir/postgres" ]; then
      echo "$dir"
      return
    fi
  done
  if command -v pg_ctl >/dev/null 2>&1 && command -v initdb >/dev/null 2>&1; then
    dirname "$(command -v pg_ctl)"
    return
  fi
  die "PostgreSQL server binaries (initdb, pg_ctl, postgres) not found in /usr/local/bin, /usr/lib/postgresql/15/bin or PATH; set INFRA_STACK_PG_BIN or install them (Debian: apt-get install postgresql-15)"
}

# Runs a command as the OS user that owns the cluster (from /, since the caller's
# working directory may not be readable by that user).
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then
    if command -v runuser >/dev/null 2>&1; then
      (cd / && runuser -u postgres -- "$@")
    else
      (cd / && setpriv --reuid=postgres --regid=postgres --init-groups -- "$@")
    fi
  else
    "$@"
  fi
}

ensure_pg_user() {
  [ "$(id -u)" -eq 0 ] || return 0
  if ! id -u postgres >/dev/null 2>&1; then
    log "creating OS user 'postgres'"
    useradd --system --user-group --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin postgres
  fi
}

# Picks the cluster's base directory (see the header).
choose_base_dir() {
  if [ -n "${INFRA_STACK_PG_DIR:-}" ]; then
    echo "$INFRA_STACK_PG_DIR"
    return
  fi
  local preferred="$repo_root/.cache/pg"
  local fallback="/tmp/infra-stack-pg-$port"
  # unix socket paths are limited to ~107 bytes: ".../socket/.s.PGSQL.<port>"
  if [ $(( ${#preferred} + 26 )) -gt 100 ]; then
    echo "$fallback"
    return
  fi
  mkdir -p "$repo_root/.cache"
  if [ "$(id -u)" -eq 0 ] && ! as_pg test -x "$repo_root/.cache"; then
    echo "$fallback"
    return
  fi
  echo "$preferred"
}

bin_dir=""
base_dir=""
data_dir=""
socket_dir=""
log_file=""

setup_paths() {
  bin_dir="$(find_bin_dir)"
  ensure_pg_user
  base_dir="$(choose_base_dir)"
  data_dir="$base_dir/data"
  socket_dir="$base_dir/socket"
  log_file="$base_dir/postgres.log"
}

is_running() {
  [ -f "$data_dir/PG_VERSION" ] && as_pg "$bin_dir/pg_ctl" status -D "$data_dir" >/dev/null 2>&1
}

port_in_use() {
  # bash's /dev/tcp: succeeds when something accepts connections on the port
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null
}

init_cluster() {
  mkdir -p "$base_dir"
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres: "$base_dir"
  fi
  chmod 0755 "$base_dir"
  as_pg mkdir -p "$socket_dir"
  if [ -f "$data_dir/PG_VERSION" ]; then
    return
  fi
  log "initdb $data_dir"
  rm -rf "$data_dir"
  if ! as_pg "$bin_dir/initdb" --pgdata="$data_dir" --username=postgres --auth=trust \
      --encoding=UTF8 --no-locale >"$base_dir/initdb.log" 2>&1; then
    cat "$base_dir/initdb.log" >&2
    die "initdb failed"
  fi
  # Settings live in an included file, rewritten at every start (the port may change).
  echo "include_if_exists = 'infra-stack.conf'" | as_pg tee -a "$data_dir/postgresql.conf" >/dev/null
}

write_settings() {
  as_pg tee "$data_dir/infra-stack.conf" >/dev/null <<EOF
# written by scripts/postgres.sh at every start
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$socket_dir'
max_connections = 200
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
}

start() {
  setup_paths
  if is_running; then
    log "already running ($data_dir, port $port)"
    return
  fi
  if port_in_use; then
    die "port $port on 127.0.0.1 is taken by another process; set INFRA_STACK_PG_PORT to a free port"
  fi
  init_cluster
  write_settings
  log "starting on 127.0.0.1:$port ($data_dir)"
  if ! as_pg "$bin_dir/pg_ctl" start --pgdata="$data_dir" --log="$log_file" --wait --timeout=60 >/dev/null; then
    tail -n 30 "$log_file" >&2 || true
    die "pg_ctl start failed (log: $log_file)"
  fi
  # pg_ctl --wait already waits for "ready"; also make sure TCP answers.
  local i
  for i in $(seq 1 50); do
    port_in_use && { log "ready: $(url)"; return; }
    sleep 0.2
  done
  tail -n 30 "$log_file" >&2 || true
  die "server started but 127.0.0.1:$port does not accept connections"
}

stop() {
  setup_paths
  if ! is_running; then
    log "not running ($data_dir)"
    return
  fi
  log "stopping ($data_dir)"
  as_pg "$bin_dir/pg_ctl" stop --pgdata="$data_dir" --mode=fast --wait --timeout=60 >/dev/null
}

url() {
  echo "postgresql://postgres@127.0.0.1:$port/postgres"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) setup_paths; is_running ;;
  url) url ;;
  *) echo "usage: $0 start|stop|status|url" >&2; exit 2 ;;
esac
