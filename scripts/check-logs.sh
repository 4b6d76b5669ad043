#!/usr/bin/env bash
# Searches a test run's server log (JSON lines, COHORTE_TEST_LOG) for
# personal data: any email address, the test people's names, their
# password. Fails when one is found, when the log is empty, or when its
# requests carry no id. Usage: scripts/check-logs.sh FILE
set -euo pipefail
log="${1:?usage: scripts/check-logs.sh FILE}"
[ -s "$log" ] || { echo "check-logs: $log is empty or missing"; exit 1; }
lines=$(wc -l < "$log")
answered=$(grep -c '"message":"answered"' "$log" || true)
with_id=$(grep '"message":"answered"' "$log" | grep -c '"span":{[^}]*"id":"' || true)
if [ "$answered" -eq 0 ] || [ "$with_id" -ne "$answered" ]; then
  echo "check-logs: $answered requests logged, $with_id with their id"; exit 1
fi
found=0
# Addresses (the tests' are on example.fr, ville.fr and the like), then the
# people of server/tests/api/helpers/personas.rs and the password of
# fixtures.rs.
if grep -nE '[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+' "$log" | head -5 | grep .; then
  echo "check-logs: an email address is in the log"; found=1
fi
for name in "Marie Curie" "Ada Lovelace" "Claire Coordination" "Alice Admin" "Hugo Hôte" \
            "Lovelace" "radium polonium"; do
  if grep -n -F "$name" "$log" | head -3 | grep .; then
    echo "check-logs: \"$name\" is in the log"; found=1
  fi
done
[ "$found" -eq 0 ] || exit 1
echo "check-logs: $lines lines, $answered requests each with its id, no personal data"
