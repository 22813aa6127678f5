"""Optional native build of the extractor with mypyc (issue #15); pyproject.toml holds everything else.

By default nothing here changes the package: `pip install .` builds the same pure-Python wheel
as before, and the container image (whose build context has no setup.py) is unchanged.

With CLAIMWIRE_MYPYC=1 the extractor's modules are compiled to C extensions by mypyc, which
needs mypy (the `dev` extra) and a C compiler in the build environment:

    CLAIMWIRE_MYPYC=1 .venv/bin/pip install --no-build-isolation .

Measured on one core (bench/bench_extract.py --items 1500 --repeat 5, CPU time): 3,372 sentences/s
pure, 4,720 compiled (1.40x); the golden claim events of every labelled set, thread and battery
are byte-identical. A compiled module checks its annotations at run time (a `set` passed where a
`frozenset` is declared raises TypeError) and its functions cannot be monkeypatched from outside.
Do not combine it with an editable install: the extensions built in place would shadow the
sources being edited.
"""

from __future__ import annotations

import os

from setuptools import setup

# The pure rule modules of the hot path; pipeline.py, the models and the I/O layers stay Python.
COMPILED = [
    "worker/extract/__init__.py",
    "worker/extract/alternation.py",
    "worker/extract/attribution.py",
    "worker/extract/categories.py",
    "worker/extract/coref.py",
    "worker/extract/dedup.py",
    "worker/extract/lexicon.py",
    "worker/extract/nonclaims.py",
    "worker/extract/numbers.py",
    "worker/extract/places.py",
    "worker/extract/quantities.py",
    "worker/extract/reporting.py",
    "worker/extract/sentences.py",
    "worker/extract/sources.py",
    "worker/ingest/clean.py",
    "worker/knowledge/__init__.py",
    "worker/track/identity.py",
]

if os.environ.get("CLAIMWIRE_MYPYC") == "1":
    from mypyc.build import mypycify

    setup(ext_modules=mypycify(COMPILED, opt_level="3"))
else:
    setup()
