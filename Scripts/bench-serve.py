#!/usr/bin/env python3
"""make bench-serve: load on `photocheck serve` from a second process, on loopback.

Measures, with the bench photos (the 480x640 reference photos in Fixtures/real, as
photocheck-bench uses):
  1. `photocheck check --jobs 2` photos/s over a folder of copies (the goal's yardstick);
  2. the server's photos/s and p50/p99 latency at 1, 2, 8 and 64 concurrent clients, each posting
     raw JPEGs to /api/check?picture=0 (the same work as check --format json) back to back on a
     kept-alive connection; a 503 is counted and retried after its Retry-After, as the page does;
     latency is the successful request's own round trip;
  3. the server's resident memory over a soak of SOAK seconds at 2 clients (sampled every 5 s);
  4. a burst of BURST simultaneous requests beyond the queue: how many 200s and 503s, and that the
     server still answers /healthz afterwards.
Prints a table; not a test (timings depend on the machine and what else runs on it).
"""
import argparse
import glob
import http.client
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time


def percentile(values, p):
    if not values:
        return float("nan")
    values = sorted(values)
    k = (len(values) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


def rss_kb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


class Server:
    def __init__(self, binary, extra):
        self.process = subprocess.Popen([binary, "serve", "--port", "0", "--lang", "en"] + extra,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        self.port = None
        deadline = time.time() + 30
        while time.time() < deadline:
            line = self.process.stderr.readline()
            match = re.search(r"listening on http://127\.0\.0\.1:(\d+)/", line)
            if match:
                self.port = int(match.group(1))
                break
        if not self.port:
            self.process.kill()
            sys.exit("bench-serve: the server did not start")
        # Drain the rest of standard error so the server never blocks on it.
        threading.Thread(target=self.process.stderr.read, daemon=True).start()

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)


def post(conn, body, path="/api/check?picture=0"):
    conn.request("POST", path, body=body, headers={"Content-Type": "image/jpeg"})
    response = conn.getresponse()
    response.read()
    return response.status, response.getheader("Retry-After")


def load(port, photos, clients, seconds):
    """clients threads posting for `seconds`: (photos/s, latencies of 200s, count of 503s, others)."""
    lock = threading.Lock()
    latencies, busy, other = [], [0], [0]
    stop = time.time() + seconds
    start_barrier = threading.Barrier(clients)

    def client(index):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        i = index
        start_barrier.wait()
        while time.time() < stop:
            body = photos[i % len(photos)]
            i += 1
            t0 = time.perf_counter()
            try:
                status, retry = post(conn, body)
            except (OSError, http.client.HTTPException):
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                with lock:
                    other[0] += 1
                continue
            elapsed = time.perf_counter() - t0
            with lock:
                if status == 200:
                    latencies.append(elapsed)
                elif status == 503:
                    busy[0] += 1
                else:
                    other[0] += 1
            if status == 503:
                time.sleep(float(retry or 1))
        conn.close()

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    t0 = time.time()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.time() - t0
    return len(latencies) / wall, latencies, busy[0], other[0]


def burst(port, photo, count):
    results = []
    lock = threading.Lock()
    barrier = threading.Barrier(count)

    def one():
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        barrier.wait()
        try:
            status, _ = post(conn, photo)
        except (OSError, http.client.HTTPException) as error:
            status = type(error).__name__
        with lock:
            results.append(status)
        conn.close()

    threads = [threading.Thread(target=one) for _ in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=".build/release/photocheck")
    parser.add_argument("--fixtures", default="Fixtures/real")
    parser.add_argument("--seconds", type=float, default=20, help="per concurrency level")
    parser.add_argument("--soak", type=float, default=180, help="seconds of the memory soak")
    parser.add_argument("--burst", type=int, default=200)
    parser.add_argument("--copies", type=int, default=400)
    parser.add_argument("--queue", default=None, help="--queue for the server (default: its own, the number of cores)")
    args = parser.parse_args()

    paths = sorted(glob.glob(os.path.join(args.fixtures, "frll-*-480x640.jpg")))
    if not paths:
        sys.exit("bench-serve: no reference photos in " + args.fixtures)
    photos = [open(p, "rb").read() for p in paths]
    cores = os.cpu_count()
    print(f"bench-serve: {len(photos)} reference photos (480x640), {cores} cores, load average {os.getloadavg()[0]:.2f}")

    # 1. The yardstick: check --jobs 2 over copies of the same photos, run before and again after
    # the server's levels (on a shared machine the load moves; the table uses their mean).
    folder = tempfile.mkdtemp(prefix="photocheck-bench-serve-")
    for i in range(args.copies):
        shutil.copyfile(paths[i % len(paths)], os.path.join(folder, f"p{i:05d}.jpg"))

    def check_rate():
        t0 = time.time()
        subprocess.run([args.binary, "check", "--jobs", "2", "--format", "json", "--no-progress", folder],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return args.copies / (time.time() - t0)

    before = check_rate()
    print(f"check --jobs 2 (before): {before:.1f} photos/s ({args.copies} photos)")

    extra = ["--queue", args.queue] if args.queue else []
    server = Server(args.binary, extra)
    rows = []
    try:
        post(http.client.HTTPConnection("127.0.0.1", server.port), photos[0])  # warm up
        for clients in (1, 2, 8, 64):
            rate, latencies, busy, other = load(server.port, photos, clients, args.seconds)
            rows.append((clients, rate, percentile(latencies, 50) * 1000, percentile(latencies, 99) * 1000, len(latencies), busy, other))
        after = check_rate()
        shutil.rmtree(folder, ignore_errors=True)
        check_rate_mean = (before + after) / 2
        print(f"check --jobs 2 (after): {after:.1f} photos/s; mean {check_rate_mean:.1f}, load average now {os.getloadavg()[0]:.2f}")
        print()
        print(f"serve (--queue {args.queue or 'default = cores'}), {args.seconds:.0f} s per level, raw JPEG to /api/check?picture=0:")
        print("| clients | photos/s | % of check --jobs 2 | p50 ms | p99 ms | 200s | 503s | other |")
        print("|--------:|---------:|--------------------:|-------:|-------:|-----:|-----:|------:|")
        for clients, rate, p50, p99, ok, busy, other in rows:
            print(f"| {clients} | {rate:.1f} | {100 * rate / check_rate_mean:.0f}% | {p50:.0f} | {p99:.0f} | {ok} | {busy} | {other} |")

        # 3. Memory over a soak at 2 clients.
        samples = [rss_kb(server.process.pid)]
        done = threading.Event()

        def sample():
            while not done.wait(5):
                samples.append(rss_kb(server.process.pid))

        sampler = threading.Thread(target=sample)
        sampler.start()
        rate, latencies, busy, other = load(server.port, photos, 2, args.soak)
        done.set()
        sampler.join()
        samples.append(rss_kb(server.process.pid))
        third = max(1, len(samples) // 3)
        print()
        print(f"soak: {args.soak:.0f} s at 2 clients, {len(latencies)} photos ({rate:.1f}/s), p99 {percentile(latencies, 99) * 1000:.0f} ms; "
              f"RSS MB start {samples[0] / 1024:.0f}, after the first third {max(samples[:third]) / 1024:.0f}, "
              f"max {max(samples) / 1024:.0f}, end {samples[-1] / 1024:.0f} ({len(samples)} samples)")

        # 4. A burst beyond the queue.
        results = burst(server.port, photos[0], args.burst)
        counts = {}
        for r in results:
            counts[str(r)] = counts.get(str(r), 0) + 1
        conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
        conn.request("GET", "/healthz")
        health = conn.getresponse()
        alive = health.status == 200 and json.loads(health.read())["status"] == "ok"
        print(f"burst: {args.burst} simultaneous requests -> {dict(sorted(counts.items()))}; healthz afterwards: {'ok' if alive else 'FAILED'}; "
              f"RSS {rss_kb(server.process.pid) / 1024:.0f} MB")
        if not alive:
            sys.exit(1)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        server.stop()


if __name__ == "__main__":
    main()
