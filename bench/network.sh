#!/usr/bin/env bash
# The networks side by side: optrace's figures (`optrace bench`, networks section) and the numpy peer
# (bench/peers/numpy_networks.py) on the same machine, one after the other, medians of 7 runs each.
#   bench/network.sh [OPTRACE]        (default: the release build of scripts/build-release)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bin="${1:-$("$here/../scripts/build-release")}"
ours="$("$bin" bench --evaluations 1 --race-steps 1 --repeats 7)"
peer="$(python3 "$here/peers/numpy_networks.py" --runs 7)"
cell=$(echo "$ours" | awk '/the XOR cell/ {print $6}')
tape=$(echo "$ours" | awk '/^    tape / {print $2}')
hand=$(echo "$ours" | awk '/hand-written backward/ {print $3}')
np_cell=$(echo "$peer" | awk '/xor_cell_ms/ {print $2}')
np_grad=$(echo "$peer" | awk '/mlp_gradient_us/ {print $2}')
printf 'networks, medians of 7 runs\n'
printf '%-46s %12s %12s %8s\n' "" optrace numpy "ratio"
printf '%-46s %9s ms %9s ms %7.1fx\n' "XOR cell, 201 epochs (goal well under 10 ms)" "$cell" "$np_cell" "$(echo "$np_cell / $cell" | bc -l)"
printf '%-46s %9s us %9s us %7.1fx\n' "MLP 32-100-64-1 gradient, tape" "$tape" "$np_grad" "$(echo "$np_grad / $tape" | bc -l)"
printf '%-46s %9s us\n' "MLP 32-100-64-1 gradient, hand-written" "$hand"
printf 'tape / hand-written: %.2fx (goal <= 3x)\n' "$(echo "$tape / $hand" | bc -l)"
