"""Decoding one wire item from bytes: claimwire's JSON envelope or an IPTC ninjs 2.x document.

Both forms become a `WireItem`; anything else raises `ItemDecodeError` with a short reason, so a
caller can route the item to a dead-letter topic or an error line instead of stopping.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError

from worker.ingest.errors import ItemDecodeError
from worker.limits import DEFAULT_LIMITS, DEFAULT_MAX_ITEM_BYTES, ItemLimits
from worker.models import WireItem

# One item larger than this is refused (reason "too_large"); see `worker.limits`.
MAX_ITEM_BYTES = DEFAULT_MAX_ITEM_BYTES

# Keys that only a ninjs document has; an object with one of them and no `body` is read as ninjs.
_NINJS_MARKERS = frozenset(
    {"uri", "versioncreated", "firstcreated", "headlines", "body_text", "body_html", "bodies"}
)

# ninjs fields mapped onto WireItem fields; every other ninjs field is kept as an extra.
_NINJS_MAPPED = frozenset(
    {
        "uri",
        "versioncreated",
        "firstcreated",
        "headlines",
        "headline",
        "body_text",
        "body_html",
        "bodies",
        "language",
    }
)


def decode_item(
    data: bytes | str, *, default_id: str | None = None, limits: ItemLimits = DEFAULT_LIMITS
) -> WireItem:
    """The wire item in `data` (one JSON object); `default_id` is used when the object has no id.

    Errors carry the item's id when it is known, else `default_id` (e.g. the Kafka message key), so
    a dead letter can always be traced.
    """
    try:
        text = _checked_text(data, limits.max_item_bytes)
        obj = parse_json(text, limits)
        return decode_object(obj, default_id=default_id)
    except ItemDecodeError as exc:
        if exc.item_id is None:
            exc.item_id = default_id
        raise


def parse_json(text: str | bytes, limits: ItemLimits = DEFAULT_LIMITS) -> Any:
    """One JSON value, refused as `number_too_long` or `too_deep` past the limits.

    Python's own bounds would otherwise escape as bare errors: an integer of more than 4,300 digits
    raises ValueError in `int()`, and deep nesting a RecursionError.
    """

    def checked_number(literal: str, convert: type[int] | type[float]) -> int | float:
        if len(literal) > limits.max_number_chars:
            raise ItemDecodeError(
                "number_too_long",
                f"a number of {len(literal)} characters (the limit is {limits.max_number_chars})",
            )
        return convert(literal)

    try:
        value = json.loads(
            text,
            parse_int=lambda literal: checked_number(literal, int),
            parse_float=lambda literal: checked_number(literal, float),
        )
    except json.JSONDecodeError as exc:
        raise ItemDecodeError("invalid_json", f"{exc.msg} (line {exc.lineno}, column {exc.colno})") from None
    except RecursionError:
        raise ItemDecodeError("too_deep", "JSON nested deeper than the parser can follow") from None
    except UnicodeDecodeError as exc:
        raise ItemDecodeError("not_utf8", f"invalid UTF-8 at byte {exc.start}") from None
    depth = json_depth(value)
    if depth > limits.max_json_depth:
        raise ItemDecodeError("too_deep", f"JSON nested {depth} deep (the limit is {limits.max_json_depth})")
    return value


def json_depth(value: Any) -> int:
    """How deeply arrays and objects nest in a parsed JSON value (a scalar is 0); no recursion."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        current, depth = stack.pop()
        if isinstance(current, dict):
            children: Any = current.values()
        elif isinstance(current, list):
            children = current
        else:
            continue
        deepest = max(deepest, depth + 1)
        stack.extend((child, depth + 1) for child in children)
    return deepest


def decode_object(obj: Any, *, default_id: str | None = None) -> WireItem:
    """The wire item in an already parsed JSON value (envelope or ninjs)."""
    if not isinstance(obj, dict):
        raise ItemDecodeError(
            "wrong_shape", f"expected a JSON object, got {_json_type(obj)}", item_id=default_id
        )
    is_ninjs = "body" not in obj and not _NINJS_MARKERS.isdisjoint(obj)
    fields = _ninjs_fields(obj) if is_ninjs else dict(obj)
    if not fields.get("id") and default_id:
        fields["id"] = default_id
    return _validated(fields)


def text_item(text: str, item_id: str, *, max_bytes: int = MAX_ITEM_BYTES) -> WireItem:
    """A plain-text item: the whole text is the body."""
    if len(text) > max_bytes or len(text.encode("utf-8", "surrogatepass")) > max_bytes:
        raise ItemDecodeError("too_large", f"item is larger than {max_bytes} bytes", item_id=item_id)
    return _validated({"id": item_id, "body": text})


