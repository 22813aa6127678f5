"""A real schema registry for the integration tests: Apicurio Registry 2.4, in memory, on loopback.

`tests/registry/pom.xml` builds it from Maven Central the first time (about a minute with a warm
Maven cache, a few more to download some 100 MiB of jars) into the claimwire cache directory next to
the broker's Kafka jars; later sessions reuse the build while the POM is unchanged. The registry
starts in about 20 s and serves the Confluent-compatible API at `/apis/ccompat/v7`.
"""

from __future__ import annotations

import hashlib
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from worker.dev.broker import cache_dir

PROJECT = Path(__file__).resolve().parents[1] / "registry"
BUILD_TIMEOUT_S = 1_200
START_TIMEOUT_S = 120.0
CCOMPAT_PATH = "/apis/ccompat/v7"


def _project_digest() -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in PROJECT.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(PROJECT)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def registry_jar() -> Path:
    """The runner jar, built with Maven unless this version of the project was built before."""
    home = cache_dir() / f"apicurio-registry-{_project_digest()}"
    jars = sorted((home / "target").glob("*-runner.jar"))
    if jars:
        return jars[0]
    mvn = shutil.which("mvn")
    assert mvn is not None, "Maven (mvn) builds the test schema registry: install it, as for the broker"
    shutil.rmtree(home, ignore_errors=True)
    shutil.copytree(PROJECT, home)
    result = subprocess.run(
        [mvn, "-B", "-q", "-s", str(home / "settings.xml"), "package"],
        cwd=home,
        capture_output=True,
        text=True,
        timeout=BUILD_TIMEOUT_S,
        check=False,
    )
    assert result.returncode == 0, f"building the test schema registry failed:\n{result.stdout[-4000:]}"
    (jar,) = sorted((home / "target").glob("*-runner.jar"))
    return jar


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url + "/subjects", timeout=2) as response:
            return bool(response.status == 200)
    except (urllib.error.URLError, OSError):
        return False


@contextmanager
def running_registry(log_path: Path) -> Iterator[str]:
    """Start the registry; yield its Confluent-compatible base URL; stop it."""
    java = shutil.which("java")
    assert java is not None, "Java 17 runs the test schema registry (it also runs the broker)"
    port = _free_port()
    command = [
        java,
        "-Xmx384m",
        "-Dquarkus.profile=prod",
        "-Dquarkus.http.host=127.0.0.1",
        f"-Dquarkus.http.port={port}",
        "-jar",
        str(registry_jar()),
    ]
    url = f"http://127.0.0.1:{port}{CCOMPAT_PATH}"
    with log_path.open("wb") as log:
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        while not _answers(url):
            tail = log_path.read_text(errors="replace")[-3000:]
            assert process.poll() is None, f"the schema registry exited:\n{tail}"
            assert time.monotonic() < deadline, f"the schema registry did not answer in time:\n{tail}"
            time.sleep(0.5)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
