#!/bin/sh
# Golden-output tests of the terminal report (docs/report.md). Renders every story of
# stories.txt at 80 and 50 columns and compares byte for byte with NAME.COLS.txt.
#   tests/golden/check.sh build/twitchcheck            # compare (ctest: golden_reports)
#   tests/golden/check.sh build/twitchcheck --update   # regenerate; review the diff line by line
set -u
bin=$1
update=${2:-}
dir=$(cd "$(dirname "$0")" && pwd)
fail=0
grep -v '^#' "$dir/stories.txt" | while IFS='|' read -r name opts text; do
  [ -n "$name" ] || continue
  for cols in 80 50; do
    out="$dir/$name.$cols.txt"
    # shellcheck disable=SC2086  # opts is a list of options
    got=$(COLUMNS=$cols NO_COLOR=1 "$bin" --today 2026-06-15 assess $opts "$text"; echo "exit $?")
    if [ "$update" = "--update" ]; then
      printf '%s\n' "$got" > "$out"
    elif [ "$(printf '%s\n' "$got")" != "$(cat "$out" 2>/dev/null)" ]; then
      echo "golden mismatch: $name at $cols columns; diff:"
      printf '%s\n' "$got" | diff "$out" - | head -40
      echo 1 > "$dir/.failed.$$"
    fi
  done
done
if [ -f "$dir/.failed.$$" ]; then rm -f "$dir/.failed.$$"; exit 1; fi
exit 0
