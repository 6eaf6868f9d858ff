#!/usr/bin/env bash
# Schemathesis against a generated backend, as issue 18 measures it: generate from the documents,
# migrate a fresh SQLite file, serve the app under uvicorn, run `st run` (all checks but
# status_code_conformance, positive and negative data, the stateful phase, 25 examples per
# operation, seed 1), print its summary, stop the server.
#
#   bash scripts/conformance.sh <venv> <out-dir> --api <file> [--api <file>...]
#
# <venv>: a virtualenv holding schemathesis 4.x and what generated backends require (fastapi,
# sqlalchemy[asyncio], aiosqlite, pydantic-settings, pydantic[email], alembic, uvicorn).
# <out-dir>: where the backend is generated (emptied first). Env: CONFORMANCE_PORT (default 18080),
# CONFORMANCE_EXAMPLES (default 25).
set -euo pipefail

venv="$1"; out="$2"; shift 2
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
port="${CONFORMANCE_PORT:-18080}"
examples="${CONFORMANCE_EXAMPLES:-25}"

rm -rf "$out" && mkdir -p "$out"
node "$repo_root/dist/bin/infra-stack.js" --out "$out" --no-docs --ddl none --db sqlite "$@" >/dev/null
cd "$out/backend"
export DATABASE_URL="sqlite+aiosqlite:///$out/conformance.sqlite"
"$venv/bin/alembic" upgrade head >/dev/null 2>&1
"$venv/bin/uvicorn" app.main:app --port "$port" --log-level warning >"$out/uvicorn.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  curl -sf "http://127.0.0.1:$port/openapi.json" >/dev/null && break
  sleep 0.1
done

# The document as written (the first --api), not the app's own /openapi.json: conformance is to the source.
spec=""
for ((i = 1; i < $#; i++)); do
  if [ "${!i}" = "--api" ]; then j=$((i + 1)); spec="$(cd "$OLDPWD" && realpath "${!j}")"; break; fi
done
# The app serves the document's paths under its server's path (app/main.py's router prefix).
prefix="$(sed -n 's/.*include_router(api_router, prefix="\([^"]*\)").*/\1/p' app/main.py)"
# An empty configuration: the measure as issue 18 sets it, not the backend's own schemathesis.toml.
: >"$out/schemathesis.toml"
"$venv/bin/st" --config-file "$out/schemathesis.toml" run "$spec" --url "http://127.0.0.1:$port$prefix" --checks all \
  --exclude-checks status_code_conformance --max-examples "$examples" --seed 1 \
  --phases examples,coverage,fuzzing,stateful --mode all --no-color || true
