#!/usr/bin/env bash
# Regenerates sdk/Generated from docs/openapi.json with the Kiota pinned in .config/dotnet-tools.json.
# Nothing is fetched but the tool itself (dotnet tool restore); the description is the checked-in file.
# To refresh docs/openapi.json from a running silo first: sdk/generate.sh --from http://localhost:5080
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ "${1:-}" == "--from" ]]; then
  curl -fsS "${2:?base URL}/openapi/v1.json" | python3 -m json.tool --indent 2 > docs/openapi.json
fi

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
