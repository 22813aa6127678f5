"""`claimwire` itself: no abbreviated options, warnings for misspelt variables, and one line (not a
traceback) with a distinct exit code for each start-up failure an operator can fix."""

from __future__ import annotations

import argparse
import os
import socket
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from worker.cli import DEFAULT_HTTP_PORT, describe_failure, main, misspelt_variable_warnings
from worker.exitcodes import ExitCode
from worker.kafka.errors import AuthenticationFailedError, BrokerUnreachableError, MissingTopicError
from worker.settings import SettingsError, WorkerSettings
from worker.track.settings import TrackerSettings

# Nothing listens on port 1 of the loopback interface: connecting is refused at once.
NO_BROKER = "127.0.0.1:1"


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in list(os.environ):
        if name.startswith("CLAIMWIRE_"):
            monkeypatch.delenv(name)


@pytest.fixture
def busy_port() -> Iterator[int]:
    """A port something else is listening on."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as holder:
        holder.bind(("0.0.0.0", 0))
        holder.listen()
        yield int(holder.getsockname()[1])


def test_an_abbreviated_option_is_a_usage_error_not_another_option(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["topics", "list", "--bootstrap", NO_BROKER, "--timeout", "1"])
    assert stopped.value.code == 2
    assert "unrecognized arguments: --bootstrap" in capsys.readouterr().err


def test_the_full_option_name_still_works(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["topics", "list", "--bootstrap-servers", NO_BROKER, "--timeout", "1"])
    assert code == ExitCode.BROKER_UNREACHABLE
    assert "unrecognized" not in capsys.readouterr().err


def test_a_misspelt_variable_is_warned_about_with_the_closest_name() -> None:
    warnings = misspelt_variable_warnings({"CLAIMWIRE_BOOTSTRAP_SERVER": "k:9092", "HOME": "/root"})
    assert warnings == [
        "CLAIMWIRE_BOOTSTRAP_SERVER is not a claimwire setting and is ignored; "
        "did you mean CLAIMWIRE_BOOTSTRAP_SERVERS?"
    ]
    tracker = misspelt_variable_warnings({"CLAIMWIRE_TRACKER_GROUPID": "t"})
    assert tracker[0].endswith("did you mean CLAIMWIRE_TRACKER_GROUP_ID?")


def test_known_variables_and_client_options_are_not_warned_about() -> None:
    environ = {
        "CLAIMWIRE_BOOTSTRAP_SERVERS": "k:9092",
        "CLAIMWIRE_TRACKER_HTTP_PORT": "9401",
        "CLAIMWIRE_KAFKA_HOME": "/opt/kafka",
        "CLAIMWIRE_KAFKA_PRODUCER_COMPRESSION_TYPE": "zstd",  # checked by the settings instead
        "PATH": "/usr/bin",
    }
    assert misspelt_variable_warnings(environ) == []


def test_every_command_prints_the_warning(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("CLAIMWIRE_LOG_LEVLE", "DEBUG")
    story = tmp_path / "story.txt"
    story.write_text("Nothing to count here.", encoding="utf-8")
    assert main(["extract", str(story)]) == 0
    assert (
        "CLAIMWIRE_LOG_LEVLE is not a claimwire setting and is ignored; did you mean CLAIMWIRE_LOG_LEVEL?"
        in (capsys.readouterr().err)
    )


@pytest.mark.parametrize(
    ("command", "variable"), [("worker", "CLAIMWIRE_HTTP_PORT"), ("track", "CLAIMWIRE_TRACKER_HTTP_PORT")]
)
def test_a_metrics_port_in_use_is_one_line_naming_the_setting_and_exit_2(
    command: str, variable: str, busy_port: int, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        [command, "--bootstrap-servers", NO_BROKER, "--http-port", str(busy_port), "--log-format", "json"]
    )
    assert code == ExitCode.USAGE
    err = capsys.readouterr().err
    assert "Traceback" not in err
    [line] = [line for line in err.splitlines() if line.startswith(f"claimwire {command}:")]
    assert f"port {busy_port} is already in use" in line
    assert variable in line


def test_the_traceback_is_printed_with_debug(busy_port: int, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["worker", "--bootstrap-servers", NO_BROKER, "--http-port", str(busy_port), "--log-format", "json"]
    assert main([*argv, "--debug"]) == ExitCode.USAGE
    assert "Traceback" in capsys.readouterr().err


def test_the_traceback_is_printed_at_log_level_debug(
    busy_port: int, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["worker", "--bootstrap-servers", NO_BROKER, "--http-port", str(busy_port), "--log-format", "json"]
    assert main([*argv, "--log-level", "DEBUG"]) == ExitCode.USAGE
    assert "Traceback" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("error", "code", "text"),
    [
        (MissingTopicError(["wire.raw"]), ExitCode.USAGE, "create it with: claimwire topics create"),
        (
            AuthenticationFailedError("authentication failed: refused"),
            ExitCode.AUTHENTICATION_FAILED,
            "refused",
        ),
        (
            BrokerUnreachableError("no broker reachable at k:9092"),
            ExitCode.BROKER_UNREACHABLE,
            "CLAIMWIRE_BOOTSTRAP",
        ),
        (
            SettingsError("invalid settings:\n  CLAIMWIRE_HTTP_PORT: bad"),
            ExitCode.USAGE,
            "CLAIMWIRE_HTTP_PORT",
        ),
        (ZeroDivisionError("division by zero"), ExitCode.FAILED, "unexpected error: ZeroDivisionError"),
    ],
)
def test_each_failure_has_its_exit_code(error: Exception, code: ExitCode, text: str) -> None:
    line, exit_code = describe_failure("worker", argparse.Namespace(), error)
    assert exit_code == code
    assert text in line


def test_a_missing_topic_is_named_once_with_the_command_that_creates_it() -> None:
    assert str(MissingTopicError(["wire.raw"])) == (
        "topic 'wire.raw' does not exist; create it with: claimwire topics create"
    )
    assert str(MissingTopicError(["a.in", "a.out"])) == (
        "topics 'a.in', 'a.out' do not exist; create them with: claimwire topics create"
    )


@pytest.mark.parametrize("command", ["series", "track"])
def test_track_and_series_without_a_broker_exit_3(
    command: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # kafka-python 3 has no NoBrokersAvailable any more; a bootstrap that times out must still
    # be reported as an unreachable broker, not crash.
    monkeypatch.setenv("CLAIMWIRE_REQUEST_TIMEOUT_MS", "1000")
    monkeypatch.setenv("CLAIMWIRE_TRACKER_HTTP_PORT", "0")
    monkeypatch.setenv("CLAIMWIRE_TRACKER_LOG_FORMAT", "json")
    assert main([command, "--bootstrap-servers", NO_BROKER]) == ExitCode.BROKER_UNREACHABLE
    err = capsys.readouterr().err
    assert f"no broker reachable at {NO_BROKER}" in err
    assert "Traceback" not in err
    # nothing is left following the topics once the command has given up
    assert [thread.name for thread in threading.enumerate() if thread.name == "claimwire-explorer"] == []


def test_the_default_http_port_matches_the_settings() -> None:
    assert WorkerSettings.model_fields["http_port"].default == DEFAULT_HTTP_PORT
    assert TrackerSettings.model_fields["http_port"].default == DEFAULT_HTTP_PORT


@pytest.mark.parametrize("command", ["demo", "dev-broker"])
def test_a_development_command_without_worker_dev_says_so_and_exits_2(
    command: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # As in the image, which leaves worker/dev out: importing anything under it fails.
    for name in [name for name in sys.modules if name.startswith("worker.dev")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "worker.dev", None)
    assert main([command]) == ExitCode.USAGE
    error = capsys.readouterr().err
    assert f"claimwire {command}: `claimwire {command}` is a development tool" in error
    assert "source checkout" in error
