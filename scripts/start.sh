#!/usr/bin/env bash
# Sets up the venv and starts vwdesk on the demo database (filled on first start).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/vwdesk --demo "$@"
