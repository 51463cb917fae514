#!/usr/bin/env python3
"""Portico beside the original FeatherBase server, in one run, with server CPU per request.

Runs ../shared/bench/loadgen.py (closed loop, on the same machine) for the workloads of issue 9
against the original in-memory FeatherBase server (started here with run-featherbase-peer.sh unless
--no-peer) and against a running Portico, and prints one table: requests per second, the ratio to
the peer, and the CPU microseconds each server process spent per request (Liberty and MariaDB, found
by the ports they listen on, or given with --liberty-pid/--mariadb-pid). A calibration line
(the best of three runs of a fixed Python loop, see ../shared/bench/README.md) heads the table.

  python3 benchmark/scripts/side-by-side.py --fb-port 6969 --customer-port 9999 --rental-port 1234 \
      --db-port 3306 --duration 10 --workloads fb-mix-1,fb-mix-32,fb-read-32,psd-1,psd-32,rental-1,rental-32

On a shared machine throughput swings: read the ratio (same run) and CPU per request, not req/s.

The peer busy-waits on its sockets: it burns a whole core even when idle, from its start to its end.
So by default it is started for each of its own runs and stopped before Portico's, and each server
has the machine to itself while it is measured. --peer-stays keeps one peer running (idle) through
Portico's runs too, as the bench README's example does; Portico then has one core less.
"""
import argparse
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import timeit

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
BENCH = os.path.normpath(os.path.join(REPO, "..", "shared", "bench"))

# name -> (target, clients, extra loadgen arguments, runs against the peer too)
WORKLOADS = {
    "fb-mix-1": ("fb", 1, ["--write-frac", "0.5"], True),
    "fb-mix-32": ("fb", 32, ["--write-frac", "0.5"], True),
    "fb-read-32": ("fb", 32, ["--write-frac", "0"], True),
    "fb-read-1": ("fb", 1, ["--write-frac", "0"], True),
    "psd-1": ("psd", 1, [], False),
    "psd-32": ("psd", 32, [], False),
    "rental-1": ("rental", 1, [], False),
    "rental-32": ("rental", 32, [], False),
}
PSD_NAMES = ["John", "Katya", "Ahmad", "Ivy", "Max", "Tom", "Lisa"]  # the names loadgen.py finds


def calibration():
    """Best of three of the bench README's loop, in seconds (lower is a faster machine right now)."""
    return min(timeit.repeat("for i in range(10_000_000): s+=i", "s=0", number=1, repeat=3))


def listening_pid(port):
    """The pid of the process listening on 127.0.0.1:port (ss -ltnp), or None."""
    out = subprocess.run(["ss", "-H", "-ltnp", "sport = :%d" % port], capture_output=True, text=True).stdout
    m = re.search(r"pid=(\d+)", out)
    return int(m.group(1)) if m else None


def seed_customers(host, port):
    """Adds the customers loadgen.py's finds look for (an existing one is refused, which is fine)."""
    for name in PSD_NAMES:
        with socket.create_connection((host, port), timeout=10) as s:
            s.sendall(("2|%s|30|addr|514-1234\n" % name).encode())
            while s.recv(4096):
                pass


def start_peer(a):
    """Starts the original server; its pid."""
    return int(subprocess.run([a.peer_script, str(a.peer_port)], check=True, capture_output=True, text=True).stdout.split()[-1])


def stop_peer(pid):
    """Stops the peer and waits until it is gone (it holds a core while it lives)."""
    subprocess.run(["kill", str(pid)])
    for _ in range(100):
        if not os.path.exists("/proc/%d" % pid):
            return
        time.sleep(0.05)
    subprocess.run(["kill", "-9", str(pid)])


