#!/usr/bin/env python3
"""Latency of the web app as a client sees it: reading a stored article, posting one.

    python bench/web_latency.py [--requests 200] [--posts 50] [--engine auto|argos|apertium]
                                [--data-dir DIR]

A benchmark, not a test: it prints a table and asserts nothing. It serves the app with
waitress (the production server of `bitexto serve`) on 127.0.0.1 and a free port, in a
thread, with a temporary BITEXTO_DATA_DIR unless --data-dir names one (e.g. one with an
Argos model installed), and times over one keep-alive HTTP connection:

  - POST /api/v1/articles with the seed article: the first post (translates every
    sentence) and then --posts more (every sentence from the translation cache; the
    segmentation, summary, quotes and storage are redone each time);
  - GET /api/v1/articles/<id> and the reader's page GET /a/<id>, --requests each.

Rate limiting is switched off for the run, since the point is the server's own latency.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_957073114899cdb1.txt"


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


class Client:
    """One keep-alive connection, so the numbers are the server's, not TCP set-up."""

    def __init__(self, port: int):
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=600)

    def request(self, method: str, path: str, body: bytes | None = None, headers: dict | None = None):
        start = time.perf_counter()
        self.connection.request(method, path, body=body, headers=headers or {})
        response = self.connection.getresponse()
        data = response.read()
        return response.status, data, time.perf_counter() - start


def timed(client: Client, count: int, method: str, path: str, body: bytes | None = None,
          headers: dict | None = None, expect: int = 200) -> list[float]:
    durations = []
    for _ in range(count):
        status, data, seconds = client.request(method, path, body, headers)
        if status != expect:
            raise SystemExit(f"{method} {path} answered {status}: {data[:300]!r}")
        durations.append(seconds)
    return durations


def serve(app):
    import waitress

    server = waitress.create_server(app, host="127.0.0.1", port=0, threads=4)
    thread = threading.Thread(target=server.run, name="bench-server", daemon=True)
    thread.start()
    return server


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=200, help="GETs per endpoint (default 200)")
    parser.add_argument("--posts", type=int, default=50, help="cached POSTs of the seed article (default 50)")
    parser.add_argument("--engine", default=None, help="auto, argos or apertium (default: BITEXTO_ENGINE or auto)")
    parser.add_argument("--data-dir", default=None, help="BITEXTO_DATA_DIR to use (default: a temporary one)")
    args = parser.parse_args()

    temporary = None if args.data_dir else tempfile.TemporaryDirectory(prefix="bitexto-bench-")
    os.environ["BITEXTO_DATA_DIR"] = args.data_dir or temporary.name
    if args.engine:
        os.environ["BITEXTO_ENGINE"] = args.engine
    sys.path.insert(0, str(ROOT))
    from bitexto.webapp import create_app

    app = create_app({"RATELIMIT_ENABLED": False})
    server = serve(app)
    client = Client(server.effective_port)
    seed = json.dumps({"text": SEED.read_text(encoding="utf-8")}).encode()
    json_headers = {"Content-Type": "application/json"}

    rows = []
    status, data, cold = client.request("POST", "/api/v1/articles", seed, json_headers)
    if status != 201:
        raise SystemExit(f"POST /api/v1/articles answered {status}: {data[:300]!r}")
    article = json.loads(data)
    engine = article["engine"]
    sentences = sum(len(block["sentences"]) for block in article["blocks"])
    rows.append(("POST /api/v1/articles (first: translates)", [cold]))
    rows.append(("POST /api/v1/articles (cached sentences)",
                 timed(client, args.posts, "POST", "/api/v1/articles", seed, json_headers, expect=201)))
    rows.append(("GET /api/v1/articles/<id>", timed(client, args.requests, "GET", f"/api/v1/articles/{article['id']}")))
    page_status, _, _ = client.request("GET", article["url"])
    if page_status == 200:
        rows.append(("GET /a/<id> (reader's page)", timed(client, args.requests, "GET", article["url"])))
    else:
        rows.append((f"GET /a/<id>: not available (status {page_status})", []))
    client.connection.close()
    time.sleep(0.2)  # let waitress notice the closed connection before its loop stops
    server.close()

    print(f"bitexto web latency — engine {engine['name']} ({engine['model']} {engine['version']}), "
          f"seed article: {sentences} sentences, waitress on 127.0.0.1, one keep-alive connection")
    print()
    print(f"{'request':<44} {'n':>5} {'median ms':>10} {'p95 ms':>9} {'max ms':>9}")
    for label, durations in rows:
        if not durations:
            print(label)
            continue
        millis = [d * 1000 for d in durations]
        print(f"{label:<44} {len(millis):>5} {statistics.median(millis):>10.1f} "
              f"{percentile(millis, 0.95):>9.1f} {max(millis):>9.1f}")
    if temporary is not None:
        temporary.cleanup()


if __name__ == "__main__":
    main()
