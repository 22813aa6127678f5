"""The worker's HTTP endpoint: /metrics (Prometheus), /healthz (liveness) and /readyz (readiness).

Served by the standard library in a daemon thread. Liveness means the poll loop went round recently
(a stuck loop gets the pod restarted); readiness means the worker joined its group and can reach the
broker (docs/metrics.md lists every state).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Protocol

from prometheus_client import CONTENT_TYPE_LATEST

# Extra read-only pages by first path segment ("/series" serves "/series/..."): request target in,
# (status, body, content type) out.
Routes = Mapping[str, Callable[[str], tuple[int, bytes, str]]]


class MetricsSource(Protocol):
    """Anything that renders Prometheus text: the worker's metrics, the tracker's."""

    def render(self) -> bytes: ...


@dataclass(slots=True)
class LoopHealth:
    """What the poll loop reports about itself; read by the probe handlers from another thread.

    Liveness: the loop went round recently (`beat`, or a poll), so a loop stuck in one call gets
    the pod restarted. Readiness, for a loop that reports its group membership (the worker): it has
    joined its group (with or without partitions: at full scale a surge pod in a rolling update gets
    none until the old pod leaves) and its last contact with the broker succeeded, so a worker cut
    off from the cluster is taken out of service. A loop that does not report membership (the
    tracker) is ready once it has polled with a partition assigned.
    """

    max_poll_age_seconds: float
    last_beat: float | None = None  # time.monotonic() of the loop's last round
    last_poll: float | None = None  # time.monotonic() of the last completed poll
    assigned_partitions: int = 0
    joined: bool | None = None  # None: this loop does not report its membership
    broker_reachable: bool = True
    lock: threading.Lock = field(default_factory=threading.Lock)

    def beat(self) -> None:
        with self.lock:
            self.last_beat = time.monotonic()

    def polled(self, assigned_partitions: int) -> None:
        with self.lock:
            self.last_poll = self.last_beat = time.monotonic()
            self.assigned_partitions = assigned_partitions

    def group_joined(self, joined: bool) -> None:
        with self.lock:
            self.joined = joined

    def broker_contact(self, reachable: bool) -> None:
        with self.lock:
            self.broker_reachable = reachable

    def alive(self) -> tuple[bool, str]:
        with self.lock:
            last = self.last_beat
        if last is None:
            return True, "starting"  # joining a group can take a while; readiness covers it
        age = time.monotonic() - last
        if age > self.max_poll_age_seconds:
            return False, f"loop stuck: last round {age:.1f}s ago"
        return True, f"last round {age:.1f}s ago"

    def ready(self) -> tuple[bool, str]:
        with self.lock:
            polled, joined = self.last_poll is not None, self.joined
            assigned, reachable = self.assigned_partitions, self.broker_reachable
        if joined is None:
            if not polled:
                return False, "not polled yet"
            if assigned == 0:
                return False, "no partitions assigned"
            return True, f"{assigned} partitions assigned"
        if not polled or not joined:
            return False, "not joined to the group yet"
        if not reachable:
            return False, "broker unreachable"
        return True, f"{assigned} partitions assigned (group joined, broker reachable)"


class ProbeServer:
    """A ThreadingHTTPServer in a daemon thread; `port` is the bound port (useful with port 0)."""

    def __init__(
        self, host: str, port: int, metrics: MetricsSource, health: LoopHealth, routes: Routes | None = None
    ) -> None:
        handler = _handler_class(metrics, health, routes or {})
        self._server = ThreadingHTTPServer((host, port), handler)
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


def _handler_class(
    metrics: MetricsSource, health: LoopHealth, routes: Routes
) -> type[BaseHTTPRequestHandler]:
    class ProbeHandler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            path = self.path.split("?", 1)[0]
            if path == "/metrics":
                self._reply(200, metrics.render(), CONTENT_TYPE_LATEST)
            elif path == "/healthz":
                self._reply_check(*health.alive())
            elif path == "/readyz":
                self._reply_check(*health.ready())
            elif (route := routes.get("/" + path.lstrip("/").split("/", 1)[0])) is not None:
                self._reply(*route(self.path))
            else:
                self._reply(404, b"not found: try /metrics, /healthz or /readyz\n", "text/plain")

        def _reply_check(self, ok: bool, detail: str) -> None:
            body = f"{'ok' if ok else 'fail'}: {detail}\n".encode()
            self._reply(200 if ok else 503, body, "text/plain; charset=utf-8")

        def _reply(self, status: int, body: bytes, content_type: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            """Probes hit every few seconds; access lines would drown the worker's own log."""

    return ProbeHandler
