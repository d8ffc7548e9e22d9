#!/usr/bin/env bash
# Exports torchvision models to .models/torchvision/ and torch LSTM/GRU networks to .models/rnn/ with
# Debian's python3-torchvision (which brings python3-torch) and python3-onnx.
# Uses the system interpreter on purpose: a pyenv or venv python usually lacks those packages.
# Arguments go to export-torchvision.py; the recurrent exports are small and always refreshed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
status=0
/usr/bin/python3 scripts/export-rnn.py || status=$?
/usr/bin/python3 scripts/export-torchvision.py "$@" || status=$?
exit "$status"
