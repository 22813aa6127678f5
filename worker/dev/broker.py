"""A single-node Apache Kafka broker (KRaft) for development, tests and the demo: jars from Maven, one JVM.

Where things live:

- The jars: `$CLAIMWIRE_KAFKA_HOME/libs`. `CLAIMWIRE_KAFKA_HOME` may name an unpacked Apache Kafka
  distribution; by default it is `$CLAIMWIRE_CACHE_DIR/kafka-<version>` with `CLAIMWIRE_CACHE_DIR`
  defaulting to `$XDG_CACHE_HOME/claimwire` (`~/.cache/claimwire`). When the jars are missing,
  Maven (`mvn`) resolves them once from `broker-pom.xml`, which also names the Kafka version.
- The broker's data: the directory given to `DevBroker`; its first start formats the storage with
  a fresh cluster id, later starts reuse it. `server.properties` and `log4j2.properties` are written
  there on every start, so the directory shows exactly what ran.
- Java: `$JAVA_HOME/bin/java` when `JAVA_HOME` is set, else `java` on the PATH (Java 17+), with
  `JVM_OPTIONS` unless `CLAIMWIRE_KAFKA_JVM_OPTS` gives others (space-separated).
"""

from __future__ import annotations

import base64
import contextlib
import ctypes
import fcntl
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator, Mapping
from importlib import resources
from pathlib import Path
from typing import IO

from worker.errors import ClaimwireError
from worker.exitcodes import ExitCode
from worker.kafka.admin import ScramUserError, broker_answers, upsert_scram_users

HOST = "127.0.0.1"
NODE_ID = 1
# The client JIT only and the serial collector: on a busy 2-core machine the broker starts in about
# 10 s instead of 16 s, and a development broker never runs long enough to repay the optimising JIT.
JVM_OPTIONS = (
    "-Xms256m",
    "-Xmx512m",
    "-XX:TieredStopAtLevel=1",
    "-XX:+UseSerialGC",
    "-Djava.awt.headless=true",
)
FORMATTER_JVM_OPTIONS = (
    "-Xmx256m",
    "-XX:TieredStopAtLevel=1",
    "-XX:+UseSerialGC",
    "-Djava.awt.headless=true",
)
BROKER_MAIN_CLASS = "kafka.Kafka"
STORAGE_TOOL_CLASS = "kafka.tools.StorageTool"
DEFAULT_READY_TIMEOUT_S = 90.0
STOP_TIMEOUT_S = 30.0
_POM_NAMESPACE = {"m": "http://maven.apache.org/POM/4.0.0"}
_PR_SET_PDEATHSIG = 1

Progress = Callable[[str], None]


class DevBrokerError(ClaimwireError, RuntimeError):
    """The development broker could not be set up or did not come up."""


def _resource_text(name: str) -> str:
    return resources.files("worker.dev").joinpath(name).read_text(encoding="utf-8")


def kafka_version() -> str:
    """The Kafka version that `broker-pom.xml` asks for."""
    root = ET.fromstring(_resource_text("broker-pom.xml"))
    version = root.findtext("m:properties/m:kafka.version", namespaces=_POM_NAMESPACE)
    if not version:
        raise DevBrokerError("broker-pom.xml names no kafka.version property")
    return version.strip()


def cache_dir() -> Path:
    """claimwire's cache directory (`CLAIMWIRE_CACHE_DIR`, else the XDG cache directory)."""
    explicit = os.environ.get("CLAIMWIRE_CACHE_DIR")
    if explicit:
        return Path(explicit).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg).expanduser() if xdg else Path.home() / ".cache"
    return base / "claimwire"


def kafka_home() -> Path:
    """Where the broker's jars live, under `libs/` (`CLAIMWIRE_KAFKA_HOME`, else the cache)."""
    explicit = os.environ.get("CLAIMWIRE_KAFKA_HOME")
    if explicit:
        return Path(explicit).expanduser()
    return cache_dir() / f"kafka-{kafka_version()}"


def _has_broker_jars(libs: Path) -> bool:
    return libs.is_dir() and any(libs.glob("kafka_2.13-*.jar"))


