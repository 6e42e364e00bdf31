#!/usr/bin/env bash
# Creates .venv (if needed) and installs vwdesk with its test and bundle tools
# into it: exactly the versions and files of requirements.lock (hashes
# checked), then vwdesk itself from this checkout (editable).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if ! "$PY" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "vwdesk heeft Python 3.11 of nieuwer nodig (gevonden: $("$PY" --version))." >&2
  exit 2
fi
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --require-hashes -r requirements.lock
.venv/bin/python -m pip install -q --no-deps --no-build-isolation -e .
if ! .venv/bin/python -m pip check >/dev/null; then
  .venv/bin/python -m pip check >&2 || true
  echo "requirements.lock mist een afhankelijkheid uit pyproject.toml: draai bash scripts/lock.sh." >&2
  exit 1
fi
# Compile the Qt translations (.ts -> .qm) next to their sources.
for ts in resources/translations/*.ts; do
  [ -e "$ts" ] || continue
  .venv/bin/pyside6-lrelease -silent "$ts" -qm "${ts%.ts}.qm"
done
