#!/usr/bin/env bash
# A throwaway MariaDB server for the tests of the MySQL DDL.
#
#   bash scripts/mariadb.sh start    # init (once) + start, wait until ready
#   bash scripts/mariadb.sh stop     # stop (fine if not running)
#   bash scripts/mariadb.sh status   # exit 0 when running
#   bash scripts/mariadb.sh url      # print the connection URL
#
# The server listens on 127.0.0.1 only, on port $INFRA_STACK_MYSQL_PORT (default
# 53306); its user `root` has no password, so the URL is mysql://root@127.0.0.1:<port>/.
# Durability is off: the data is disposable.
#
# Where the server lives: .cache/mariadb (data/, mariadb.sock, mariadb.log). As root
# the server runs as the `mysql` OS user (which Debian's mariadb-server package
# creates); if that user cannot reach .cache/mariadb (a parent such as /root is not
# traversable by others) or the path is too long for a unix socket, the server goes to
# /tmp/infra-stack-mariadb-<port> instead. INFRA_STACK_MYSQL_DIR forces a location.
#
# Binaries: $INFRA_STACK_MYSQL_BIN, else mariadbd / mariadb-install-db / mariadb /
# mariadb-admin from /usr/sbin, /usr/bin or PATH (Debian: apt-get install mariadb-server;
# .ci/run installs it).
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
port="${INFRA_STACK_MYSQL_PORT:-53306}"

log() { echo "[mariadb] $*" >&2; }
die() { log "error: $*"; exit 1; }

find_program() {
  local name="$1" dir
  for dir in "${INFRA_STACK_MYSQL_BIN:-}" /usr/sbin /usr/bin; do
    if [ -n "$dir" ] && [ -x "$dir/$name" ]; then
      echo "$dir/$name"
      return
    fi
  done
  if command -v "$name" >/dev/null 2>&1; then
    command -v "$name"
    return
  fi
  die "$name not found in \$INFRA_STACK_MYSQL_BIN, /usr/sbin, /usr/bin or PATH; install MariaDB (Debian: apt-get install -y mariadb-server)"
}

# Runs a command as the OS user that owns the server's files (from /, since the
# caller's working directory may not be readable by that user).
as_server_user() {
  if [ "$(id -u)" -eq 0 ]; then
    (cd / && runuser -u mysql -- "$@")
  else
    "$@"
  fi
}

choose_base_dir() {
  if [ -n "${INFRA_STACK_MYSQL_DIR:-}" ]; then
    echo "$INFRA_STACK_MYSQL_DIR"
    return
  fi
  local preferred="$repo_root/.cache/mariadb"
  local fallback="/tmp/infra-stack-mariadb-$port"
  # unix socket paths are limited to ~107 bytes: ".../mariadb.sock"
  if [ $(( ${#preferred} + 14 )) -gt 100 ]; then
    echo "$fallback"
    return
  fi
  mkdir -p "$repo_root/.cache"
  if [ "$(id -u)" -eq 0 ] && ! as_server_user test -x "$repo_root/.cache"; then
    echo "$fallback"
    return
  fi
  echo "$preferred"
}

server=""
install_db=""
client=""
admin=""
base_dir=""
data_dir=""
socket=""
log_file=""
pid_file=""

setup_paths() {
  server="$(find_program mariadbd)"
  install_db="$(find_program mariadb-install-db)"
  client="$(find_program mariadb)"
  admin="$(find_program mariadb-admin)"
  if [ "$(id -u)" -eq 0 ] && ! id -u mysql >/dev/null 2>&1; then
    die "OS user 'mysql' missing (Debian's mariadb-server package creates it)"
  fi
  base_dir="$(choose_base_dir)"
  data_dir="$base_dir/data"
  socket="$base_dir/mariadb.sock"
  log_file="$base_dir/mariadb.log"
  pid_file="$base_dir/mariadb.pid"
}

is_running() {
  [ -S "$socket" ] && "$admin" --no-defaults --socket="$socket" --user=root ping >/dev/null 2>&1
}

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null
}

init_server() {
  mkdir -p "$base_dir"
  if [ "$(id -u)" -eq 0 ]; then
    chown mysql: "$base_dir"
  fi
  chmod 0755 "$base_dir"
  if [ -d "$data_dir/mysql" ]; then
    return
  fi
  log "mariadb-install-db $data_dir"
  rm -rf "$data_dir"
  local user_option=()
  [ "$(id -u)" -eq 0 ] && user_option=(--user=mysql)
  if ! as_server_user "$install_db" --no-defaults "${user_option[@]}" --datadir="$data_dir" \
      --auth-root-authentication-method=normal --skip-test-db >"$base_dir/install-db.log" 2>&1; then
    cat "$base_dir/install-db.log" >&2
    die "mariadb-install-db failed"
  fi
}

start() {
  setup_paths
  if is_running; then
    log "already running ($data_dir, port $port)"
    return
  fi
  if port_in_use; then
    die "port $port on 127.0.0.1 is taken by another process; set INFRA_STACK_MYSQL_PORT to a free port"
  fi
  init_server
  log "starting on 127.0.0.1:$port ($data_dir)"
  local user_option=()
  [ "$(id -u)" -eq 0 ] && user_option=(--user=mysql)
  # setsid: the server outlives this script (npm test stops it on exit).
  setsid "$server" --no-defaults "${user_option[@]}" --datadir="$data_dir" --socket="$socket" \
    --port="$port" --bind-address=127.0.0.1 --pid-file="$pid_file" --log-error="$log_file" \
    --skip-name-resolve --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
    --innodb-flush-log-at-trx-commit=0 --innodb-doublewrite=0 --innodb-buffer-pool-size=64M \
    --max-connections=100 </dev/null >/dev/null 2>&1 &
  local i
  for i in $(seq 1 150); do
    if is_running && port_in_use; then
      # The root account of a fresh server is root@localhost; tests come over TCP.
      "$client" --no-defaults --socket="$socket" --user=root -e \
        "CREATE USER IF NOT EXISTS 'root'@'127.0.0.1'; GRANT ALL ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION;"
      log "ready: $(url)"
      return
    fi
    sleep 0.2
  done
  tail -n 30 "$log_file" >&2 || true
  die "mariadbd did not become ready on 127.0.0.1:$port (log: $log_file)"
}

stop() {
  setup_paths
  if ! is_running; then
    log "not running ($data_dir)"
    return
  fi
  log "stopping ($data_dir)"
  "$admin" --no-defaults --socket="$socket" --user=root shutdown
}

url() {
  echo "mysql://root@127.0.0.1:$port/"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) setup_paths; is_running ;;
  url) url ;;
  *) echo "usage: $0 start|stop|status|url" >&2; exit 2 ;;
esac
