"""Every exception class claimwire defines derives from its one root, `ClaimwireError`."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import worker
from worker.errors import ClaimwireError
from worker.limits import LimitExceeded
from worker.settings import SettingsError


def worker_exception_classes() -> list[type[BaseException]]:
    found: list[type[BaseException]] = []
    for module_info in pkgutil.walk_packages(worker.__path__, prefix="worker."):
        module = importlib.import_module(module_info.name)
        found.extend(
            value
            for _, value in inspect.getmembers(module, inspect.isclass)
            # Defined in this module (not imported into it) and an Exception: `ItemTooSlow` is a
            # BaseException on purpose, so that `except Exception` in a stage cannot swallow it.
            if value.__module__ == module.__name__ and issubclass(value, Exception)
        )
    return found


def test_every_worker_exception_derives_from_claimwire_error() -> None:
    classes = worker_exception_classes()
    # The walk reaches the adapters, not only the root module.
    assert {cls.__name__ for cls in classes} >= {"KafkaAdapterError", "SettingsError", "LimitExceeded"}
    outside = sorted(
        f"{cls.__module__}.{cls.__qualname__}" for cls in classes if not issubclass(cls, ClaimwireError)
    )
    assert outside == []


def test_standard_bases_are_kept_for_callers_that_catch_them() -> None:
    assert issubclass(SettingsError, ValueError)
    assert issubclass(LimitExceeded, ValueError)
