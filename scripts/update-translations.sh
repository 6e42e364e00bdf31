#!/usr/bin/env bash
# Brings resources/translations/vwdesk_nl.ts up to date with the GUI's texts
# (Qt's lupdate); then translate what it marks "unfinished" (Qt Linguist:
# .venv/bin/pyside6-linguist, or by hand). The tests fail while the file is
# out of date or a text is untranslated.
set -euo pipefail
cd "$(dirname "$0")/.."
# The sources first: lupdate reads the arguments after -ts as more catalogues.
{ find src/vwdesk/gui -name "*.py" | sort; echo -ts resources/translations/vwdesk_nl.ts; } \
  | xargs .venv/bin/pyside6-lupdate -locations none -source-language en -target-language nl
