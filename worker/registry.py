"""claimwire's JSON Schemas in a Confluent-compatible schema registry, and the registry's wire format.

A registry keeps one *subject* per topic value (`<topic>-value`, Confluent's TopicNameStrategy) and
gives each distinct schema a numeric id. Consumers that use the registry's JSON Schema
deserializers expect each value framed as one zero "magic" byte, the schema id as a 4-byte
big-endian integer, then the JSON:

    frame(42, b'{"claim_id": ...}') == b"\\x00\\x00\\x00\\x00\\x2a" + b'{"claim_id": ...}'

Confluent Schema Registry, Apicurio Registry (`/apis/ccompat/v7`), Karapace and Redpanda serve the
same REST API, which is all this module speaks (the standard library's HTTP client; no Kafka).
Settings come from `CLAIMWIRE_SCHEMA_REGISTRY_*` (`SchemaRegistrySettings`).
"""

from __future__ import annotations

import base64
import json
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping
from typing import Any

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from worker.errors import ClaimwireError
from worker.schemagen import SCHEMAS, render

MAGIC_BYTE = 0
FRAME_HEADER_BYTES = 5
MAX_SCHEMA_ID = 2**31 - 1
SCHEMA_TYPE = "JSON"
CONTENT_TYPE = "application/vnd.schemaregistry.v1+json"
CLAIM_EVENT_SCHEMA_FILE = "claim_event.schema.json"
# HTTP status and Confluent error code of "subject or schema not found".
NOT_FOUND = 404


class RegistryError(ClaimwireError, RuntimeError):
    """The registry refused a request or could not be reached; the message says which and why."""


class SchemaNotRegisteredError(RegistryError):
    """The registry does not hold this schema under this subject."""


class FrameError(ClaimwireError, ValueError):
    """Bytes that are not a value in the registry's wire format."""


class SchemaRegistrySettings(BaseSettings):
    """`CLAIMWIRE_SCHEMA_REGISTRY_*`: where the registry is and whether the worker frames its output."""

    model_config = SettingsConfigDict(env_prefix="CLAIMWIRE_SCHEMA_REGISTRY_", frozen=True, extra="ignore")

    url: str | None = Field(
        default=None,
        description="Base URL of the Confluent-compatible API, e.g. http://registry:8080/apis/ccompat/v7.",
    )
    username: str | None = Field(default=None, description="HTTP basic-auth user (Confluent Cloud: API key).")
    password: SecretStr | None = Field(default=None, description="HTTP basic-auth password (API secret).")
    timeout_seconds: float = Field(default=10.0, gt=0)
    wire_format: bool = Field(
        default=False,
        description=(
            "The worker writes claim events framed for the registry's JSON Schema deserializers "
            "(magic byte 0, schema id, JSON). Needs `url` and the schema registered."
        ),
    )

    @field_validator("url")
    @classmethod
    def _http_url(cls, value: str | None) -> str | None:
        if value is None:
            return None
        parsed = urllib.parse.urlsplit(value)
        if parsed.scheme not in {"http", "https"} or not parsed.netloc:
            raise ValueError(f"must be an http:// or https:// URL, not {value!r}")
        return value.rstrip("/")


def frame(schema_id: int, payload: bytes) -> bytes:
    """`payload` in the registry's wire format for schema `schema_id`."""
    return frame_prefix(schema_id) + payload


def frame_prefix(schema_id: int) -> bytes:
    """The five bytes that precede a value of schema `schema_id`."""
    if not 0 <= schema_id <= MAX_SCHEMA_ID:
        raise ValueError(f"schema id {schema_id} is out of range")
    return bytes([MAGIC_BYTE]) + schema_id.to_bytes(4, "big")


def unframe(data: bytes) -> tuple[int, bytes]:
    """(schema id, payload) of a framed value."""
    if len(data) < FRAME_HEADER_BYTES or data[0] != MAGIC_BYTE:
        raise FrameError("not in the schema registry wire format (no magic byte 0 and schema id)")
    return int.from_bytes(data[1:FRAME_HEADER_BYTES], "big"), data[FRAME_HEADER_BYTES:]


def payload(data: bytes) -> bytes:
    """The JSON of a value, framed or not: JSON never starts with a zero byte, so the frame is plain."""
    if len(data) >= FRAME_HEADER_BYTES and data[0] == MAGIC_BYTE:
        return data[FRAME_HEADER_BYTES:]
    return data


