#!/usr/bin/env bash
# Regenerates docs/openapi.json from the running test API (see tests/Api/OpenApiDocumentTests.cs).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build tests -v q
GENOMDE_UPDATE_OPENAPI=1 dotnet test tests --no-build -- --filter-class "*OpenApiDocumentTests"
git --no-pager diff --stat -- docs/openapi.json
