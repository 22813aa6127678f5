"""SASL against a real broker: SCRAM users and OAUTHBEARER tokens on the development broker's SASL
listener, and one clear line with exit 4 when the credentials are wrong.

The broker is real (`claimwire dev-broker` with `--sasl-port`, started here for this module); it
checks OAUTHBEARER tokens with Kafka's own unsecured-JWT validator. The token endpoint is a small
HTTP server in this test that grants the client-credentials flow and issues unsigned JWTs, as an
OIDC provider would issue signed ones.
"""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
import threading
import time
import urllib.parse
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from worker.dev.broker import DevBroker, free_port, running_broker
from worker.exitcodes import ExitCode
from worker.kafka.admin import TopicSpec, create_topics, list_topics
from worker.kafka.topicio import publish, read_until
from worker.settings import KafkaConnectionSettings

SCRAM_USER, SCRAM_PASSWORD = "claimwire-app", "scram-pass-1"
OAUTH_CLIENT, OAUTH_SECRET = "claimwire-worker", "oauth-pass-1"
BROKER_START_TIMEOUT_S = 300.0


def _unsecured_jwt(subject: str, lifetime_s: int) -> str:
    def part(value: dict[str, object]) -> str:
        return base64.urlsafe_b64encode(json.dumps(value).encode()).rstrip(b"=").decode()

    now = int(time.time())
    return f"{part({'alg': 'none'})}.{part({'sub': subject, 'iat': now, 'exp': now + lifetime_s})}."


@dataclass
class TokenEndpoint:
    """An OAuth 2.0 token endpoint for one client: client-credentials grant, Basic authentication."""

    url: str
    grants: list[dict[str, list[str]]] = field(default_factory=list)


@pytest.fixture(scope="module")
def token_endpoint() -> Iterator[TokenEndpoint]:
    grants: list[dict[str, list[str]]] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            form = urllib.parse.parse_qs(self.rfile.read(int(self.headers["Content-Length"])).decode())
            expected = base64.b64encode(f"{OAUTH_CLIENT}:{OAUTH_SECRET}".encode()).decode()
            if self.headers.get("Authorization") != f"Basic {expected}":
                self._answer(
                    401, {"error": "invalid_client", "error_description": "unknown client or secret"}
                )
            elif form.get("grant_type") != ["client_credentials"]:
                self._answer(400, {"error": "unsupported_grant_type"})
            else:
                grants.append(form)
                token = _unsecured_jwt(OAUTH_CLIENT, 3600)
                self._answer(200, {"access_token": token, "token_type": "Bearer", "expires_in": 3600})

        def _answer(self, status: int, body: dict[str, object]) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: object) -> None:
            """Quiet: the test asserts on what was granted."""

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield TokenEndpoint(f"http://127.0.0.1:{server.server_address[1]}/oauth2/token", grants)
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def sasl_broker(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DevBroker]:
    workdir = tmp_path_factory.mktemp("sasl-broker")
    with (
        (workdir / "broker.log").open("w") as log,
        running_broker(
            workdir / "data",
            log=log,
            sasl_port=free_port(),
            scram_users={SCRAM_USER: SCRAM_PASSWORD},
            ready_timeout_s=BROKER_START_TIMEOUT_S,
        ) as broker,
    ):
        yield broker


def _sasl_bootstrap(broker: DevBroker) -> str:
    assert broker.sasl_bootstrap is not None
    return broker.sasl_bootstrap


def scram(broker: DevBroker, mechanism: str, password: str = SCRAM_PASSWORD) -> KafkaConnectionSettings:
    return KafkaConnectionSettings(
        bootstrap_servers=_sasl_bootstrap(broker),
        security_protocol="SASL_PLAINTEXT",
        sasl_mechanism=mechanism,  # type: ignore[arg-type]  # checked by the settings
        sasl_plain_username=SCRAM_USER,
        sasl_plain_password=password,  # type: ignore[arg-type]  # pydantic makes it a SecretStr
    )


def oauthbearer(broker: DevBroker, endpoint: TokenEndpoint) -> KafkaConnectionSettings:
    return KafkaConnectionSettings(
        bootstrap_servers=_sasl_bootstrap(broker),
        security_protocol="SASL_PLAINTEXT",
        sasl_mechanism="OAUTHBEARER",
        sasl_oauthbearer_token_endpoint_url=endpoint.url,
        sasl_oauthbearer_client_id=OAUTH_CLIENT,
        sasl_oauthbearer_client_secret=OAUTH_SECRET,  # type: ignore[arg-type]  # pydantic makes it a SecretStr
        sasl_oauthbearer_scope="kafka",
    )


