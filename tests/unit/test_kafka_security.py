"""The OAUTHBEARER token provider (client-credentials grant) and the refused-or-unreachable verdict,
without a broker or an identity provider: the HTTP post and the clock are stand-ins."""

from __future__ import annotations

import base64
import json
import urllib.parse

import pytest
from kafka.errors import KafkaTimeoutError
from kafka.net.sasl import get_sasl_mechanism

from worker.kafka.errors import AuthenticationFailedError, BrokerUnreachableError
from worker.kafka.security import (
    ClientCredentialsTokenProvider,
    TokenEndpointUnavailableError,
    TokenRequestError,
    TokenResponse,
    refused_or_unreachable,
    sasl_exchanges,
)
from worker.settings import KafkaConnectionSettings

ENDPOINT = "https://idp.example/oauth2/token"


class FakeEndpoint:
    """Answers token requests with the next response given; keeps what was asked."""

    def __init__(self, *answers: TokenResponse) -> None:
        self.answers = list(answers)
        self.requests: list[tuple[str, dict[str, str], dict[str, list[str]]]] = []

    def __call__(self, url: str, headers: dict[str, str], body: bytes, timeout: float) -> TokenResponse:
        self.requests.append((url, headers, urllib.parse.parse_qs(body.decode())))
        return self.answers.pop(0)


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def token_answer(token: str, expires_in: object = 300) -> TokenResponse:
    return TokenResponse(
        200, json.dumps({"access_token": token, "token_type": "Bearer", "expires_in": expires_in}).encode()
    )


def provider(
    endpoint: FakeEndpoint, clock: Clock, scope: str | None = "kafka"
) -> ClientCredentialsTokenProvider:
    return ClientCredentialsTokenProvider(
        ENDPOINT, "worker a", "p@ss:word", scope, post=endpoint, clock=clock
    )


def test_the_client_credentials_grant_is_posted_with_basic_authentication() -> None:
    endpoint = FakeEndpoint(token_answer("tok-1"))
    assert provider(endpoint, Clock()).token() == "tok-1"
    [(url, headers, form)] = endpoint.requests
    assert url == ENDPOINT
    assert form == {"grant_type": ["client_credentials"], "scope": ["kafka"]}
    assert headers["Content-Type"] == "application/x-www-form-urlencoded"
    # RFC 6749 2.3.1: id and secret are form-encoded, then joined with ':' and base64-encoded.
    credentials = base64.b64decode(headers["Authorization"].removeprefix("Basic ")).decode()
    assert credentials == "worker+a:p%40ss%3Aword"


def test_no_scope_is_sent_when_none_is_configured() -> None:
    endpoint = FakeEndpoint(token_answer("tok"))
    provider(endpoint, Clock(), scope=None).token()
    assert endpoint.requests[0][2] == {"grant_type": ["client_credentials"]}


def test_a_token_is_reused_until_most_of_its_lifetime_has_passed() -> None:
    endpoint = FakeEndpoint(token_answer("first", expires_in=100), token_answer("second", expires_in=100))
    clock = Clock()
    tokens = provider(endpoint, clock)
    assert tokens.token() == "first"
    clock.now += 79  # under 80 % of 100 s: every new connection gets the cached token
    assert tokens.token() == "first"
    assert len(endpoint.requests) == 1
    clock.now += 2  # past 80 %: refreshed before it expires
    assert tokens.token() == "second"
    assert len(endpoint.requests) == 2


def test_a_token_without_a_lifetime_is_refreshed_after_the_default() -> None:
    endpoint = FakeEndpoint(token_answer("a", expires_in=None), token_answer("b"))
    clock = Clock()
    tokens = provider(endpoint, clock)
    assert tokens.token() == "a"
    clock.now += 239
    assert tokens.token() == "a"
    clock.now += 2
    assert tokens.token() == "b"


def test_a_refusal_carries_the_providers_reason() -> None:
    refusal = TokenResponse(401, b'{"error": "invalid_client", "error_description": "bad client secret"}')
    with pytest.raises(TokenRequestError, match="refused client 'worker a': bad client secret"):
        provider(FakeEndpoint(refusal), Clock()).token()


def test_a_refusal_without_a_json_body_names_the_status() -> None:
    with pytest.raises(TokenRequestError, match="HTTP 403"):
        provider(FakeEndpoint(TokenResponse(403, b"<html>no</html>")), Clock()).token()


def test_a_server_error_is_an_unavailable_endpoint_not_a_refusal() -> None:
    with pytest.raises(TokenEndpointUnavailableError, match="HTTP 503"):
        provider(FakeEndpoint(TokenResponse(503, b"<html>down</html>")), Clock()).token()


def test_an_unreachable_token_endpoint_is_not_reported_as_refused_credentials() -> None:
    oauth = KafkaConnectionSettings(
        bootstrap_servers="k1:9093",
        security_protocol="SASL_SSL",
        sasl_mechanism="OAUTHBEARER",
        sasl_oauthbearer_token_endpoint_url=ENDPOINT,
        sasl_oauthbearer_client_id="claimwire",
        sasl_oauthbearer_client_secret="s",  # type: ignore[arg-type]  # pydantic makes it a SecretStr
    )
    exchanges = sasl_exchanges()
    before = exchanges.snapshot()
    exchanges.record_begun()
    exchanges.record_error(TokenEndpointUnavailableError(f"token endpoint {ENDPOINT} not reachable"))
    verdict = refused_or_unreachable(oauth, KafkaTimeoutError("Unable to bootstrap"), before)
    assert isinstance(verdict, BrokerUnreachableError)
    assert "not reachable" in str(verdict)
    exchanges.record_error(TokenRequestError("refused client 'claimwire': bad secret"))
    refused = refused_or_unreachable(oauth, KafkaTimeoutError("Unable to bootstrap"), before)
    assert isinstance(refused, AuthenticationFailedError)
    assert "bad secret" in str(refused)


def test_an_answer_without_an_access_token_is_an_error() -> None:
    with pytest.raises(TokenRequestError, match="without an access_token"):
        provider(FakeEndpoint(TokenResponse(200, b'{"token_type": "Bearer"}')), Clock()).token()


SCRAM = KafkaConnectionSettings(
    bootstrap_servers="k1:9093",
    security_protocol="SASL_SSL",
    sasl_mechanism="SCRAM-SHA-512",
    sasl_plain_username="claimwire",
    sasl_plain_password="wrong",  # a test value
)


def test_a_bootstrap_that_began_sasl_and_completed_none_was_refused() -> None:
    exchanges = sasl_exchanges()
    before = exchanges.snapshot()
    exchanges.record_begun()
    verdict = refused_or_unreachable(SCRAM, KafkaTimeoutError("Unable to bootstrap"), before)
    assert isinstance(verdict, AuthenticationFailedError)
    assert "refused the SCRAM-SHA-512 login of user 'claimwire'" in str(verdict)
    assert "check CLAIMWIRE_SASL_PLAIN_USERNAME and CLAIMWIRE_SASL_PLAIN_PASSWORD" in str(verdict)


def test_a_bootstrap_that_never_began_sasl_found_no_broker() -> None:
    before = sasl_exchanges().snapshot()
    verdict = refused_or_unreachable(SCRAM, KafkaTimeoutError("Unable to bootstrap"), before)
    assert isinstance(verdict, BrokerUnreachableError)
    assert "no broker reachable at k1:9093" in str(verdict)


def test_the_exchange_counter_wraps_the_mechanisms_claimwire_offers() -> None:
    sasl_exchanges()
    for name in ("PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512", "OAUTHBEARER"):
        assert get_sasl_mechanism(name).__name__.startswith("Observed")
