"""A real HTTP server on 127.0.0.1 for feed tests: a good RSS feed whose entries link to pages on the same
server, and the bad endpoints feeds have in the wild (500, a hang, a page that is not a feed, a dead link).

Every article here is invented for the tests.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PAGES = {
    "/pages/port-blast.html": (
        "Blast at the Grain Port",
        "Tue, 12 Mar 2024 09:00:00 GMT",
        [
            "A blast tore through a grain warehouse at the port of Odesa on Monday, killing four workers and "
            "injuring eleven others, the regional governor said.",
            "\u201cThe workers were finishing the night shift when the roof came down,\u201d said Oleh Marchenko, "
            "the harbour master. \u201cWe are still searching the site.\u201d",
            "Firefighters worked through the morning to put out the fire, and the port was closed to traffic "
            "until the afternoon while engineers checked the quay.",
        ],
    ),
    "/pages/ferry-rescue.html": (
        "Ferry Passengers Rescued off the Coast",
        "Wed, 13 Mar 2024 10:30:00 GMT",
        [
            "Coast guard crews rescued sixty passengers from a ferry that ran aground near Split on Tuesday, "
            "and two people are still missing, officials said.",
            "\u201cThe sea was rough and the captain lost power in the engine room,\u201d said Ivana Horvat, "
            "a spokeswoman for the coast guard.",
            "The ferry company said it would cooperate fully with the investigation into the accident.",
        ],
    ),
}


def page_html(title: str, paragraphs: list[str]) -> str:
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!DOCTYPE html><html><head><title>{title}</title></head><body>"
        f"<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article><h1>{title}</h1>\n{body}</article>"
        f"<footer>Copyright Invented Wire</footer></body></html>"
    )


def rss(base: str, items: list[tuple[str, str, str]]) -> str:
    entries = "".join(
        f"<item><title>{title}</title><link>{base}{path}</link><guid>{base}{path}</guid>"
        f"<pubDate>{when}</pubDate><description>{title}</description></item>"
        for path, title, when in items
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Invented Wire</title>'
        f"<link>{base}/</link><description>Test feed</description>{entries}</channel></rss>"
    )


class FeedServer:
    """`url(path)` for each endpoint; `hits[path]` counts requests (to see Prefect's retries)."""

    def __init__(self, hang_seconds: float = 20.0):
        self.hits: Counter[str] = Counter()
        self.sent: Counter[str] = Counter()  # bytes written by the streamed endpoints, before the client left
        self.release = threading.Event()
        self.hang_seconds = hang_seconds
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # keep the test output quiet
                pass

            def _send(self, status: int, body: str, ctype: str) -> None:
                data = body.encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self):  # noqa: N802
                path = self.path.split("?")[0]
                server.hits[path] += 1
                base = server.base
                if path == "/feed.xml":
                    items = [(p, t, w) for p, (t, w, _) in PAGES.items()]
                    return self._send(200, rss(base, items), "application/rss+xml")
                if path == "/feed-with-dead-link.xml":
                    items = [("/pages/port-blast.html", PAGES["/pages/port-blast.html"][0], PAGES["/pages/port-blast.html"][1]),
                             ("/pages/gone.html", "A Page That Was Removed", "Thu, 14 Mar 2024 08:00:00 GMT")]
                    return self._send(200, rss(base, items), "application/rss+xml")
                if path in PAGES:
                    title, _, paras = PAGES[path]
                    return self._send(200, page_html(title, paras), "text/html; charset=utf-8")
                if path == "/feed-with-huge-page.xml":
                    items = [("/pages/ferry-rescue.html", PAGES["/pages/ferry-rescue.html"][0], PAGES["/pages/ferry-rescue.html"][1]),
                             ("/pages/huge.html", "Twenty Megabytes of Page", "Thu, 14 Mar 2024 08:00:00 GMT")]
                    return self._send(200, rss(base, items), "application/rss+xml")
                if path == "/pages/huge.html":  # 20 MB, sent in chunks without a length, as a server may
                    self.send_response(200)
                    self.send_header("Content-Type", "text/html")
                    self.end_headers()
                    chunk = ("<p>" + "filler text " * 80 + "</p>\n").encode() * 64
                    try:
                        for _ in range(20 * 2**20 // len(chunk) + 1):
                            self.wfile.write(chunk)
                    except OSError:  # the client stopped reading: expected
                        pass
                    return None
                if path == "/huge-feed.xml":  # a valid RSS start, then items without end (up to 200 MB), no length
                    self.send_response(200)
                    self.send_header("Content-Type", "application/rss+xml")
                    self.end_headers()
                    head = rss(base, [])[: -len("</channel></rss>")].encode()
                    item = rss(base, [("/pages/ferry-rescue.html", "Ferry " + "again " * 200, "Wed, 13 Mar 2024 10:30:00 GMT")])
                    chunk = item[item.index("<item>"): item.index("</channel>")].encode() * 64
                    try:
                        self.wfile.write(head)
                        while server.sent[path] < 200 * 2**20:
                            self.wfile.write(chunk)
                            server.sent[path] += len(chunk)
                    except OSError:  # the client stopped reading: expected
                        pass
                    return None
                if path == "/error500":
                    return self._send(500, "Internal Server Error", "text/plain")
                if path == "/hang":
                    server.release.wait(server.hang_seconds)
                    return self._send(200, rss(base, []), "application/rss+xml")
                if path == "/not-a-feed":
                    return self._send(200, "<!DOCTYPE html><html><body><h1>Welcome</h1><p>Our shop is open "
                                           "from nine to five.</p></body></html>", "text/html")
                return self._send(404, "Not Found", "text/plain")

        class Server(ThreadingHTTPServer):
            daemon_threads = True

            def handle_error(self, request, client_address):  # a client that timed out and left: expected
                pass

        self.httpd = Server(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return self.base + path

    def start(self) -> "FeedServer":
        self.thread.start()
        return self

    def stop(self) -> None:
        self.release.set()
        self.httpd.shutdown()
        self.httpd.server_close()


@contextmanager
def serving(hang_seconds: float = 20.0) -> Iterator[FeedServer]:
    server = FeedServer(hang_seconds).start()
    time.sleep(0.05)
    try:
        yield server
    finally:
        server.stop()
