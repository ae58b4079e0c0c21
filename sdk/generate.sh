#!/usr/bin/env bash
# Regenerates sdk/Generated from docs/openapi.json with the Kiota pinned in .config/dotnet-tools.json.
# Nothing is fetched but the tool itself (dotnet tool restore); the description is the checked-in file.
# To refresh docs/openapi.json first: scripts/update-openapi.sh (the one writer of that file, so its
# bytes are the ones OpenApiDocumentTests compares with the served document).
set -euo pipefail
cd "$(dirname "$0")/.."

export KIOTA_OFFLINE_ENABLED=true KIOTA_TUTORIAL_ENABLED=false
dotnet tool restore > /dev/null
dotnet kiota generate \
  --openapi docs/openapi.json \
  --language csharp \
  --output sdk/Generated \
  --class-name GenomDeApi \
  --namespace-name GenomDE.Client.Generated \
  --exclude-backward-compatible \
  --clean-output \
  --log-level Warning
echo "sdk/Generated regenerated from docs/openapi.json"
