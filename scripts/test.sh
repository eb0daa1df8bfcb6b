#!/usr/bin/env bash
# Install everything the tests need into .venv, then run every test and the linter.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing Debian's chromium for the browser tests..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-color-emoji >/dev/null
  else
    echo "No /usr/bin/chromium: install Debian's chromium (sudo apt-get install chromium) to run the browser tests." >&2
  fi
fi
AXE_VERSION=4.14.1
AXE=.cache/axe/node_modules/axe-core/axe.min.js
if ! head -n 1 "$AXE" 2>/dev/null | grep -qxF "/*! axe v$AXE_VERSION"; then
  if command -v npm >/dev/null; then
    echo "Installing axe-core $AXE_VERSION from npm for the accessibility tests..."
    npm install --prefix .cache/axe --no-save --no-audit --no-fund --silent "axe-core@$AXE_VERSION"
  else
    echo "No npm: install Node.js's npm to fetch axe-core for the accessibility tests." >&2
  fi
fi
.venv/bin/ruff check .
.venv/bin/python -m pytest "$@"