def run_loadgen(a, label, target, port, clients, extra, pids, fb_eot, out):
    """One workload: --processes loadgen processes at once, the clients shared among them; their records merged."""
    runs = []
    for i in range(a.processes):
        share = clients // a.processes + (1 if i < clients % a.processes else 0)
        if share == 0:
            continue
        own = label if a.processes == 1 else "%s#%d" % (label, i + 1)
        args = [sys.executable, a.loadgen, "--target", target, "--host", a.host, "--port", str(port),
                "--clients", str(share), "--duration", str(a.duration), "--requests", "1000000",
                "--label", own, "--json", out, "--pids", ",".join(str(p) for p in pids)] + extra
        if target == "fb" and fb_eot and a.fb_existing:
            database, table = a.fb_existing.split("/", 1)
            args += ["--no-setup", "--fb-db", database, "--fb-table", table, "--fb-prefill", str(a.fb_existing_rows)]
        elif target == "fb":
            args += ["--fb-prefill", str(a.fb_prefill), "--fb-db", "%s-%d-%d" % (label, int(time.time() * 1000), i)]
        if target == "fb" and fb_eot:
            args.append("--fb-eot")
        runs.append((own, subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)))
    for own, process in runs:
        sys.stderr.write(process.communicate()[0])
    with open(out) as f:
        records = [json.loads(line) for line in f if line.strip()]
    found = [[r for r in records if r["label"] == own][-1] for own, _ in runs]
    return found[0] if len(found) == 1 else merged(label, found)


def merged(label, records):
    """One record of several loadgen processes run at once: requests and errors summed, the worst p99, and each
    server's CPU as the mean of what the processes measured over (nearly) the same seconds."""
    errors = {}
    for r in records:
        for kind, n in r["errors"].items():
            errors[kind] = errors.get(kind, 0) + n
    server = {}
    for pid in records[0]["server"]:
        seen = [r["server"][pid] for r in records if r["server"].get(pid)]
        cpu = [s["cpu_s"] for s in seen if s.get("cpu_s") is not None]
        server[pid] = {"cpu_s": sum(cpu) / len(cpu) if cpu else None,
                       "VmRSS": seen[-1].get("VmRSS", 0), "VmHWM": max(s.get("VmHWM", 0) or 0 for s in seen)}
    return {"label": label, "ok": sum(r["ok"] for r in records), "errors": errors,
            "throughput_rps": sum(r["throughput_rps"] for r in records), "p99_ms": max(r["p99_ms"] for r in records),
            "server": server}


def cpu_us(record, pid):
    server = record["server"].get(str(pid))
    if not server or not record["ok"] or server.get("cpu_s") is None:
        return None
    return server["cpu_s"] * 1e6 / record["ok"]


