#!/usr/bin/env bash
# Creates .venv (if needed) and installs vwdesk with its test tools into it.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if ! "$PY" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "vwdesk heeft Python 3.11 of nieuwer nodig (gevonden: $("$PY" --version))." >&2
  exit 2
fi
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[test,build]'
# Compile the Qt translations (.ts -> .qm) next to their sources.
for ts in resources/translations/*.ts; do
  [ -e "$ts" ] || continue
  .venv/bin/pyside6-lrelease -silent "$ts" -qm "${ts%.ts}.qm"
done
