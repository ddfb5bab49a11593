#!/usr/bin/env bash
# Imports reference data into the running routing-service, shows the import's progress while it runs, then waits
# until every consumer of appeals.territory (intake, analytics) has it.
#   scripts/import-territory.sh classifier|akims|boundaries FILE [EFFECTIVE_FROM]
# classifier: the KATO file as published (.xlsx) or CSV; akims: CSV; boundaries: GeoJSON. EFFECTIVE_FROM
# (YYYY-MM-DD, default today in Kazakhstan) is the day the release is in force from. ROUTING_URL and
# APPEALS_ADMIN_TOKEN override the local system's address and the minted admin token; APPEALS_DELIVERY_WAIT the
# seconds to wait for the consumers (default 300).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
ROUTING="${ROUTING_URL:-http://127.0.0.1:8082}"

(($# >= 2 && $# <= 3)) || { sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
kind=$1 file=$2 effective=${3:-}
[[ -r $file ]] || { echo "cannot read $file" >&2; exit 2; }
case "$kind:$file" in
  classifier:*.xlsx) type='application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' ;;
  classifier:*|akims:*) type='text/csv; charset=UTF-8' ;;
  boundaries:*) type='application/geo+json' ;;
  *) echo "unknown kind $kind (classifier, akims, boundaries)" >&2; exit 2 ;;
esac

token=${APPEALS_ADMIN_TOKEN:-$("$ROOT/appeals" token admin)}
url="$ROUTING/api/v1/admin/territory/$kind?source=$(basename "$file")${effective:+&effectiveFrom=$effective}"
result=$(mktemp)
trap 'rm -f "$result"' EXIT
curl -sS -o "$result" -w '%{http_code}' -X POST "$url" -H "Authorization: Bearer $token" \
  -H "Content-Type: $type" --data-binary "@$file" >"$result.status" &
upload=$!
while kill -0 "$upload" 2>/dev/null; do
  sleep 1
  progress=$(curl -sf "$ROUTING/api/v1/admin/territory/import/progress" -H "Authorization: Bearer $token" \
    | sed -E 's/.*"kind":"([^"]*)".*"phase":"([^"]*)".*"done":([0-9]+).*"total":([0-9]+).*/\1: \2 \3 of \4 rows/') || true
  [[ -z $progress ]] || echo "$progress" >&2
done
wait "$upload" || true
status=$(cat "$result.status"); rm -f "$result.status"
cat "$result"; echo
[[ $status == 200 ]] || { echo "import refused (HTTP $status): nothing was imported" >&2; exit 1; }

# Imported is not yet usable: intake accepts a new code once its copy of the territory has it.
answered=$SECONDS
while :; do
  delivery=$(curl -sf "$ROUTING/api/v1/admin/territory/delivery" -H "Authorization: Bearer $token") || delivery=
  if [[ $delivery == *'"everyConsumerHasIt":true'* ]]; then
    echo "delivered: every consumer has it $((SECONDS - answered)) s after the import answered" >&2
    break
  fi
  if ((SECONDS - answered >= ${APPEALS_DELIVERY_WAIT:-300})); then
    echo "not delivered after ${APPEALS_DELIVERY_WAIT:-300} s: $delivery" >&2
    echo "GET $ROUTING/api/v1/admin/territory/delivery names the consumer group that is behind" >&2
    exit 3
  fi
  behind=$(grep -o '"group":"[^"]*","behind":[0-9]*' <<<"$delivery" | sed -E 's/"group":"([^"]*)","behind":/\1 behind by /' \
    | paste -sd ',' -) || true
  echo "delivering: ${behind:-waiting for the broker}" >&2
  sleep 1
done
