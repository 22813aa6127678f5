"""No rule pattern that opens with "^" is matched at a position: Python's "^" matches only at the
real start of the string (or after a newline with MULTILINE), never at `pos`, so such a rule would
fire in an item's first sentence and silently nowhere else."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# NAME.match(text, pos ...), NAME.search(...), with a second argument other than 0: a position.
_CALL_WITH_POSITION = r"\b{name}\.(?:match|search|fullmatch|finditer|findall)\([^(),]+,(?!\s*0\s*[,)])"


def anchored_patterns_matched_at_a_position(package: Path) -> list[str]:
    found = []
    for path in sorted(package.rglob("*.py")):
        module_name = ".".join(path.relative_to(package.parent).with_suffix("").parts)
        if module_name.endswith("__main__"):
            continue
        module = importlib.import_module(module_name)
        source = path.read_text(encoding="utf-8")
        for name, value in vars(module).items():
            if (
                isinstance(value, re.Pattern)
                and isinstance(value.pattern, str)
                and value.pattern.startswith("^")
                and not value.flags & re.MULTILINE
                and re.search(_CALL_WITH_POSITION.format(name=re.escape(name)), source)
            ):
                found.append(f"{module_name}.{name}")
    return found


def test_no_pattern_opening_with_a_caret_is_matched_at_a_position() -> None:
    assert anchored_patterns_matched_at_a_position(ROOT / "worker") == []


def test_the_check_finds_such_a_pattern(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    package = tmp_path / "anchors_probe"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "rules.py").write_text(
        "import re\n"
        'LABEL = re.compile(r"^photo")\n'
        'FREE = re.compile(r"photo")\n'
        "def is_label(text, start):\n"
        "    return LABEL.match(text, start) or FREE.match(text, start) or LABEL.match(text, 0, start)\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    assert anchored_patterns_matched_at_a_position(package) == ["anchors_probe.rules.LABEL"]
