#!/usr/bin/env bash
# Throughput of one Portico server against two behind HAProxy, in one run on one machine (README, "Running several
# servers"). Start them first with `portico-servers.sh up 2` (same PORTICO_* settings); this script then drives, with
# ../shared/bench/loadgen.py, the same closed-loop load three ways: straight at server 1, through HAProxy with server 2
# disabled, and through HAProxy with both (FeatherBase 50/50 addrow/read; customer directory adds, one connection each),
# after a warm-up of both. It prints the calibration line of shared/bench/README.md first.
#
#   scale-out/one-vs-two.sh [seconds per run, default 15] [clients, default 32]
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
wlp="${PORTICO_WLP:-$here/../ear/target/liberty/wlp}"
prefix="${PORTICO_SERVER_PREFIX:-portico-}"
step="${PORTICO_PORT_STEP:-100}"
front_customer="${PORTICO_FRONT_CUSTOMER_PORT:-10999}"
front_featherbase="${PORTICO_FRONT_FEATHERBASE_PORT:-7969}"
lb_dir="${PORTICO_LB_DIR:-$wlp/usr/servers/.haproxy}"
loadgen="${PORTICO_LOADGEN:-$here/../../shared/bench/loadgen.py}"
seconds="${1:-15}"
clients="${2:-32}"
results="${PORTICO_BENCH_JSON:-$lb_dir/one-vs-two.jsonl}"

pid_of() { cat "$wlp/usr/servers/.pid/$prefix$1.pid"; }
pids="$(pid_of 1),$(pid_of 2)"
db_pid="${PORTICO_DB_PID:-}"
[ -n "$db_pid" ] && pids="$pids,$db_pid"
lb() { echo "$1" | socat stdio "unix-connect:$lb_dir/haproxy.sock" >/dev/null; }

echo "calibration (best of 3, s): $(python3 -m timeit -n 1 -r 3 's=0' 'for i in range(10_000_000): s+=i' | sed 's/.*: //')"
run() {
    local label=$1 port=$2 target=$3; shift 3
    python3 "$loadgen" --target "$target" --port "$port" --clients "$clients" --duration "$seconds" --requests 1000000 \
        --pids "$pids" --label "$label" --json "$results" "$@"
}
# Warm both servers up first (JIT): a cold server is several times slower for its first minute.
python3 "$loadgen" --target fb --fb-eot --port "$front_featherbase" --clients "$clients" --duration "$seconds" --requests 1000000 \
    --fb-db "warm$$" --fb-prefill 200 --label warm-up >/dev/null
python3 "$loadgen" --target psd --add-frac 1.0 --port "$front_customer" --clients "$clients" --duration "$seconds" --requests 1000000 \
    --label warm-up >/dev/null
for target in fb psd; do
    case "$target" in
        fb) extra=(--fb-eot --fb-prefill 2000); port1=$((front_featherbase + step)); front=$front_featherbase; backend=featherbase_servers ;;
        psd) extra=(--add-frac 1.0); port1=$((front_customer + step)); front=$front_customer; backend=customer_servers ;;
    esac
    [ "$target" = fb ] && extra+=(--fb-db "one$$")
    run "$target-one-server" "$port1" "$target" "${extra[@]}"
    lb "disable server $backend/s2"
    [ "$target" = fb ] && extra=(--fb-eot --no-setup --fb-prefill 2000 --fb-db "one$$")
    run "$target-haproxy-one-server" "$front" "$target" "${extra[@]}"
    lb "enable server $backend/s2"
    sleep 2
    run "$target-haproxy-two-servers" "$front" "$target" "${extra[@]}"
done
echo "results appended to $results"
