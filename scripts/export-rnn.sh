#!/usr/bin/env bash
# Exports torch LSTM and GRU networks to .models/rnn/ with Debian's python3-torch and python3-onnx.
# Uses the system interpreter on purpose: a pyenv or venv python usually lacks those packages.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
exec /usr/bin/python3 scripts/export-rnn.py "$@"
