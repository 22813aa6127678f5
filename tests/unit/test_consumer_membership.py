"""Static group membership of the worker (issue 13): the id comes from the pod name unless given."""

from __future__ import annotations

import socket

from worker.kafka.consumer import group_instance_id
from worker.settings import WorkerSettings


def test_the_instance_id_defaults_to_group_and_hostname() -> None:
    settings = WorkerSettings(group_id="claims-workers")
    assert group_instance_id(settings) == f"claims-workers-{socket.gethostname()}"


def test_an_explicit_instance_id_wins() -> None:
    settings = WorkerSettings(group_id="claims-workers", group_instance_id="pod-7")
    assert group_instance_id(settings) == "pod-7"


def test_static_membership_can_be_turned_off() -> None:
    assert group_instance_id(WorkerSettings(static_membership=False, group_instance_id="pod-7")) is None
