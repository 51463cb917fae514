#!/usr/bin/env python3
"""Two or more builds of Portico side by side, in the same minutes, with server CPU per request.

The server's own CPU per request swings by a third within an hour on a shared machine while the
calibration loop does not move, which hides a change of 5-20%. So measure the builds at once: run
each on its own Liberty server of the same machine and the same MariaDB (scale-out/portico-servers.sh),
and put the same ../shared/bench/loadgen.py workload to each in turn, round after round in rotating
order; then compare the medians, and above all their ratios.

  PORTICO_PROXY_FROM=10.255.255.1 scale-out/portico-servers.sh create 2   # from the running template server
  cp before.ear ear/target/liberty/wlp/usr/servers/portico-1/dropins/portico.ear
  cp after.ear  ear/target/liberty/wlp/usr/servers/portico-2/dropins/portico.ear
  scale-out/portico-servers.sh start 2
  python3 benchmark/scripts/builds-side-by-side.py --servers 2 --workload psd-1 --rounds 6

(PORTICO_PROXY_FROM names an address nothing connects from, so that loopback clients are not taken for a
load balancer, as they are not on a server of its own.) Server i serves the customer directory on
11099 + 100 (i - 1), FeatherBase on 8069 + ..., rental intake on 2334 + ... (portico-servers.sh's defaults).
"""
import argparse
import importlib.util
import os
import re
import statistics
import subprocess
import sys
import timeit

HERE = os.path.dirname(os.path.abspath(__file__))
BENCH = os.path.normpath(os.path.join(HERE, "..", "..", "..", "shared", "bench"))

# name -> (target, clients, extra loadgen arguments)
WORKLOADS = {
    "psd-1": ("psd", 1, []),
    "psd-32": ("psd", 32, []),
    "find-1": ("psd", 1, ["--add-frac", "0"]),
    "add-1": ("psd", 1, ["--add-frac", "1"]),
    "rental-1": ("rental", 1, []),
    "rental-32": ("rental", 32, []),
    "fb-read-32": ("fb", 32, ["--write-frac", "0", "--no-setup", "--fb-eot"]),
    "fb-mix-32": ("fb", 32, ["--write-frac", "0.5", "--no-setup", "--fb-eot"]),
}
FIRST_PORTS = {"psd": 11099, "fb": 8069, "rental": 2334}
LINE = re.compile(r"^\S+\s+N=")


def side_by_side():
    """side-by-side.py as a module (its file name is no module name): its seeding of the customers is reused."""
    spec = importlib.util.spec_from_file_location("side_by_side", os.path.join(HERE, "side-by-side.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def pid_of(pattern):
    out = subprocess.run(["pgrep", "-f", pattern], capture_output=True, text=True).stdout.split()
    if not out:
        sys.exit("no process matches %r: is it running?" % pattern)
    return out[0]


def run(a, target, clients, extra, port, pids):
    cmd = [sys.executable, os.path.join(BENCH, "loadgen.py"), "--target", target, "--port", str(port),
           "--clients", str(clients), "--requests", "100000000", "--duration", str(a.duration),
           "--pids", ",".join(pids)] + extra
    out = subprocess.run(cmd, capture_output=True, text=True).stdout
    lines = [line for line in out.splitlines() if LINE.match(line)]
    if not lines:
        sys.exit("loadgen.py printed no result:\n" + out)
    line = lines[0]
    ok = int(re.search(r"ok=(\d+)", line).group(1))
    if ok == 0:
        sys.exit("no request succeeded: " + line)
    errors = re.search(r"err=(\S+)", line).group(1)
    liberty, mariadb = (float(x) * 1e6 / ok for x in re.findall(r"pid\d+ cpu=([0-9.]+)s", line))
    return {"rps": ok / a.duration, "liberty": liberty, "mariadb": mariadb, "errors": errors}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--servers", type=int, default=2, help="portico-1 .. portico-N, one build each")
    ap.add_argument("--workload", default="psd-1", choices=sorted(WORKLOADS))
    ap.add_argument("--rounds", type=int, default=6)
    ap.add_argument("--duration", type=float, default=6.0, help="seconds per run")
    ap.add_argument("--warmup", type=float, default=10.0, help="seconds of the workload per server first, not counted")
    ap.add_argument("--port-step", type=int, default=100)
    ap.add_argument("--prefix", default="portico-")
    ap.add_argument("--fb-db", default="builds", help="fb: the database of the table, made once through server 1")
    a = ap.parse_args()
    target, clients, extra = WORKLOADS[a.workload]
    servers = list(range(1, a.servers + 1))
    liberty = {i: pid_of("ws-server.*%s%d$" % (a.prefix, i)) for i in servers}
    mariadb = pid_of("mariadbd")
    port = {i: FIRST_PORTS[target] + a.port_step * (i - 1) for i in servers}
    if target == "psd":
        side_by_side().seed_customers("127.0.0.1", port[1])  # the names loadgen.py's finds look for
    if target == "fb":
        extra = extra + ["--fb-db", a.fb_db]
        setup = [sys.executable, os.path.join(BENCH, "loadgen.py"), "--target", "fb", "--port", str(port[1]),
                 "--clients", "1", "--requests", "1", "--fb-eot", "--fb-db", a.fb_db]
        subprocess.run(setup, capture_output=True)  # creates the table once; EXISTS afterwards is fine
    calibrations = [min(timeit.repeat("for i in range(10_000_000): s+=i", "s=0", number=1, repeat=3))]
    for i in servers:
        warm = argparse.Namespace(**vars(a))
        warm.duration = a.warmup
        run(warm, target, clients, extra, port[i], [liberty[i], mariadb])
    results = {i: [] for i in servers}
    for r in range(a.rounds):
        order = servers[r % len(servers):] + servers[:r % len(servers)]
        for i in order:
            x = run(a, target, clients, extra, port[i], [liberty[i], mariadb])
            results[i].append(x)
            print("round %d %s%d: %7.0f req/s  Liberty %5.0f + MariaDB %4.0f = %5.0f us/request  errors %s" % (
                r, a.prefix, i, x["rps"], x["liberty"], x["mariadb"], x["liberty"] + x["mariadb"], x["errors"]), flush=True)
    calibrations.append(min(timeit.repeat("for i in range(10_000_000): s+=i", "s=0", number=1, repeat=3)))
    print()
    print("%s, %d rounds of %g s; calibration %.2f-%.2f s" % (a.workload, a.rounds, a.duration, min(calibrations), max(calibrations)))
    print("| server | req/s | Liberty µs/req | MariaDB µs/req | total µs/req (min-max) | total / %s1 |" % a.prefix)
    print("|---|---|---|---|---|---|")
    first = statistics.median(x["liberty"] + x["mariadb"] for x in results[servers[0]])
    for i in servers:
        totals = [x["liberty"] + x["mariadb"] for x in results[i]]
        total = statistics.median(totals)
        print("| %s%d | %.0f | %.0f | %.0f | %.0f (%.0f-%.0f) | %.2f |" % (
            a.prefix, i, statistics.median(x["rps"] for x in results[i]), statistics.median(x["liberty"] for x in results[i]),
            statistics.median(x["mariadb"] for x in results[i]), total, min(totals), max(totals), total / first))


if __name__ == "__main__":
    main()
