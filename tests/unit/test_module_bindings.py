"""No worker module binds one top-level name twice: the later binding silently hides the earlier,
as a second participle list once hid the first (and with it the rule that read it)."""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def names_bound_twice(source: str) -> list[str]:
    bound: Counter[str] = Counter()
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign):
            bound.update(target.id for target in node.targets if isinstance(target, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            bound[node.target.id] += 1
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            bound[node.name] += 1
    return sorted(name for name, count in bound.items() if count > 1)


def test_no_worker_module_binds_a_top_level_name_twice() -> None:
    found = {
        str(path.relative_to(ROOT)): names
        for path in sorted((ROOT / "worker").rglob("*.py"))
        if (names := names_bound_twice(path.read_text(encoding="utf-8")))
    }
    assert found == {}


def test_the_check_finds_a_name_bound_twice() -> None:
    source = "WORDS = frozenset({'a'})\ndef read(): ...\nWORDS = frozenset({'b'})\nOTHER: int = 1\n"
    assert names_bound_twice(source) == ["WORDS"]
