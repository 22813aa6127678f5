"""Lines per module and the longest functions of a package, read with `ast` (issue 14's figures).

    .venv/bin/python bench/code_sizes.py                      # worker/ of this checkout
    .venv/bin/python bench/code_sizes.py --root /tmp/old/worker --top 15

A module's size is its line count; a function's is from its `def` (decorators excluded) to its
last line, nested functions counted inside their parent and listed on their own too.
"""

from __future__ import annotations

import argparse
import ast
from dataclasses import dataclass
from pathlib import Path

DEFAULT_ROOT = Path(__file__).resolve().parents[1] / "worker"
# The length past which a function counts as long (ruff's PLR0915 allows 50 statements).
LONG_FUNCTION_LINES = 50


@dataclass(frozen=True, slots=True)
class FunctionSize:
    where: str
    lines: int


def module_sizes(root: Path) -> list[tuple[str, int]]:
    sizes = [
        (str(path.relative_to(root.parent)), len(path.read_text(encoding="utf-8").splitlines()))
        for path in root.rglob("*.py")
    ]
    return sorted(sizes, key=lambda item: (-item[1], item[0]))


def function_sizes(root: Path) -> list[FunctionSize]:
    found: list[FunctionSize] = []
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        module = str(path.relative_to(root.parent))
        found.extend(_functions_in(tree, module, prefix=""))
    return sorted(found, key=lambda f: (-f.lines, f.where))


def _functions_in(node: ast.AST, module: str, prefix: str) -> list[FunctionSize]:
    found: list[FunctionSize] = []
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
            name = f"{prefix}{child.name}"
            end = child.end_lineno if child.end_lineno is not None else child.lineno
            found.append(FunctionSize(f"{module}:{child.lineno} {name}", end - child.lineno + 1))
            found.extend(_functions_in(child, module, prefix=f"{name}."))
        elif isinstance(child, ast.ClassDef):
            found.extend(_functions_in(child, module, prefix=f"{prefix}{child.name}."))
        else:
            found.extend(_functions_in(child, module, prefix))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=DEFAULT_ROOT, help="the package directory")
    parser.add_argument("--top", type=int, default=10, help="how many modules and functions to list")
    args = parser.parse_args()
    modules = module_sizes(args.root)
    functions = function_sizes(args.root)
    print(f"modules: {len(modules)}, lines: {sum(lines for _, lines in modules)}")
    for name, lines in modules[: args.top]:
        print(f"  {lines:6d}  {name}")
    short = sum(f.lines <= LONG_FUNCTION_LINES for f in functions)
    print(
        f"functions: {len(functions)}, {short / len(functions):.1%} of them at most "
        f"{LONG_FUNCTION_LINES} lines; the longest:"
    )
    for function in functions[: args.top]:
        print(f"  {function.lines:6d}  {function.where}")


if __name__ == "__main__":
    main()
