#!/usr/bin/env bash
# Writes requirements.lock: every package vwdesk, its tests, the installer
# bundle and its build backend need, with exact versions and the hashes of
# their files, for Linux and Windows, Python 3.11 and newer (a "universal"
# lock). scripts/setup.sh, CI and the Windows workflow install from it with
# `pip --require-hashes`. Run this after changing a dependency in
# pyproject.toml, then commit both files. Versions already in the lock stay
# unless pyproject.toml rules them out; to move one on:
#   bash scripts/lock.sh --upgrade-package NAME     (or --upgrade for all)
set -euo pipefail
cd "$(dirname "$0")/.."
UV_VERSION=0.13.9
TOOLS=$(mktemp -d)
trap 'rm -rf "$TOOLS"' EXIT
"${PYTHON:-python3}" -m venv "$TOOLS/venv"
"$TOOLS/venv/bin/python" -m pip install -q "uv==$UV_VERSION"
# The build backend (pyproject's [build-system], and `editables`, which
# hatchling asks for an editable install) is locked too: setup.sh installs
# vwdesk itself with --no-build-isolation.
"${PYTHON:-python3}" -c 'import tomllib; print("\n".join(tomllib.load(open("pyproject.toml", "rb"))["build-system"]["requires"]))' >"$TOOLS/build-system.txt"
echo editables >>"$TOOLS/build-system.txt"
"$TOOLS/venv/bin/uv" pip compile --quiet --universal --python-version 3.11 --generate-hashes \
  --no-header --extra test --extra build \
  pyproject.toml "$TOOLS/build-system.txt" -o requirements.lock "$@"
sed -i "s|$TOOLS/build-system.txt|pyproject.toml (build-system)|" requirements.lock
{ echo "# Made by scripts/lock.sh from pyproject.toml; do not edit by hand."; cat requirements.lock; } >"$TOOLS/lock" && mv "$TOOLS/lock" requirements.lock
