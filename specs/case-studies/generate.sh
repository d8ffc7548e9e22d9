#!/usr/bin/env bash
# Writes the case-study models (seeded random weights, a few MB each) into specs/case-studies/models/,
# which git ignores. Run once before `misnomer check|run specs/case-studies/*.yaml`.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
dotnet run --project "$root/bench/ModelWriter" -c Release -- case-studies "$here/models"
