"""deploy/README.md tells operators the truth: every setting with its real default, every topic."""

from __future__ import annotations

import argparse
import re

from deploy_support import DEPLOY, settings_classes

from worker.commands import replay
from worker.kafka.admin import claimwire_topics
from worker.settings import WorkerSettings
from worker.track.settings import TrackerSettings

README = (DEPLOY / "README.md").read_text(encoding="utf-8")


def table_rows() -> dict[str, list[str]]:
    """First cell (backticks removed) -> the other cells, for every table row in the README."""
    rows = {}
    for line in README.splitlines():
        if line.startswith("| `"):
            cells = [cell.strip() for cell in line.strip("|").split("|")]
            rows[cells[0].strip("`")] = cells[1:]
    return rows


def shown_default(value: object) -> str:
    if value is None:
        return "unset"
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    return f"`{value}`"


def test_every_setting_is_listed_with_its_default() -> None:
    rows = table_rows()
    for cls in settings_classes():
        prefix = cls.model_config.get("env_prefix")
        for name, field in cls.model_fields.items():
            variable = f"{prefix}{name.upper()}"
            assert variable in rows, f"{variable} missing from deploy/README.md"
            assert rows[variable][0].startswith(shown_default(field.default)), variable


def test_every_topic_is_in_the_topics_table() -> None:
    rows = table_rows()
    tracker = TrackerSettings()
    for spec in claimwire_topics(
        WorkerSettings(),
        partitions=12,
        replication_factor=3,
        tracked_topic=tracker.output_topic,
        changelog_topic=tracker.changelog_topic,
    ):
        assert spec.name in rows, f"topic {spec.name} missing from deploy/README.md"
        partitions, replication, cleanup = rows[spec.name][1], rows[spec.name][2], rows[spec.name][4]
        assert re.match(r"\d+", partitions)
        assert replication == "3"
        assert cleanup == spec.configs.get("cleanup.policy", "delete"), spec.name


def test_table_reader_finds_rows() -> None:
    assert table_rows()["CLAIMWIRE_HTTP_PORT"] == ["`9400`"]


def replay_options() -> set[str]:
    """Every option `claimwire replay` accepts (argparse keeps its actions in `_actions` only)."""
    parser = argparse.ArgumentParser()
    replay.configure(parser)
    return {option for action in parser._actions for option in action.option_strings} - {"-h", "--help"}


def test_replay_options_in_the_readme_are_the_commands() -> None:
    section = README[README.index("## Replay") : README.index("## Alerts")]
    table = "\n".join(line for line in section.splitlines() if line.startswith("| `--"))
    documented = set(re.findall(r"(--[a-z][a-z-]+)", table))
    assert documented == replay_options()
