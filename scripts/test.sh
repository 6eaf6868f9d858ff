#!/usr/bin/env bash
# The whole test suite: `npm test` (extra arguments go to vitest, e.g.
# `npm test -- --project unit` or `npm test -- test/e2e`).
#
#   1. builds the TypeScript (npm run build -> dist/)
#   2. type-checks the tests (tsconfig.test.json, no output)
#   3. makes sure uv is installed (scripts/python-env.sh -> .cache/tools)
#   4. starts a throwaway PostgreSQL 15 (scripts/postgres.sh) and MariaDB
#      (scripts/mariadb.sh; scripts/install-mariadb.sh installs Debian's package first
#      when it is missing), and stops each on exit unless it was already running
#      before (then it is left running)
#   5. installs Node 22 and 24 into .cache/ (scripts/node-versions.sh, from the npm registry)
#   6. runs `npx vitest run` (projects unit and e2e); without arguments, then the unit project
#      again on Node 22 and on Node 24; exits non-zero if any of them failed
#
# Env it sets for the tests: INFRA_STACK_UV, INFRA_STACK_PG_URL, INFRA_STACK_MYSQL_URL,
# INFRA_STACK_NODE_BINARIES ("22=<node> 24=<node>"), UV_CACHE_DIR (.cache/uv).
# Env it reads: INFRA_STACK_PG_PORT (default 55432), INFRA_STACK_MYSQL_PORT (default 53306),
# INFRA_STACK_KEEP_TMP=1 (keep the generated backends in the temp dir for a look by hand).
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

step() { echo "==> $*" >&2; }

if [ ! -d node_modules ]; then
  step "npm ci"
  npm ci --no-audit --no-fund
fi

step "build"
npm run --silent build

step "type-check tests"
npx tsc -p tsconfig.test.json

step "python tooling"
INFRA_STACK_UV="$(bash scripts/python-env.sh)"
export INFRA_STACK_UV
export UV_CACHE_DIR="${UV_CACHE_DIR:-$repo_root/.cache/uv}"

step "postgresql"
started_pg=0
pg_was_running=0
if bash scripts/postgres.sh status 2>/dev/null; then
  pg_was_running=1
fi
started_mysql=0
stop_servers() {
  if [ "$started_pg" -eq 1 ]; then
    bash scripts/postgres.sh stop || true
  fi
  if [ "$started_mysql" -eq 1 ]; then
    bash scripts/mariadb.sh stop || true
  fi
}
trap stop_servers EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
bash scripts/postgres.sh start
# Stopped on exit only when this run started it (a failed start has nothing to stop).
[ "$pg_was_running" -eq 1 ] || started_pg=1
INFRA_STACK_PG_URL="$(bash scripts/postgres.sh url)"
export INFRA_STACK_PG_URL

step "mariadb"
bash scripts/install-mariadb.sh
mysql_was_running=0
if bash scripts/mariadb.sh status 2>/dev/null; then
  mysql_was_running=1
fi
bash scripts/mariadb.sh start
[ "$mysql_was_running" -eq 1 ] || started_mysql=1
INFRA_STACK_MYSQL_URL="$(bash scripts/mariadb.sh url)"
export INFRA_STACK_MYSQL_URL

step "node 22 and 24"
INFRA_STACK_NODE_BINARIES="$(bash scripts/node-versions.sh | tr '\n' ' ')"
export INFRA_STACK_NODE_BINARIES

step "vitest (node $(node --version))"
status=0
npx vitest run "$@" || status=$?

# The whole suite (no arguments) also runs the unit project on the other supported Node versions;
# test/e2e/node-versions.e2e.test.ts generated a backend with each of them above.
if [ "$#" -eq 0 ]; then
  for entry in $INFRA_STACK_NODE_BINARIES; do
    step "vitest --project unit (node $("${entry#*=}" --version))"
    "${entry#*=}" node_modules/vitest/vitest.mjs run --project unit || status=$?
  done
fi
exit "$status"
