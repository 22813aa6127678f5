"""Count import cycles between claimwire's packages, so the layering can be measured, not asserted.

Each direct child of `worker/` is one node (a sub-package such as `worker.kafka`, or a top-level
module such as `worker.models`); an edge A -> B means some module in A imports something from B,
wherever the import sits (module level, inside a function or under `TYPE_CHECKING`), because a
lazy import still ties the two packages together. Prints every elementary cycle and the count, and
exits 1 when there is any.

    .venv/bin/python bench/package_cycles.py [--root worker]
"""

from __future__ import annotations

import argparse
import ast
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def module_name(path: Path, source_root: Path) -> str:
    """The dotted module name of `path`, with a package's `__init__` named after the package."""
    parts = list(path.relative_to(source_root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_modules(tree: ast.Module, module: str, is_package: bool) -> Iterator[str]:
    """Every absolute module name the tree imports, relative imports resolved against `module`."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level == 0:
                base = node.module or ""
            else:
                anchor = module.split(".")
                # A package's own name is its anchor for `from .x`; a module's anchor is its parent.
                drop = node.level - 1 if is_package else node.level
                anchor = anchor[: len(anchor) - drop]
                base = ".".join(anchor + ([node.module] if node.module else []))
            yield base
            # `from worker import kafka` imports the package `worker.kafka`, not just `worker`.
            yield from (f"{base}.{alias.name}" for alias in node.names)


def package_of(module: str, top: str) -> str | None:
    """The direct child of `top` that `module` lives in, or None for modules outside `top`."""
    parts = module.split(".")
    if parts[0] != top or len(parts) < 2:
        return None
    return f"{top}.{parts[1]}"


def package_graph(source_root: Path) -> dict[str, set[str]]:
    """Edges between the direct children of `source_root`, self-edges left out."""
    top = source_root.name
    children = {
        f"{top}.{path.stem}"
        for path in source_root.iterdir()
        if (path.is_dir() and (path / "__init__.py").exists())
        or (path.suffix == ".py" and path.stem != "__init__")
    }
    graph: dict[str, set[str]] = {child: set() for child in children}
    for path in sorted(source_root.rglob("*.py")):
        module = module_name(path, source_root)
        source_package = package_of(module, top)
        if source_package is None:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for imported in imported_modules(tree, module, path.name == "__init__.py"):
            target = package_of(imported, top)
            if target in children and target != source_package:
                graph[source_package].add(target)
    return graph


def elementary_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every simple cycle once, each starting at its smallest node (the graph has a few dozen nodes)."""
    cycles: list[list[str]] = []

    def extend(start: str, path: list[str], on_path: set[str]) -> None:
        for successor in sorted(graph[path[-1]]):
            if successor == start:
                cycles.append(list(path))
            elif successor > start and successor not in on_path:
                on_path.add(successor)
                path.append(successor)
                extend(start, path, on_path)
                path.pop()
                on_path.discard(successor)

    for start in sorted(graph):
        extend(start, [start], {start})
    return cycles


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT / "worker", help="the package to measure")
    args = parser.parse_args(argv)
    cycles = elementary_cycles(package_graph(args.root.resolve()))
    for cycle in cycles:
        print(" -> ".join([*cycle, cycle[0]]))
    print(f"package cycles: {len(cycles)}")
    return 1 if cycles else 0


if __name__ == "__main__":
    sys.exit(main())
