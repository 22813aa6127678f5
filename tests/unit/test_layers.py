"""The package layering: no import cycles between claimwire's packages, counted by bench/package_cycles.py."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "bench" / "package_cycles.py"


def run_counter(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), "--root", str(root)],
        capture_output=True,
        text=True,
        check=False,
    )


def test_worker_has_no_package_cycles() -> None:
    result = run_counter(ROOT / "worker")
    assert result.stdout.splitlines()[-1] == "package cycles: 0", result.stdout
    assert result.returncode == 0


def write_package(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        # A two-package cycle through a lazy import inside a function still counts.
        (
            {
                "__init__.py": "",
                "low/__init__.py": "",
                "low/a.py": "def f():\n    from toy.high.b import g\n",
                "high/__init__.py": "",
                "high/b.py": "from toy.low import a\n",
            },
            ["toy.high -> toy.low -> toy.high"],
        ),
        # A relative import resolves to the package it names; imports that only go down make no cycle.
        (
            {
                "__init__.py": "",
                "base.py": "X = 1\n",
                "top/__init__.py": "",
                "top/c.py": "from ..base import X\nfrom . import d\n",
                "top/d.py": "",
            },
            [],
        ),
    ],
)
def test_counter_finds_cycles_in_a_toy_package(
    tmp_path: Path, files: dict[str, str], expected: list[str]
) -> None:
    root = tmp_path / "toy"
    write_package(root, files)
    result = run_counter(root)
    lines = result.stdout.splitlines()
    assert lines[:-1] == expected
    assert lines[-1] == f"package cycles: {len(expected)}"
    assert result.returncode == (1 if expected else 0)


def contract_order() -> list[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    [layers] = [c for c in config["tool"]["importlinter"]["contracts"] if c["type"] == "layers"]
    return [name.strip() for layer in layers["layers"] for name in layer.split("|")]


def readme_order() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    layout = readme.split("## Layout", 1)[1].split("```", 2)[1]
    return re.findall(r"^  ([a-z_]+)(?:\.py|/)\s", layout, flags=re.MULTILINE)


def test_the_readme_layout_lists_the_packages_in_the_contract_order() -> None:
    assert readme_order() == contract_order()


def test_the_contract_names_every_package_and_module_of_worker() -> None:
    children = {
        path.stem
        for path in (ROOT / "worker").iterdir()
        if (path.is_dir() and (path / "__init__.py").exists())
        or (path.suffix == ".py" and path.stem != "__init__")
    }
    assert set(contract_order()) == children