def round_trip(connection: KafkaConnectionSettings) -> None:
    """Create a topic, publish to it and read it back, every client authenticating with `connection`."""
    topic = f"secured-{uuid.uuid4().hex[:10]}"
    assert create_topics(connection, [TopicSpec(topic, 2)]).created == (topic,)
    assert topic in list_topics(connection)
    sent = [(f"k{n}".encode(), f"v{n}".encode()) for n in range(5)]
    assert publish(connection, topic, sent) == 5
    records = read_until(connection, topic, lambda got: len(got) >= 5, timeout_s=60)
    assert sorted(record.value for record in records) == [value for _, value in sent]


@pytest.mark.parametrize("mechanism", ["SCRAM-SHA-256", "SCRAM-SHA-512"])
def test_scram_users_produce_and_consume(sasl_broker: DevBroker, mechanism: str) -> None:
    round_trip(scram(sasl_broker, mechanism))


def test_oauthbearer_clients_get_a_token_from_the_endpoint_and_produce_and_consume(
    sasl_broker: DevBroker, token_endpoint: TokenEndpoint
) -> None:
    round_trip(oauthbearer(sasl_broker, token_endpoint))
    assert token_endpoint.grants, "no token was asked for"
    assert token_endpoint.grants[0] == {"grant_type": ["client_credentials"], "scope": ["kafka"]}
    # One cached token served the admin, producer and consumer connections.
    assert len(token_endpoint.grants) == 1


def _claimwire(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    clean = {name: value for name, value in os.environ.items() if not name.startswith("CLAIMWIRE_")}
    return subprocess.run(
        [sys.executable, "-m", "worker.cli", *args],
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _one_line(result: subprocess.CompletedProcess[str]) -> str:
    """The command's own error line; the client's log lines about the retries may come before it."""
    assert "Traceback" not in result.stderr
    [line] = [line for line in result.stderr.splitlines() if line.startswith("claimwire topics: ")]
    return line


def test_a_wrong_scram_password_is_one_line_and_exit_4(sasl_broker: DevBroker) -> None:
    env = {
        "CLAIMWIRE_BOOTSTRAP_SERVERS": _sasl_bootstrap(sasl_broker),
        "CLAIMWIRE_SECURITY_PROTOCOL": "SASL_PLAINTEXT",
        "CLAIMWIRE_SASL_MECHANISM": "SCRAM-SHA-512",
        "CLAIMWIRE_SASL_PLAIN_USERNAME": SCRAM_USER,
        "CLAIMWIRE_SASL_PLAIN_PASSWORD": "not-the-password",
    }
    result = _claimwire("topics", "list", "--timeout", "5", env=env)
    assert result.returncode == ExitCode.AUTHENTICATION_FAILED, result.stderr
    line = _one_line(result)
    assert f"refused the SCRAM-SHA-512 login of user '{SCRAM_USER}'" in line
    assert "check CLAIMWIRE_SASL_PLAIN_USERNAME and CLAIMWIRE_SASL_PLAIN_PASSWORD" in line
    assert "not-the-password" not in result.stderr


def test_a_wrong_oauth_client_secret_is_one_line_and_exit_4(
    sasl_broker: DevBroker, token_endpoint: TokenEndpoint
) -> None:
    env = {
        "CLAIMWIRE_BOOTSTRAP_SERVERS": _sasl_bootstrap(sasl_broker),
        "CLAIMWIRE_SECURITY_PROTOCOL": "SASL_PLAINTEXT",
        "CLAIMWIRE_SASL_MECHANISM": "OAUTHBEARER",
        "CLAIMWIRE_SASL_OAUTHBEARER_TOKEN_ENDPOINT_URL": token_endpoint.url,
        "CLAIMWIRE_SASL_OAUTHBEARER_CLIENT_ID": OAUTH_CLIENT,
        "CLAIMWIRE_SASL_OAUTHBEARER_CLIENT_SECRET": "not-the-secret",
    }
    result = _claimwire("topics", "list", "--timeout", "5", env=env)
    assert result.returncode == ExitCode.AUTHENTICATION_FAILED, result.stderr
    line = _one_line(result)
    assert f"refused client '{OAUTH_CLIENT}': unknown client or secret" in line
    assert "CLAIMWIRE_SASL_OAUTHBEARER_CLIENT_SECRET" in line


def test_the_plaintext_listener_of_the_same_broker_needs_no_credentials(sasl_broker: DevBroker) -> None:
    assert isinstance(list_topics(KafkaConnectionSettings(bootstrap_servers=sasl_broker.bootstrap)), list)


def test_scram_users_need_the_sasl_listener(tmp_path: Path) -> None:
    result = _claimwire("dev-broker", "--data-dir", str(tmp_path), "--scram-user", "someone:pw", env={})
    assert result.returncode == ExitCode.USAGE
    assert "--scram-user needs --sasl-port" in result.stderr