def _checked_text(data: bytes | str, max_bytes: int) -> str:
    size = len(data) if isinstance(data, bytes) else len(data.encode("utf-8", "surrogatepass"))
    if size > max_bytes:
        raise ItemDecodeError("too_large", f"item is {size} bytes, the limit is {max_bytes}")
    if isinstance(data, bytes):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ItemDecodeError("not_utf8", f"invalid UTF-8 at byte {exc.start}") from None
    else:
        text = data.removeprefix("\ufeff")
    if not text.strip():
        raise ItemDecodeError("empty_body", "the item is empty")
    return text


def _validated(fields: dict[str, Any]) -> WireItem:
    item_id = fields.get("id") if isinstance(fields.get("id"), str) else None
    body = fields.get("body")
    if isinstance(body, str) and not body.strip():
        raise ItemDecodeError("empty_body", "the item's body is empty", item_id=item_id)
    surrogate = _lone_surrogate_field(fields)
    if surrogate is not None:
        # JSON may escape half a UTF-16 pair ("\\ud800"); such text can never be written out again.
        raise ItemDecodeError("not_utf8", f"{surrogate}: unpaired UTF-16 surrogate escape", item_id=item_id)
    try:
        return WireItem.model_validate(fields)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "item"
        more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
        raise ItemDecodeError("wrong_shape", f"{where}: {first['msg']}{more}", item_id=item_id) from None


def _lone_surrogate_field(value: Any, where: str = "") -> str | None:
    """The path of the first string holding a lone surrogate, or None."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return where or "item"
    elif isinstance(value, dict):
        for key, inner in value.items():
            found = _lone_surrogate_field(inner, f"{where}.{key}" if where else str(key))
            if found is not None:
                return found
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            found = _lone_surrogate_field(inner, f"{where}[{index}]")
            if found is not None:
                return found
    return None


def _ninjs_fields(doc: Mapping[str, Any]) -> dict[str, Any]:
    """WireItem fields from a ninjs document; unmapped ninjs fields ride along as extras."""
    fields: dict[str, Any] = {key: value for key, value in doc.items() if key not in _NINJS_MAPPED}
    uri = doc.get("uri")
    if isinstance(uri, str):
        fields["id"] = uri
        if uri.startswith(("http://", "https://")):
            fields.setdefault("url", uri)
    fields["published_at"] = doc.get("versioncreated") or doc.get("firstcreated")
    fields["headline"] = _ninjs_headline(doc)
    fields["body"] = _ninjs_body(doc)
    fields["language"] = doc.get("language")
    source = _ninjs_source(doc)
    if source is not None:
        fields.setdefault("source", source)
    return fields


def _ninjs_headline(doc: Mapping[str, Any]) -> Any:
    headlines = doc.get("headlines")
    if isinstance(headlines, list) and headlines:
        main = [h for h in headlines if isinstance(h, dict) and h.get("role", "main") == "main"]
        chosen = (main or headlines)[0]
        return chosen.get("value") if isinstance(chosen, dict) else chosen
    return doc.get("headline")


def _ninjs_body(doc: Mapping[str, Any]) -> Any:
    """The plain-text body when there is one, else the HTML body (the cleaner strips the markup)."""
    for key in ("body_text", "body_html"):
        value = doc.get(key)
        if isinstance(value, str) and value.strip():
            return value
    bodies = doc.get("bodies")
    if isinstance(bodies, list):
        candidates = [b for b in bodies if isinstance(b, dict) and isinstance(b.get("value"), str)]
        candidates.sort(
            key=lambda b: (b.get("role", "main") != "main", "plain" not in str(b.get("contenttype")))
        )
        if candidates:
            return candidates[0]["value"]
    return doc.get("body_text", doc.get("body_html"))


def _ninjs_source(doc: Mapping[str, Any]) -> str | None:
    """The agency that supplied the item: the first named info source, else the copyright holder."""
    infosources = doc.get("infosources")
    if isinstance(infosources, list):
        for entry in infosources:
            if isinstance(entry, dict) and isinstance(entry.get("name"), str):
                return str(entry["name"])
    holder = doc.get("copyrightholder")
    return holder if isinstance(holder, str) else None


def _json_type(value: Any) -> str:
    names = {list: "an array", str: "a string", bool: "a boolean", int: "a number", float: "a number"}
    return "null" if value is None else names.get(type(value), type(value).__name__)
