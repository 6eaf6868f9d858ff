#!/usr/bin/env bash
# Installs Debian's MariaDB server when `mariadbd` is missing, so that `npm test` works on a
# fresh Debian machine (root, Debian's package mirror reachable). Prints one line saying so.
# Does nothing when MariaDB is already there (or INFRA_STACK_MYSQL_BIN names its folder).
set -euo pipefail

log() { echo "[mariadb] $*" >&2; }

for dir in "${INFRA_STACK_MYSQL_BIN:-}" /usr/sbin /usr/bin; do
  if [ -n "$dir" ] && [ -x "$dir/mariadbd" ]; then exit 0; fi
done
if command -v mariadbd >/dev/null 2>&1; then exit 0; fi

if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  log "error: MariaDB is not installed and this is not a Debian machine run as root; install it (Debian: sudo apt-get install -y mariadb-server) or set INFRA_STACK_MYSQL_BIN to the folder of mariadbd"
  exit 1
fi

log "MariaDB is not installed: installing Debian's mariadb-server (once, about a minute)"
export DEBIAN_FRONTEND=noninteractive
output="$(mktemp)"
if ! { apt-get update -qq && apt-get install -y -qq --no-install-recommends mariadb-server mariadb-client; } >"$output" 2>&1; then
  tail -n 20 "$output" >&2
  rm -f "$output"
  log "error: apt-get install mariadb-server failed (output above)"
  exit 1
fi
rm -f "$output"
