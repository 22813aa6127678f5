"""The root of claimwire's own exceptions, at the bottom of the layering so every package can use it.

Every exception class defined under `worker/` derives from `ClaimwireError` (a unit test walks the
package to keep it so), so a caller can tell claimwire's errors from a library's or a bug's with one
`except`. Classes keep their standard base too (`ValueError`, `RuntimeError`) where callers and
pydantic catch those.
"""

from __future__ import annotations


class ClaimwireError(Exception):
    """Raised by claimwire itself, never by a library it uses."""
