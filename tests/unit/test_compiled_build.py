"""The optional mypyc build (setup.py) names modules that exist, so it fails loudly, not silently,
when rule code moves."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def compiled_modules() -> list[str]:
    tree = ast.parse((ROOT / "setup.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == "COMPILED" for target in node.targets
        ):
            return [ast.literal_eval(element) for element in node.value.elts]  # type: ignore[attr-defined]
    raise AssertionError("setup.py has no COMPILED list")


def test_every_module_the_optional_build_compiles_exists_and_the_models_stay_python() -> None:
    modules = compiled_modules()
    assert modules, "the optional build compiles nothing"
    assert [module for module in modules if not (ROOT / module).is_file()] == []
    # pydantic models and the Kafka adapter stay interpreted: compiled code cannot be monkeypatched
    # and checks annotations at run time
    assert not [module for module in modules if module.startswith(("worker/kafka", "worker/models"))]
