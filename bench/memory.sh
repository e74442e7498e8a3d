#!/usr/bin/env bash
# Memory benchmark: the longest races optrace allows, run by the release build, with wall time,
# the size of trajectory.csv and the peak resident set size (GNU time's "Maximum resident set size").
#
#   bench/memory.sh              # 3 racers × 10⁷ steps, then 16 racers × 10⁷ steps, both --no-render
#   bench/memory.sh 3            # only the 3-racer race
#   bench/memory.sh 16           # only the 16-racer race (writes a ~26 GB CSV: check the free space)
#   bench/memory.sh pictures     # 3 racers × 10⁷ steps with pictures (--every 1000, no frames/)
#
# OPTRACE_BIN picks an executable instead of building one; OPTRACE_BENCH_OUT the scratch folder
# (default: a new folder under ${TMPDIR:-/tmp}); its race output is deleted after each run.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="${OPTRACE_BIN:-$("$root/scripts/build-release")}"
scratch="${OPTRACE_BENCH_OUT:-$(mktemp -d "${TMPDIR:-/tmp}/optrace-memory.XXXXXX")}"
mkdir -p "$scratch"
stats="$scratch/time.txt"

run() {
    local label="$1"; shift
    local out="$scratch/race"
    rm -rf "$out"
    /usr/bin/time -f "%e %M" -o "$stats" "$bin" race "$@" --out "$out" --quiet
    read -r seconds kib < "$stats"
    local bytes
    bytes=$(stat -c %s "$out/trajectory.csv")
    printf '%-44s %9.1f s   CSV %8.2f GB   peak RSS %8.1f MiB\n' \
        "$label" "$seconds" "$(echo "$bytes / 1000000000" | bc -l)" "$(echo "$kib / 1024" | bc -l)"
    rm -rf "$out"
}

case "${1:-all}" in
    3) run "3 racers × 10⁷ steps, --no-render" --steps 10000000 --no-render ;;
    16) run "16 racers × 10⁷ steps, --no-render" "$root/bench/valley-bump-16.yaml" --no-render ;;
    pictures) run "3 racers × 10⁷ steps, pictures every 1000" --steps 10000000 --every 1000 --no-frames ;;
    all)
        run "3 racers × 10⁷ steps, --no-render" --steps 10000000 --no-render
        run "16 racers × 10⁷ steps, --no-render" "$root/bench/valley-bump-16.yaml" --no-render
        ;;
    *) echo "usage: bench/memory.sh [3|16|pictures|all]" >&2; exit 2 ;;
esac