def ensure_jars(progress: Progress | None = None) -> Path:
    """The directory of the broker's jars, resolving them with Maven on first use.

    Concurrent callers (parallel test sessions, the demo) wait on a lock file, and the jars are
    copied to a scratch directory that is renamed into place, so no caller sees half a set.
    """
    home = kafka_home()
    libs = home / "libs"
    if _has_broker_jars(libs):
        return libs
    home.mkdir(parents=True, exist_ok=True)
    with (home / ".resolve.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if _has_broker_jars(libs):
            return libs
        mvn = shutil.which("mvn")
        if mvn is None:
            raise DevBrokerError(
                f"no Kafka jars in {libs} and Maven (mvn) is not on the PATH: install Maven once, "
                "or set CLAIMWIRE_KAFKA_HOME to an unpacked Apache Kafka 4.x distribution"
            )
        if progress:
            progress(f"resolving Apache Kafka {kafka_version()} jars with Maven into {libs} (first use only)")
        pom = home / "broker-pom.xml"
        pom.write_text(_resource_text("broker-pom.xml"), encoding="utf-8")
        scratch = Path(tempfile.mkdtemp(prefix="libs.", dir=home))
        command = [
            mvn,
            "-q",
            "-B",
            "-f",
            str(pom),
            "dependency:copy-dependencies",
            f"-DoutputDirectory={scratch}",
            "-DincludeScope=runtime",
        ]
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        if result.returncode != 0 or not _has_broker_jars(scratch):
            shutil.rmtree(scratch, ignore_errors=True)
            raise DevBrokerError(
                f"Maven could not resolve the Kafka jars (exit {result.returncode}):\n"
                f"{result.stdout[-4000:]}{result.stderr[-4000:]}"
            )
        if libs.exists():
            shutil.rmtree(libs)
        scratch.rename(libs)
    return libs


def java_executable() -> str:
    """The `java` to run the broker with."""
    java_home = os.environ.get("JAVA_HOME")
    if java_home:
        candidate = Path(java_home) / "bin" / "java"
        if candidate.is_file():
            return str(candidate)
    found = shutil.which("java")
    if found is None:
        raise DevBrokerError("java is not on the PATH and JAVA_HOME is not set: the broker needs Java 17+")
    return found


def broker_jvm_options() -> list[str]:
    """The broker JVM's options: `CLAIMWIRE_KAFKA_JVM_OPTS` when set, else `JVM_OPTIONS`."""
    explicit = os.environ.get("CLAIMWIRE_KAFKA_JVM_OPTS")
    return explicit.split() if explicit else list(JVM_OPTIONS)


def free_port() -> int:
    """A TCP port on the loopback interface that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        port: int = probe.getsockname()[1]
        return port


def new_cluster_id() -> str:
    """A cluster id in Kafka's format: 16 random bytes, URL-safe base64 without padding.

    Like Kafka's own `Uuid.randomUuid`, never one that starts with "-": the storage tool would read
    it as an option (1 draw in 64 does).
    """
    while True:
        cluster_id = base64.urlsafe_b64encode(uuid.uuid4().bytes).decode("ascii").rstrip("=")
        if not cluster_id.startswith("-"):
            return cluster_id


# The SASL listener's mechanisms. OAUTHBEARER is checked by Kafka's unsecured-JWT validator: it
# accepts any unsigned token (`alg: none`) with a subject and an unexpired `exp`, which is enough to
# test a client's token flow and never acceptable outside development.
SASL_MECHANISMS = ("SCRAM-SHA-256", "SCRAM-SHA-512", "OAUTHBEARER")
SASL_LISTENER = "SASL_PLAINTEXT"
OAUTHBEARER_UNSECURED_VALIDATOR = (
    "org.apache.kafka.common.security.oauthbearer.internals.unsecured."
    "OAuthBearerUnsecuredValidatorCallbackHandler"
)


def sasl_properties(sasl_port: int) -> list[str]:
    """A SASL_PLAINTEXT listener with SCRAM and OAUTHBEARER; brokers and controller stay on PLAINTEXT."""
    prefix = f"listener.name.{SASL_LISTENER.lower()}"
    return [
        f"sasl.enabled.mechanisms={','.join(SASL_MECHANISMS)}",
        *(
            f"{prefix}.{mechanism.lower()}.sasl.jaas.config="
            "org.apache.kafka.common.security.scram.ScramLoginModule required;"
            for mechanism in SASL_MECHANISMS
            if mechanism.startswith("SCRAM-")
        ),
        f"{prefix}.oauthbearer.sasl.jaas.config="
        "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required;",
        f"{prefix}.oauthbearer.sasl.server.callback.handler.class={OAUTHBEARER_UNSECURED_VALIDATOR}",
    ]


def server_properties(port: int, controller_port: int, log_dir: Path, *, sasl_port: int | None = None) -> str:
    """The broker's configuration: the shipped settings plus this run's node, ports and directory."""
    listeners = [f"PLAINTEXT://{HOST}:{port}", f"CONTROLLER://{HOST}:{controller_port}"]
    advertised = [f"PLAINTEXT://{HOST}:{port}"]
    sasl: list[str] = []
    if sasl_port is not None:
        listeners.append(f"{SASL_LISTENER}://{HOST}:{sasl_port}")
        advertised.append(f"{SASL_LISTENER}://{HOST}:{sasl_port}")
        sasl = [
            "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT,"
            f"{SASL_LISTENER}:{SASL_LISTENER}",
            *sasl_properties(sasl_port),
        ]
    run_specific = [
        f"node.id={NODE_ID}",
        f"controller.quorum.voters={NODE_ID}@{HOST}:{controller_port}",
        f"listeners={','.join(listeners)}",
        f"advertised.listeners={','.join(advertised)}",
        f"log.dirs={log_dir}",
    ]
    shipped = _resource_text("broker.properties")
    if sasl:
        # The SASL run's protocol map replaces the shipped one (each property is set once).
        shipped = "\n".join(
            line for line in shipped.splitlines() if not line.startswith("listener.security.protocol.map=")
        )
    return shipped + "\n# This run\n" + "\n".join(run_specific + sasl) + "\n"


def add_scram_users(bootstrap: str, users: Mapping[str, str], timeout_s: float = 30.0) -> None:
    """Create (or reset) the SCRAM users, as `kafka-configs --alter --add-config` does."""
    try:
        upsert_scram_users(bootstrap, users, timeout_s=timeout_s)
    except ScramUserError as error:
        raise DevBrokerError(str(error)) from error


def _die_with_parent() -> None:
    """Ask Linux to stop the JVM if the Python process that started it dies without stopping it."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)


class DevBroker:
    """One broker process: `start()` formats (first time) and launches it, `stop()` ends it.

    The JVM's output goes to `log` (a file or a stream; by default this process's stdout).
    """

    def __init__(  # noqa: PLR0913  keyword-only settings, each named at the call site
        self,
        data_dir: Path,
        port: int,
        *,
        log: IO[str] | None = None,
        progress: Progress | None = None,
        sasl_port: int | None = None,
        scram_users: Mapping[str, str] | None = None,
    ) -> None:
        self.data_dir = data_dir
        self.port = port
        self.bootstrap = f"{HOST}:{port}"
        self.sasl_port = sasl_port
        self.sasl_bootstrap = f"{HOST}:{sasl_port}" if sasl_port is not None else None
        self.scram_users = dict(scram_users or {})
        self._log = log
        self._progress = progress
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def process(self) -> subprocess.Popen[bytes] | None:
        return self._process

    @property
    def log_dir(self) -> Path:
        return self.data_dir / "kraft-logs"

    def _say(self, message: str) -> None:
        if self._progress:
            self._progress(message)

    def _write_config(self, controller_port: int) -> tuple[Path, Path]:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        properties = self.data_dir / "server.properties"
        properties.write_text(
            server_properties(self.port, controller_port, self.log_dir, sasl_port=self.sasl_port),
            encoding="utf-8",
        )
        logging_config = self.data_dir / "log4j2.properties"
        logging_config.write_text(_resource_text("log4j2.properties"), encoding="utf-8")
        return properties, logging_config

    def _format_storage(self, java: str, classpath: str, properties: Path, logging_config: Path) -> None:
        cluster_id = new_cluster_id()
        self._say(f"formatting broker storage in {self.log_dir} (cluster id {cluster_id})")
        command = [
            java,
            *FORMATTER_JVM_OPTIONS,
            f"-Dlog4j2.configurationFile={logging_config}",
            "-cp",
            classpath,
            STORAGE_TOOL_CLASS,
            "format",
            "--cluster-id",
            cluster_id,
            "--config",
            str(properties),
        ]
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            raise DevBrokerError(f"formatting the broker storage failed:\n{result.stdout}{result.stderr}")

    def start(self) -> None:
        """Launch the JVM (formatting the storage first when the data directory is new)."""
        if self._process is not None:
            raise DevBrokerError("this broker is already started")
        libs = ensure_jars(self._progress)
        java = java_executable()
        classpath = str(libs / "*")
        properties, logging_config = self._write_config(free_port())
        if not (self.log_dir / "meta.properties").exists():
            self._format_storage(java, classpath, properties, logging_config)
        command = [
            java,
            *broker_jvm_options(),
            f"-Dlog4j2.configurationFile={logging_config}",
            "-cp",
            classpath,
            BROKER_MAIN_CLASS,
            str(properties),
        ]
        self._say(f"starting Apache Kafka {kafka_version()} on {self.bootstrap} (data in {self.data_dir})")
        self._process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=self._log if self._log is not None else sys.stdout,
            stderr=subprocess.STDOUT,
            # Own session: a Ctrl-C in the terminal reaches only us, and we stop the JVM in order.
            start_new_session=True,
            preexec_fn=_die_with_parent,  # noqa: PLW1509  # runs before any thread exists in the child
        )

    def wait_until_ready(self, timeout_s: float = DEFAULT_READY_TIMEOUT_S) -> None:
        """Block until the broker answers a metadata request; raise if it died or took too long."""
        process = self._require_process()
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            code = process.poll()
            if code is not None:
                raise DevBrokerError(f"the broker exited with code {code} before accepting connections")
            if broker_answers(self.bootstrap, timeout_s=min(5.0, max(0.5, deadline - time.monotonic()))):
                add_scram_users(
                    self.bootstrap, self.scram_users, timeout_s=max(1.0, deadline - time.monotonic())
                )
                return
            time.sleep(0.2)
        raise DevBrokerError(f"the broker did not answer on {self.bootstrap} within {timeout_s:.0f} s")

    def signal_stop(self) -> None:
        """Ask the JVM to shut down (SIGTERM runs Kafka's orderly shutdown)."""
        process = self._process
        if process is not None and process.poll() is None:
            process.send_signal(signal.SIGTERM)

    def stop(self, timeout_s: float = STOP_TIMEOUT_S) -> None:
        """Shut the JVM down and wait for it; kill it if it does not finish in time."""
        process = self._process
        if process is None:
            return
        self.signal_stop()
        try:
            process.wait(timeout=timeout_s)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

    def wait(self) -> int:
        """Block until the JVM exits; return its exit code."""
        return self._require_process().wait()

    def _require_process(self) -> subprocess.Popen[bytes]:
        if self._process is None:
            raise DevBrokerError("the broker is not started")
        return self._process


