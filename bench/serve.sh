#!/usr/bin/env bash
# The live server under load, release build, on loopback:
#   1. p50 / p90 / p99 latency of the default race request (POST /api/race {"scenario": "valley-bump"}), one
#      keep-alive client, 500 requests after 50 to warm up (goal: p50 ≤ 5 ms);
#   2. wrk on that request: 2 threads, 16 connections, DURATION seconds (default 60), with the server's resident
#      memory sampled every 5 s (goals: ≥ 1000 requests/s on 2 cores, p99 < 50 ms, no errors, memory flat).
# Prints each figure. Needs wrk (Debian: apt-get install wrk).
#   bench/serve.sh [DURATION]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
duration="${1:-60}"
command -v wrk >/dev/null || { echo "bench/serve.sh: wrk is not installed (apt-get install wrk)" >&2; exit 1; }
bin="$("$root/scripts/build-release" --product optrace-serve)"
log="$(mktemp)"
"$bin" --port 0 >"$log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; rm -f "$log" "${script:-}"' EXIT
for _ in $(seq 100); do grep -q "http://" "$log" && break; sleep 0.1; done
url="$(grep -o 'http://[0-9.:]*/' "$log")"
echo "optrace-serve $bin at $url"

python3 - "$url" <<'PY'
import http.client, json, statistics, sys, time, urllib.parse
url = urllib.parse.urlparse(sys.argv[1])
body = json.dumps({"scenario": "valley-bump"})
connection = http.client.HTTPConnection(url.hostname, url.port)
def one():
    start = time.perf_counter()
    connection.request("POST", "/api/race", body, {"Content-Type": "application/json"})
    response = connection.getresponse()
    data = response.read()
    assert response.status == 200, response.status
    return (time.perf_counter() - start) * 1000, len(data)
for _ in range(50): one()
times = sorted(one()[0] for _ in range(500))
size = one()[1]
q = lambda p: times[min(len(times) - 1, int(p * len(times)))]
print(f"latency of the default race request (500 requests, one keep-alive client, {size} bytes each):")
print(f"  p50 {q(0.5):.2f} ms   p90 {q(0.9):.2f} ms   p99 {q(0.99):.2f} ms   (goal: p50 <= 5 ms)")
PY

script="$(mktemp --suffix=.lua)"
cat >"$script" <<'LUA'
wrk.method = "POST"
wrk.body = '{"scenario": "valley-bump"}'
wrk.headers["Content-Type"] = "application/json"
LUA
rss() { awk '/VmRSS/ {print $2}' "/proc/$server/status"; }
echo "wrk: 2 threads, 16 connections, ${duration} s; resident memory of the server (KiB) every 5 s:"
samples="$(rss)"
wrk -t2 -c16 -d"${duration}s" --latency -s "$script" "${url}api/race" >"$log.wrk" &
wrkpid=$!
while kill -0 $wrkpid 2>/dev/null; do sleep 5; samples="$samples $(rss)"; done
wait $wrkpid
echo "  $samples"
grep -E "Requests/sec|Transfer/sec|Non-2xx|Socket errors|requests in|  50%|  90%|  99%" "$log.wrk" | sed 's/^/  /'
rm -f "$log.wrk"
echo "goals: >= 1000 requests/s, p99 < 50 ms, no errors, memory flat"
