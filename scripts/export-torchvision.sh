#!/usr/bin/env bash
# Exports torchvision models to .models/torchvision/ with Debian's python3-torchvision and python3-onnx.
# Uses the system interpreter on purpose: a pyenv or venv python usually lacks those packages.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
exec /usr/bin/python3 scripts/export-torchvision.py "$@"
