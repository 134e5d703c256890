#!/usr/bin/env python3
"""The web app under a mixed load: do pages stay fast while translation work piles up?

    python bench/load_bench.py [--clients 200] [--seconds 60] [--threads N] [--seed 1] [--source DIR]

A benchmark, not a test: it prints a table and asserts nothing. It starts `bitexto serve`
on 127.0.0.1 and a free port (Apertium engine, a temporary BITEXTO_DATA_DIR, the rate
limit raised out of the way), warms it up, then runs --clients client threads for
--seconds, each on its own keep-alive connection, each request drawn from the mix (the clients start evenly spread over --ramp seconds):

    50%  GET  /a/<id>                the reader's page of a stored article
    30%  POST /translate             a new 300-character paragraph (LibreTranslate)
    15%  GET  /api/v1/articles/<id>  the stored article as JSON
     5%  POST /api/v1/articles       a new article of 30 sentences

Every translated text is new (numbered), so the translation cache cannot answer it.
A client refused with Retry-After waits that long before its next request, as a
well-behaved HTTP client does (--ignore-retry-after: it comes straight back).
Per kind it prints what was served, what was refused (by status, and whether each
refusal carried Retry-After), other errors, and latency percentiles; then the server's
RSS after warm-up and after the run, and its CPU share (its own and its Apertium
children's CPU time over the wall time). Loopback only; it stops by itself: no new
request starts after --seconds, in-flight ones get --drain seconds, then the server
is stopped.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_957073114899cdb1.txt"
MIX = (("page", 50), ("translate", 30), ("api_read", 15), ("api_create", 5))
REQUEST_TIMEOUT = 180.0  # longer than any wait the server should impose: a hang shows as one
JSON_HEADERS = {"Content-Type": "application/json"}
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))]


def paragraph(number: int) -> str:
    """About 300 characters of Spanish, three sentences, made unique by `number`."""
    return (f"El ayuntamiento de la ciudad número {number} aprobó ayer un plan de vivienda de "
            f"{number % 900 + 100} millones de euros. Los vecinos criticaron la medida durante la "
            f"asamblea del barrio {number}. La alcaldesa prometió nuevas ayudas para los jóvenes "
            f"antes del verano de {2000 + number % 50}.")


def article(number: int) -> str:
    """A new article of 30 distinct sentences (15 paragraphs of two)."""
    return "\n\n".join(
        f"El día {number}-{n} el ministro de Hacienda habló en Madrid sobre un presupuesto de "
        f"{1000 + n} millones. La oposición criticó la medida {number}-{n} y anunció un recurso."
        for n in range(15))


@dataclass
class Outcome:
    kind: str
    status: int  # 0: no HTTP answer (connection error, timeout)
    seconds: float
    retry_after: bool


@dataclass
class Shared:
    deadline: float
    article_id: str
    outcomes: list[Outcome] = field(default_factory=list)
    counter: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def next_number(self) -> int:
        with self.lock:
            self.counter += 1
            return self.counter


def request_for(kind: str, shared: Shared) -> tuple[str, str, bytes | None, dict]:
    if kind == "page":
        return "GET", f"/a/{shared.article_id}", None, {}
    if kind == "api_read":
        return "GET", f"/api/v1/articles/{shared.article_id}", None, {}
    if kind == "translate":
        body = {"q": paragraph(shared.next_number()), "source": "es", "target": "en"}
        return "POST", "/translate", json.dumps(body).encode(), JSON_HEADERS
    body = {"text": article(shared.next_number())}
    return "POST", "/api/v1/articles", json.dumps(body).encode(), JSON_HEADERS


def client_loop(port: int, shared: Shared, seed: int, honour_retry_after: bool, start_delay: float) -> None:
    chooser = random.Random(seed)
    time.sleep(start_delay)
    kinds, weights = zip(*MIX)
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=REQUEST_TIMEOUT)
    while time.monotonic() < shared.deadline:
        kind = chooser.choices(kinds, weights)[0]
        method, path, body, headers = request_for(kind, shared)
        start = time.perf_counter()
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            response.read()
            outcome = Outcome(kind, response.status, time.perf_counter() - start,
                              response.getheader("Retry-After") is not None)
            if response.getheader("Connection", "").lower() == "close":
                connection.close()
        except (OSError, http.client.HTTPException):
            outcome = Outcome(kind, 0, time.perf_counter() - start, False)
            connection.close()  # http.client reconnects on the next request
        with shared.lock:
            shared.outcomes.append(outcome)
        if honour_retry_after and outcome.retry_after and outcome.status in (429, 503):
            # What a well-behaved client does with 429/503 + Retry-After: come back later.
            pause = float(response.getheader("Retry-After"))
            time.sleep(max(0.0, min(pause, shared.deadline - time.monotonic())))
    connection.close()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def cpu_seconds(pid: int) -> float:
    """The process's CPU time plus that of its waited-for children (Apertium runs)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    utime, stime, cutime, cstime = (int(value) for value in fields[11:15])
    return (utime + stime + cutime + cstime) / CLOCK_TICKS