def fmt(value, pattern="{:,.0f}"):
    return "–" if value is None else pattern.format(value)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--fb-port", type=int, default=6969)
    ap.add_argument("--customer-port", type=int, default=9999)
    ap.add_argument("--rental-port", type=int, default=1234)
    ap.add_argument("--db-port", type=int, default=3306, help="MariaDB's port, to find its pid")
    ap.add_argument("--liberty-pid", type=int)
    ap.add_argument("--mariadb-pid", type=int)
    ap.add_argument("--peer-port", type=int, default=16970)
    ap.add_argument("--no-peer", action="store_true", help="Portico only")
    ap.add_argument("--peer-stays", action="store_true", help="keep the (busy-waiting) peer running while Portico is "
                    "measured, instead of starting it for each of its own runs only")
    ap.add_argument("--duration", type=float, default=10)
    ap.add_argument("--fb-prefill", type=int, default=2000)
    ap.add_argument("--fb-existing", metavar="DB/TABLE", help="Portico's FeatherBase workloads use this table as it is "
                    "(e.g. filled by FeatherBaseBulkLoad --shape loadgen) instead of a new prefilled one")
    ap.add_argument("--fb-existing-rows", type=int, default=1000000, help="rows of --fb-existing that reads pick from")
    ap.add_argument("--warmup", type=float, default=5, help="seconds of each Portico workload first, not counted (JIT)")
    ap.add_argument("--workloads", default="fb-mix-1,fb-mix-32,fb-read-32,psd-1,psd-32,rental-1,rental-32")
    ap.add_argument("--loadgen", default=os.path.join(BENCH, "loadgen.py"))
    ap.add_argument("--peer-script", default=os.path.join(BENCH, "run-featherbase-peer.sh"))
    ap.add_argument("--processes", type=int, default=1, help="run each workload's clients in this many loadgen processes "
                    "at once (one Python process is itself the bottleneck of the fast FeatherBase workloads); CPU per "
                    "request is then the mean of what the processes measured over their (nearly) common seconds")
    ap.add_argument("--json", help="also append every loadgen record to this file")
    ap.add_argument("--title", default="Portico")
    a = ap.parse_args()

    liberty = a.liberty_pid or listening_pid(a.fb_port)
    mariadb = a.mariadb_pid or listening_pid(a.db_port)
    if not liberty or not mariadb:
        raise SystemExit("Liberty (port %d) or MariaDB (port %d) not found; give --liberty-pid/--mariadb-pid" % (a.fb_port, a.db_port))
    names = a.workloads.split(",")
    unknown = [n for n in names if n not in WORKLOADS]
    if unknown:
        raise SystemExit("unknown workloads %s; known: %s" % (unknown, ", ".join(WORKLOADS)))
    calibrated = calibration()
    out = a.json or tempfile.mkstemp(suffix=".jsonl")[1]
    with_peer = not a.no_peer and any(WORKLOADS[n][3] for n in names)
    peer = start_peer(a) if with_peer and a.peer_stays else None
    if any(WORKLOADS[n][0] == "psd" for n in names):
        seed_customers(a.host, a.customer_port)
    rows = []
    if a.warmup > 0:
        measured = a.duration
        a.duration = a.warmup
        for target in dict.fromkeys(WORKLOADS[n][0] for n in names):
            port = {"fb": a.fb_port, "psd": a.customer_port, "rental": a.rental_port}[target]
            run_loadgen(a, "warmup-" + target, target, port, 8, [], [liberty, mariadb], True, out)
        a.duration = measured
    try:
        for name in names:
            target, clients, extra, with_peer_run = WORKLOADS[name]
            port = {"fb": a.fb_port, "psd": a.customer_port, "rental": a.rental_port}[target]
            peer_record = None
            if with_peer and with_peer_run:
                own = peer or start_peer(a)
                try:
                    peer_record = run_loadgen(a, "peer-" + name, target, a.peer_port, clients, extra, [own], False, out)
                finally:
                    if own != peer:
                        stop_peer(own)
            record = run_loadgen(a, "portico-" + name, target, port, clients, extra, [liberty, mariadb], True, out)
            rows.append((name, peer_record, record))
    finally:
        if peer:
            stop_peer(peer)

    print("\n%s, %s; calibration %.2f s (best of 3, bench README loop); %d s per workload; load generator on the same cores%s%s"
          % (a.title, time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), calibrated, a.duration,
             "" if a.processes == 1 else " (%d loadgen processes per workload)" % a.processes,
             "" if not with_peer else "; the busy-waiting peer ran beside Portico (--peer-stays)" if a.peer_stays
             else "; the peer ran only during its own runs"))
    print("| workload | peer req/s | Portico req/s | ratio | p99 ms | Liberty µs/req | MariaDB µs/req | total µs/req | peer µs/req | errors Portico / peer |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for name, p, r in rows:
        lib, db = cpu_us(r, liberty), cpu_us(r, mariadb)
        total = None if lib is None or db is None else lib + db
        ratio = r["throughput_rps"] / p["throughput_rps"] if p and p["throughput_rps"] else None
        errors = "%d / %s" % (sum(r["errors"].values()), sum(p["errors"].values()) if p else "–")
        print("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
            name, fmt(p and p["throughput_rps"]), fmt(r["throughput_rps"]), fmt(ratio, "{:.2f}"), fmt(r["p99_ms"], "{:.1f}"),
            fmt(lib), fmt(db), fmt(total), fmt(cpu_us(p, next(iter(p["server"]))) if p and p["server"] else None), errors))
    print("Liberty RSS after the run: %s MiB (peak %s MiB)" % (
        fmt(rows[-1][2]["server"][str(liberty)].get("VmRSS", 0) / 1024), fmt(rows[-1][2]["server"][str(liberty)].get("VmHWM", 0) / 1024)))


if __name__ == "__main__":
    main()
