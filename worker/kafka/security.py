"""SASL/OAUTHBEARER tokens from an OIDC provider, and telling rejected credentials from a dead cluster.

`ClientCredentialsTokenProvider` implements the OAuth 2.0 client-credentials grant (RFC 6749 4.4):
it posts the client id and secret (HTTP Basic, the method every provider must accept) and an
optional scope to the token endpoint, and caches the access token until 80 % of its lifetime has
passed (Kafka's own `sasl.login.refresh.window.factor`), so every connection and re-authentication
gets a token that is not about to expire and the provider is asked once per lifetime, not per
connection. kafka-python asks for the token on its IO thread, so a fetch holds that thread for at
most `TOKEN_REQUEST_TIMEOUT_SECONDS`, once per lifetime.

kafka-python retries a bootstrap whose authentication failed until its timeout and then reports
only the timeout. `SaslExchanges` counts the SASL exchanges begun and completed (through
kafka-python's mechanism registry), so the caller can say which of the two went wrong.
"""

from __future__ import annotations

import base64
import functools
import json
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from kafka.net.sasl import get_sasl_mechanism, register_sasl_mechanism
from kafka.net.sasl.oauth import AbstractTokenProvider

from worker.errors import ClaimwireError
from worker.kafka.errors import AuthenticationFailedError, BrokerUnreachableError
from worker.settings import KafkaConnectionSettings

# Refresh when this share of the token's lifetime has passed.
REFRESH_AFTER_LIFETIME_SHARE = 0.8
# A provider that states no lifetime: ask again after this long.
DEFAULT_TOKEN_LIFETIME_SECONDS = 300.0
TOKEN_REQUEST_TIMEOUT_SECONDS = 10.0


class TokenRequestError(ClaimwireError, RuntimeError):
    """The token endpoint refused the client's credentials or answered something unusable."""


class TokenEndpointUnavailableError(TokenRequestError):
    """The token endpoint did not answer, or answered with a server error: worth a retry later."""


@dataclass(frozen=True, slots=True)
class TokenResponse:
    """The HTTP status and body of a token request."""

    status: int
    body: bytes


TokenPost = Callable[[str, dict[str, str], bytes, float], TokenResponse]


def post_form(url: str, headers: dict[str, str], body: bytes, timeout_seconds: float) -> TokenResponse:
    """POST `body` to `url`; an HTTP error status is returned, not raised (its body explains it)."""
    # The settings accept only http(s) URLs; the certificate is checked against the system's CAs
    # (SSL_CERT_FILE adds a private one).
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=timeout_seconds) as response:
            return TokenResponse(response.status, response.read())
    except urllib.error.HTTPError as error:
        return TokenResponse(error.code, error.read())
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        raise TokenEndpointUnavailableError(f"token endpoint {url} not reachable: {error}") from error


