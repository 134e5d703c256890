"""Rendered pages of stored articles, kept in memory: a stored article never changes, so
its page for one address and language is always the same HTML.

Rendering the reader's page of a 30-sentence article takes tens of milliseconds of
Python (Jinja, the side-by-side view, the summary options), all of it under the GIL that
the whole web process shares: under load, page rendering alone would fill the one core
Python can use. Kept here, a page is a dictionary look-up.

Keyed by the request's path and query (?length=, ?algorithm=, ?lang=, the newsletter
options) and the reader's language; only successful renders are kept (a missing
article may be stored later). Bounded by BITEXTO_PAGE_CACHE_MB, least recently used
pages leaving first; 0 turns it off.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Callable

from flask import Flask, current_app, request

from bitexto.webapp.i18n import current_language

EXTENSION = "bitexto_page_cache"


class RenderedPages:
    def __init__(self, max_bytes: int):
        self.max_bytes = max_bytes
        self._pages: OrderedDict[tuple[str, str], str] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def get(self, key: tuple[str, str]) -> str | None:
        with self._lock:
            page = self._pages.get(key)
            if page is not None:
                self._pages.move_to_end(key)
            return page

    def put(self, key: tuple[str, str], page: str) -> None:
        size = len(page)  # characters: close enough to bytes for a budget
        if size > self.max_bytes:
            return
        with self._lock:
            previous = self._pages.pop(key, None)
            if previous is not None:
                self._bytes -= len(previous)
            self._pages[key] = page
            self._bytes += size
            while self._bytes > self.max_bytes:
                _key, evicted = self._pages.popitem(last=False)
                self._bytes -= len(evicted)

    def __len__(self) -> int:
        return len(self._pages)


def init_app(app: Flask) -> None:
    app.extensions[EXTENSION] = RenderedPages(app.config["BITEXTO"].page_cache_mb * 1024 * 1024)


def rendered(render: Callable[[], str]) -> str:
    """The current request's page: from the cache, else `render()`d and kept."""
    pages: RenderedPages = current_app.extensions[EXTENSION]
    if not pages.max_bytes:
        return render()
    key = (request.full_path, current_language())
    page = pages.get(key)
    if page is None:
        page = render()  # raises for a missing article: nothing is kept
        pages.put(key, page)
    return page