def call(port: int, method: str, path: str, body: dict | None = None) -> tuple[int, dict | str]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=REQUEST_TIMEOUT)
    try:
        payload = json.dumps(body).encode() if body is not None else None
        connection.request(method, path, body=payload, headers=JSON_HEADERS if body is not None else {})
        response = connection.getresponse()
        data = response.read().decode(errors="replace")
        try:
            return response.status, json.loads(data)
        except json.JSONDecodeError:
            return response.status, data
    finally:
        connection.close()


def start_server(port: int, data_dir: str, threads: int | None, source: Path) -> subprocess.Popen:
    env = {**os.environ, "BITEXTO_DATA_DIR": data_dir, "BITEXTO_ENGINE": "apertium",
           "BITEXTO_RATE_LIMIT": "1000000 per minute"}
    # `python -m bitexto` from `source`: the code there is served, so an older checkout
    # (git archive of a commit) can be measured with the same bench.
    command = [sys.executable, "-m", "bitexto", "serve", "--host", "127.0.0.1", "--port", str(port)]
    if threads:
        command += ["--threads", str(threads)]
    log = open(Path(data_dir) / "server.log", "wb")
    return subprocess.Popen(command, env=env, cwd=source, stdout=log, stderr=subprocess.STDOUT)


def wait_until_healthy(port: int, server: subprocess.Popen, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit("bitexto serve exited during start-up")
        try:
            status, body = call(port, "GET", "/health")
            if status == 200 and isinstance(body, dict) and body["engine"].get("loaded"):
                return
        except OSError:
            pass
        time.sleep(0.5)
    raise SystemExit("bitexto serve did not become healthy")


def warm_up(port: int) -> str:
    """Store the seed article, translate once, read once: every lazy part is loaded."""
    status, body = call(port, "POST", "/api/v1/articles", {"text": SEED.read_text(encoding="utf-8")})
    if status != 201:
        raise SystemExit(f"warm-up POST /api/v1/articles answered {status}: {str(body)[:300]}")
    call(port, "POST", "/translate", {"q": paragraph(0), "source": "es", "target": "en"})
    for path in (f"/a/{body['id']}", f"/api/v1/articles/{body['id']}", "/metrics"):
        call(port, "GET", path)
    return body["id"]


def report(outcomes: list[Outcome], clients: int, seconds: float) -> None:
    print(f"{'kind':<12} {'served':>7} {'refused':>22} {'errors':>7} "
          f"{'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'max ms':>8}   refusal p99/max ms")
    by_kind: dict[str, list[Outcome]] = defaultdict(list)
    for outcome in outcomes:
        by_kind[outcome.kind].append(outcome)
    for kind, _weight in MIX:
        items = by_kind.get(kind, [])
        served = [o.seconds * 1000 for o in items if 200 <= o.status < 400]
        refusals = [o for o in items if o.status in (429, 503)]
        refused = Counter(f"{o.status}{'' if o.retry_after else '(no Retry-After)'}" for o in refusals)
        errors = Counter(o.status for o in items if not (200 <= o.status < 400) and o.status not in (429, 503))
        refused_text = " ".join(f"{status}:{count}" for status, count in sorted(refused.items())) or "0"
        line = f"{kind:<12} {len(served):>7} {refused_text:>22} {sum(errors.values()):>7} "
        if served:
            line += " ".join(f"{value:>8.0f}" for value in (
                percentile(served, 0.5), percentile(served, 0.95), percentile(served, 0.99), max(served)))
        else:
            line += f"{'-':>8} {'-':>8} {'-':>8} {'-':>8}"
        if refusals:
            refusal_ms = [o.seconds * 1000 for o in refusals]
            line += f"   {percentile(refusal_ms, 0.99):.0f}/{max(refusal_ms):.0f}"
        print(line)
        if errors:
            print(f"{'':<12} errors by status (0 = no answer): {dict(errors)}")
    longest = max((o.seconds for o in outcomes), default=0)
    print(f"\n{len(outcomes)} requests from {clients} clients in {seconds:.0f} s "
          f"({len(outcomes) / seconds:.0f}/s); longest request {longest:.1f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--threads", type=int, default=None, help="bitexto serve --threads (default: its own)")
    parser.add_argument("--drain", type=float, default=120, help="seconds in-flight requests get at the end")
    parser.add_argument("--seed", type=int, default=1, help="seeds the request mix")
    parser.add_argument("--ramp", type=float, default=2.0,
                        help="seconds over which the clients start, evenly spread (default 2)")
    parser.add_argument("--ignore-retry-after", action="store_true",
                        help="clients retry at once after a refusal instead of waiting Retry-After")
    parser.add_argument("--source", type=Path, default=ROOT,
                        help="the bitexto checkout to serve (default: this one)")
    args = parser.parse_args()
    if not 0 < args.clients <= 1000 or not 0 < args.seconds <= 600:
        raise SystemExit("--clients must be 1..1000 and --seconds 1..600: this bench is bounded")

    with tempfile.TemporaryDirectory(prefix="bitexto-load-") as data_dir:
        port = free_port()
        server = start_server(port, data_dir, args.threads, args.source)
        try:
            wait_until_healthy(port, server)
            article_id = warm_up(port)
            rss_start = rss_kib(server.pid)
            load_before = os.getloadavg()
            cpu_start, wall_start = cpu_seconds(server.pid), time.monotonic()
            shared = Shared(deadline=time.monotonic() + args.seconds, article_id=article_id)
            threads = [threading.Thread(target=client_loop, args=(port, shared, args.seed * 10_000 + n,
                                                                      not args.ignore_retry_after,
                                                                      args.ramp * n / args.clients),
                                        daemon=True) for n in range(args.clients)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(max(0.0, shared.deadline + args.drain - time.monotonic()))
            stuck = sum(thread.is_alive() for thread in threads)
            wall = time.monotonic() - wall_start
            cpu = cpu_seconds(server.pid) - cpu_start
            rss_end = rss_kib(server.pid)
            with shared.lock:
                outcomes = list(shared.outcomes)
        finally:
            server.terminate()
            try:
                server.wait(15)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait(5)

    print(f"bitexto load bench — {args.clients} keep-alive clients, {args.seconds:.0f} s, Apertium, "
          f"{os.cpu_count()} cores, serve --threads {args.threads or 'default'}, clients "
          f"{'retry at once' if args.ignore_retry_after else 'wait Retry-After'} after a refusal")
    print(f"load average before: {' '.join(f'{v:.2f}' for v in load_before)}; "
          f"after: {' '.join(f'{v:.2f}' for v in os.getloadavg())}\n")
    report(outcomes, args.clients, args.seconds)
    if stuck:
        print(f"{stuck} clients were still waiting for an answer {args.drain:.0f} s after the end")
    change = (rss_end - rss_start) / rss_start * 100 if rss_start else 0
    print(f"server RSS after warm-up {rss_start / 1024:.0f} MiB, after the run {rss_end / 1024:.0f} MiB "
          f"({change:+.1f}%); server CPU {cpu / wall * 100:.0f}% of one core "
          f"({cpu / wall / os.cpu_count() * 100:.0f}% of the machine) over {wall:.0f} s")


if __name__ == "__main__":
    main()