class ClientCredentialsTokenProvider(AbstractTokenProvider):  # type: ignore[misc]  # the client is untyped
    """Access tokens for SASL/OAUTHBEARER from an OIDC token endpoint, cached until due for refresh."""

    def __init__(  # noqa: PLR0913  the OAuth client's settings; test seams keyword-only
        self,
        token_endpoint_url: str,
        client_id: str,
        client_secret: str,
        scope: str | None = None,
        *,
        post: TokenPost = post_form,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__()
        self.token_endpoint_url = token_endpoint_url
        self._client_id = client_id
        self._client_secret = client_secret
        self._scope = scope
        self._post = post
        self._clock = clock
        self._lock = threading.Lock()
        self._token: str | None = None
        self._refresh_at = 0.0

    def token(self) -> str:
        with self._lock:
            if self._token is None or self._clock() >= self._refresh_at:
                self._token, lifetime = self._request()
                self._refresh_at = self._clock() + lifetime * REFRESH_AFTER_LIFETIME_SHARE
            return self._token

    def _request(self) -> tuple[str, float]:
        form = {"grant_type": "client_credentials"}
        if self._scope:
            form["scope"] = self._scope
        credentials = f"{_form_quote(self._client_id)}:{_form_quote(self._client_secret)}"
        headers = {
            "Authorization": "Basic " + base64.b64encode(credentials.encode()).decode("ascii"),
            "Content-Type": "application/x-www-form-urlencoded",
            "Accept": "application/json",
        }
        response = self._post(
            self.token_endpoint_url,
            headers,
            urllib.parse.urlencode(form).encode(),
            TOKEN_REQUEST_TIMEOUT_SECONDS,
        )
        where = f"token endpoint {self.token_endpoint_url}"
        try:
            answer = json.loads(response.body or b"{}")
        except ValueError:
            answer = {}
        if not isinstance(answer, dict):
            answer = {}
        if response.status >= 500:
            raise TokenEndpointUnavailableError(f"{where} failed: HTTP {response.status}")
        if response.status != 200:
            reason = answer.get("error_description") or answer.get("error") or f"HTTP {response.status}"
            raise TokenRequestError(f"{where} refused client {self._client_id!r}: {reason}")
        token = answer.get("access_token")
        if not isinstance(token, str) or not token:
            raise TokenRequestError(f"{where} answered without an access_token")
        expires_in = answer.get("expires_in")
        lifetime = (
            float(expires_in)
            if isinstance(expires_in, int | float) and not isinstance(expires_in, bool) and expires_in > 0
            else DEFAULT_TOKEN_LIFETIME_SECONDS
        )
        return token, lifetime


def _form_quote(text: str) -> str:
    # RFC 6749 2.3.1: id and secret are form-encoded before they are joined for Basic authentication.
    return urllib.parse.quote_plus(text)


# The mechanisms claimwire offers (settings.SaslMechanism), by kafka-python's registry name.
OBSERVED_MECHANISMS = ("PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512", "OAUTHBEARER")


class SaslExchanges:
    """Counts the SASL exchanges this process began and completed, over all its clients.

    A bootstrap that began exchanges and completed none reached the brokers and was refused: the
    broker answered with an authentication error or, as it may, just closed the connection. Counts
    only ever grow, so a caller compares a `snapshot()` taken before connecting with one after.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.begun = 0
        self.completed = 0
        self.errors = 0
        self.last_error: Exception | None = None

    def snapshot(self) -> tuple[int, int, int]:
        """Exchanges begun, completed, and errors raised by a mechanism, so far."""
        with self._lock:
            return self.begun, self.completed, self.errors

    def record_begun(self) -> None:
        with self._lock:
            self.begun += 1

    def record_completed(self) -> None:
        with self._lock:
            self.completed += 1

    def record_error(self, error: Exception) -> None:
        with self._lock:
            self.errors += 1
            self.last_error = error


def _observed(mechanism: type[Any], exchanges: SaslExchanges) -> type[Any]:
    """A subclass of a kafka-python SASL mechanism that reports to `exchanges` (one per connection)."""

    class Observed(mechanism):  # type: ignore[misc]  # the client is untyped
        def __init__(self, **config: Any) -> None:
            super().__init__(**config)
            self._counted_begin = False
            self._counted_completion = False

        def auth_bytes(self) -> bytes:
            if not self._counted_begin:
                self._counted_begin = True
                exchanges.record_begun()
            try:
                token: bytes = super().auth_bytes()
            except Exception as error:  # the token provider's, for one; the client reports it too
                exchanges.record_error(error)
                raise
            return token

        def is_authenticated(self) -> bool:
            authenticated = bool(super().is_authenticated())
            if authenticated and not self._counted_completion:
                self._counted_completion = True
                exchanges.record_completed()
            return authenticated

    Observed.__name__ = f"Observed{mechanism.__name__}"
    return Observed


@functools.cache
def sasl_exchanges() -> SaslExchanges:
    """The process's counter, registered with kafka-python's SASL mechanisms on first use."""
    exchanges = SaslExchanges()
    for name in OBSERVED_MECHANISMS:
        register_sasl_mechanism(name, _observed(get_sasl_mechanism(name), exchanges), overwrite=True)
    return exchanges


def refused_or_unreachable(
    connection: KafkaConnectionSettings, error: Exception, before: tuple[int, int, int]
) -> AuthenticationFailedError | BrokerUnreachableError:
    """What a failed bootstrap means, given the `sasl_exchanges().snapshot()` taken before it."""
    exchanges = sasl_exchanges()
    begun, completed, errors = exchanges.snapshot()
    if begun == before[0] or completed != before[1]:
        return BrokerUnreachableError(f"no broker reachable at {connection.bootstrap_servers}: {error}")
    # Only an error raised during this bootstrap explains it.
    last = exchanges.last_error if errors > before[2] else None
    refusal = last if isinstance(last, TokenRequestError) else None
    if isinstance(refusal, TokenEndpointUnavailableError):
        return BrokerUnreachableError(f"no token for {connection.bootstrap_servers}: {refusal}")
    detail = str(refusal) if refusal is not None else "the broker refused the credentials"
    mechanism = connection.sasl_mechanism
    if mechanism == "OAUTHBEARER":
        who = f"client {connection.sasl_oauthbearer_client_id!r}"
        check = (
            "CLAIMWIRE_SASL_OAUTHBEARER_CLIENT_ID, CLAIMWIRE_SASL_OAUTHBEARER_CLIENT_SECRET "
            "and CLAIMWIRE_SASL_OAUTHBEARER_TOKEN_ENDPOINT_URL"
        )
    else:
        who = f"user {connection.sasl_plain_username!r}"
        check = "CLAIMWIRE_SASL_PLAIN_USERNAME and CLAIMWIRE_SASL_PLAIN_PASSWORD"
    return AuthenticationFailedError(
        f"authentication failed: {connection.bootstrap_servers} refused the {mechanism} login of {who} "
        f"({detail}); check {check}"
    )
