#!/usr/bin/env bash
# Makes sure the Python tooling the end-to-end tests need is installed, and
# prints the absolute path of the `uv` executable on stdout (everything else
# goes to stderr), so callers can do:
#
#   INFRA_STACK_UV="$(bash scripts/python-env.sh)"
#
# What it does:
#   - creates a tools venv at .cache/tools with `python3 -m venv` (once);
#   - installs the pinned uv version into it with pip (only if missing or a
#     different version is installed).
#
# The generated backends get their own venvs later (test/support/python-backend.ts
# runs `uv venv --python python3` and `uv pip install -e '.[dev]'`), sharing the
# wheel cache in .cache/uv (UV_CACHE_DIR).
#
# Env: PYTHON (default python3) picks the interpreter for the tools venv.
set -euo pipefail

UV_VERSION="0.13.9"

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tools_dir="$repo_root/.cache/tools"
python="${PYTHON:-python3}"
uv="$tools_dir/bin/uv"

log() { echo "[python-env] $*" >&2; }

if ! command -v "$python" >/dev/null 2>&1; then
  log "error: '$python' not found; install Python 3.11+ (Debian: apt-get install python3 python3-venv)"
  exit 1
fi

if [ ! -x "$tools_dir/bin/python" ]; then
  log "creating tools venv at $tools_dir"
  mkdir -p "$repo_root/.cache"
  if ! "$python" -m venv "$tools_dir" >&2; then
    log "error: '$python -m venv' failed (Debian: apt-get install python3-venv)"
    rm -rf "$tools_dir"
    exit 1
  fi
fi

installed="$("$uv" --version 2>/dev/null | awk '{print $2}' || true)"
if [ "$installed" != "$UV_VERSION" ]; then
  log "installing uv==$UV_VERSION into $tools_dir"
  "$tools_dir/bin/python" -m pip install --quiet --disable-pip-version-check "uv==$UV_VERSION" >&2
fi

log "$("$uv" --version)"
echo "$uv"
