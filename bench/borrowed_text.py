"""List lines of the project that repeat text from the labelled sets in ../shared/eval.

The labelled sets are third-party pages: the project must hold only its own sentences. This
script finds every run of six or more words (case and punctuation folded) that a project file
shares with a labelled text, and prints file:line and the shared words. It reads the sets only
when they are there (a user's clone has no ../shared), so it is a tool, not a test.

    python bench/borrowed_text.py [--words 6] [--shared ../shared/eval]
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path

WORD = re.compile(r"[^\W_]+", re.UNICODE)


def words(text: str) -> list[str]:
    return [w.lower() for w in WORD.findall(text)]


def labelled_texts(shared: Path) -> list[str]:
    texts: list[str] = []
    for path in sorted(shared.rglob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            record = json.loads(line)
            for key in ("text", "body"):
                if isinstance(record.get(key), str):
                    texts.append(record[key])
    return texts


def shingles(tokens: list[str], size: int) -> set[tuple[str, ...]]:
    return {tuple(tokens[i : i + size]) for i in range(len(tokens) - size + 1)}


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter, allow_abbrev=False
    )
    parser.add_argument("--words", type=int, default=6)
    parser.add_argument(
        "--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "eval"
    )
    args = parser.parse_args()
    if not args.shared.is_dir():
        print(f"borrowed_text: no labelled sets at {args.shared}", file=sys.stderr)
        return 2
    known: set[tuple[str, ...]] = set()
    for text in labelled_texts(args.shared):
        known |= shingles(words(text), args.words)
    root = Path(__file__).resolve().parents[1]
    files = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    hits = 0
    for name in files:
        path = root / name
        if path.suffix not in {".py", ".md", ".json", ".jsonl", ".txt", ".toml", ".yaml", ".yml"}:
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        # words with their line numbers, so a sentence wrapped over lines is still one run
        tokens = [(m.group(0).lower(), text.count("\n", 0, m.start()) + 1) for m in WORD.finditer(text)]
        reported: set[int] = set()
        for i in range(len(tokens) - args.words + 1):
            run = tuple(t for t, _ in tokens[i : i + args.words])
            line = tokens[i][1]
            if run in known and line not in reported:
                reported.add(line)
                hits += 1
                print(f"{name}:{line}: {' '.join(run)}")
    print(f"{hits} lines share {args.words}+ words with the labelled sets", file=sys.stderr)
    return 1 if hits else 0


if __name__ == "__main__":
    sys.exit(main())