@contextlib.contextmanager
def running_broker(  # noqa: PLR0913  keyword-only settings, each named at the call site
    data_dir: Path,
    port: int | None = None,
    *,
    log: IO[str] | None = None,
    progress: Progress | None = None,
    ready_timeout_s: float = DEFAULT_READY_TIMEOUT_S,
    sasl_port: int | None = None,
    scram_users: Mapping[str, str] | None = None,
) -> Iterator[DevBroker]:
    """A started, answering broker for the length of a `with` block, stopped afterwards."""
    broker = DevBroker(
        data_dir,
        port if port is not None else free_port(),
        log=log,
        progress=progress,
        sasl_port=sasl_port,
        scram_users=scram_users,
    )
    try:
        broker.start()
        broker.wait_until_ready(ready_timeout_s)
        yield broker
    finally:
        broker.stop()


def run_foreground(
    data_dir: Path,
    port: int,
    progress: Progress,
    *,
    sasl_port: int | None = None,
    scram_users: Mapping[str, str] | None = None,
) -> int:
    """Run a broker until SIGTERM or SIGINT; print `bootstrap=HOST:PORT` once it answers (and
    `sasl_bootstrap=HOST:PORT` with a SASL listener).

    Returns 0 after a requested stop, 1 when the broker failed or exited on its own.
    """
    broker = DevBroker(data_dir, port, progress=progress, sasl_port=sasl_port, scram_users=scram_users)
    stop_requested = False

    def request_stop(signum: int, _frame: object) -> None:
        nonlocal stop_requested
        stop_requested = True
        broker.signal_stop()

    signal.signal(signal.SIGTERM, request_stop)
    signal.signal(signal.SIGINT, request_stop)
    try:
        broker.start()
        if stop_requested:
            broker.stop()
            return ExitCode.OK
        broker.wait_until_ready()
    except DevBrokerError as error:
        broker.stop()
        if stop_requested:
            return ExitCode.OK
        progress(f"error: {error}")
        return ExitCode.FAILED
    if broker.sasl_bootstrap is not None:
        print(f"sasl_bootstrap={broker.sasl_bootstrap}", flush=True)
    print(f"bootstrap={broker.bootstrap}", flush=True)
    code = broker.wait()
    if stop_requested:
        broker.stop()
        progress("broker stopped")
        return ExitCode.OK
    progress(f"error: the broker exited on its own with code {code}")
    return ExitCode.FAILED