def value_subject(topic: str) -> str:
    """The subject of a topic's values under the default TopicNameStrategy."""
    return f"{topic}-value"


def schema_text(file_name: str) -> str:
    """The text of `schemas/<file_name>`, rendered from the models: an installed package (the image)
    has no `schemas/` directory, and tests/unit/test_schemas.py keeps the two identical."""
    return render(SCHEMAS[file_name])


class SchemaRegistryClient:
    """The few calls of the Confluent schema registry REST API that claimwire needs."""

    def __init__(
        self,
        url: str,
        *,
        username: str | None = None,
        password: str | None = None,
        timeout_seconds: float = 10.0,
    ) -> None:
        self.url = url.rstrip("/")
        self.timeout_seconds = timeout_seconds
        self._headers = {"Content-Type": CONTENT_TYPE, "Accept": CONTENT_TYPE}
        if username is not None:
            token = base64.b64encode(f"{username}:{password or ''}".encode()).decode()
            self._headers["Authorization"] = f"Basic {token}"

    @classmethod
    def from_settings(cls, settings: SchemaRegistrySettings) -> SchemaRegistryClient:
        if settings.url is None:
            raise RegistryError("no registry: set CLAIMWIRE_SCHEMA_REGISTRY_URL or --registry-url")
        password = settings.password.get_secret_value() if settings.password is not None else None
        return cls(
            settings.url,
            username=settings.username,
            password=password,
            timeout_seconds=settings.timeout_seconds,
        )

    def register(self, subject: str, schema: str) -> int:
        """Register `schema` under `subject` (a no-op if it is there already); its global id."""
        answer = self._call("POST", f"/subjects/{_quote(subject)}/versions", _schema_body(schema))
        return int(answer["id"])

    def lookup(self, subject: str, schema: str) -> tuple[int, int]:
        """(id, version) of `schema` under `subject`; SchemaNotRegisteredError if it is not there."""
        answer = self._call("POST", f"/subjects/{_quote(subject)}", _schema_body(schema))
        return int(answer["id"]), int(answer["version"])

    def schema_by_id(self, schema_id: int) -> str:
        answer = self._call("GET", f"/schemas/ids/{schema_id}")
        return str(answer["schema"])

    def _call(self, method: str, path: str, body: Mapping[str, Any] | None = None) -> Any:
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self.url + path, data=data, method=method, headers=self._headers)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout_seconds) as response:
                return json.loads(response.read() or b"{}")
        except urllib.error.HTTPError as exc:
            detail = _error_detail(exc)
            if exc.code == NOT_FOUND:
                raise SchemaNotRegisteredError(f"{method} {path}: {detail}") from None
            raise RegistryError(f"{method} {self.url}{path} answered {exc.code}: {detail}") from None
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise RegistryError(f"schema registry at {self.url} unreachable: {reason}") from None
        except json.JSONDecodeError as exc:
            raise RegistryError(f"{method} {self.url}{path} answered with no JSON: {exc}") from None


def _quote(subject: str) -> str:
    return urllib.parse.quote(subject, safe="")


def _schema_body(schema: str) -> dict[str, str]:
    return {"schemaType": SCHEMA_TYPE, "schema": schema}


def _error_detail(error: urllib.error.HTTPError) -> str:
    try:
        body = json.loads(error.read() or b"{}")
    except (json.JSONDecodeError, OSError):
        return str(error.reason)
    if isinstance(body, dict) and "message" in body:
        return f"{body['message']} (error_code {body.get('error_code', '?')})"
    return str(error.reason)


def claim_value_prefix(settings: SchemaRegistrySettings, output_topic: str) -> bytes:
    """What the worker puts before each claim event: the frame of the registered claim schema with
    `wire_format`, else nothing. Raises SchemaNotRegisteredError or RegistryError."""
    if not settings.wire_format:
        return b""
    subject = value_subject(output_topic)
    client = SchemaRegistryClient.from_settings(settings)
    try:
        schema_id, _ = client.lookup(subject, schema_text(CLAIM_EVENT_SCHEMA_FILE))
    except SchemaNotRegisteredError:
        raise SchemaNotRegisteredError(
            f"the schema registry holds no {CLAIM_EVENT_SCHEMA_FILE} under {subject!r}: "
            "run `claimwire schemas register` first"
        ) from None
    return frame_prefix(schema_id)
