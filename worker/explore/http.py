"""The explorer's pages over HTTP: `/series` (the list, filtered by query) and `/series/<subject>`.

`explorer_routes(view)` plugs into the tracker's probe server beside /metrics; `RouteServer` serves
the same routes alone for `claimwire series --serve`. Read-only: GET only, nothing is written.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote, urlsplit

from worker.explore.render import esc, index_page, not_found_page, page, subject_page
from worker.explore.view import ExplorerView, SeriesFilter, parse_moment

# (status, body, content type)
Reply = tuple[int, bytes, str]
RouteHandler = Callable[[str], Reply]
HTML = "text/html; charset=utf-8"
ROUTE = "/series"


def explorer_routes(view: ExplorerView) -> dict[str, RouteHandler]:
    """Path prefix -> handler of the request target (path and query), for a probe server."""
    return {ROUTE: lambda target: handle(view, target)}


def handle(view: ExplorerView, target: str) -> Reply:
    """The reply to GET `target`: the list, one subject, or a 400/404 page that says why."""
    parts = urlsplit(target)
    rest = parts.path.removeprefix(ROUTE).strip("/")
    if not rest:
        try:
            series_filter = filter_from_query(parts.query)
        except ValueError as exc:
            return 400, _html(page("bad filter", f"<h1>Bad filter</h1><p>{esc(exc)}</p>")), HTML
        with view.lock:
            return 200, _html(index_page(view, series_filter)), HTML
    wanted = unquote(rest)
    with view.lock:
        subject = view.subject(wanted)
        if subject is None:
            return 404, _html(not_found_page(wanted)), HTML
        return 200, _html(subject_page(view, subject)), HTML


def filter_from_query(query: str) -> SeriesFilter:
    """The list's filter from `?category=&place=&source=&since=&until=`; ValueError for a bad date."""
    values = {name: found[0].strip() for name, found in parse_qs(query).items() if found and found[0].strip()}

    def moment(name: str, end_of_day: bool) -> str | None:
        text = values.get(name)
        if text is not None and len(text) == 10 and end_of_day:
            text += "T23:59:59"  # a bare "to" date includes that whole day
        return text

    try:
        since, until = moment("since", False), moment("until", True)
        return SeriesFilter(
            category=values.get("category"),
            place=values.get("place"),
            source=values.get("source"),
            since=parse_moment(since) if since else None,
            until=parse_moment(until) if until else None,
        )
    except ValueError:
        raise ValueError("since and until must be dates like 2026-03-02") from None


def _html(text: str) -> bytes:
    return text.encode("utf-8")


class RouteServer:
    """A read-only HTTP server of routes in a daemon thread; `port` is the bound port (0 = ephemeral)."""

    def __init__(self, host: str, port: int, routes: Mapping[str, RouteHandler]) -> None:
        self._server = ThreadingHTTPServer((host, port), _handler_class(routes))
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, name="claimwire-http", daemon=True)

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)


def route_for(routes: Mapping[str, RouteHandler], path: str) -> RouteHandler | None:
    """The handler whose prefix is the path's first segment ("/series/x" -> "/series")."""
    return routes.get("/" + path.split("?", 1)[0].lstrip("/").split("/", 1)[0])


def _handler_class(routes: Mapping[str, RouteHandler]) -> type[BaseHTTPRequestHandler]:
    class RouteHandlerClass(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            handler = route_for(routes, self.path)
            if handler is None:
                status, body, content_type = 404, b"not found: try /series\n", "text/plain"
            else:
                status, body, content_type = handler(self.path)
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            """A page view is not worth a log line."""

    return RouteHandlerClass
