"""claimwire's own Kafka failure types, so callers outside `worker.kafka` never catch client classes."""

from __future__ import annotations

from worker.errors import ClaimwireError
from worker.exitcodes import ExitCode, OperatorActionNeeded


class KafkaAdapterError(ClaimwireError, RuntimeError):
    """Base class of every error the Kafka adapter raises."""


class BrokerUnreachableError(KafkaAdapterError):
    """The cluster could not be reached (bootstrap, metadata or offsets request timed out)."""


class ProduceError(KafkaAdapterError):
    """A message could not be published; the record it came from must not be committed."""


class CommitError(KafkaAdapterError):
    """The group coordinator rejected or did not answer an offset commit."""


class TransactionError(KafkaAdapterError):
    """A Kafka transaction could not be started, committed or aborted."""


class MissingTopicError(OperatorActionNeeded):
    """Topics the command reads or writes do not exist on the cluster."""

    def __init__(self, topics: list[str]) -> None:
        names = ", ".join(repr(topic) for topic in topics)
        if len(topics) == 1:
            message = f"topic {names} does not exist; create it with: claimwire topics create"
        else:
            message = f"topics {names} do not exist; create them with: claimwire topics create"
        super().__init__(message)
        self.topics = topics


class AuthenticationFailedError(OperatorActionNeeded):
    """The brokers rejected the SASL credentials (or the token could not be obtained)."""

    exit_code = ExitCode.AUTHENTICATION_FAILED


class TopicNotAuthorizedError(OperatorActionNeeded):
    """The cluster's ACLs do not let this client describe topics it reads or writes."""

    exit_code = ExitCode.AUTHENTICATION_FAILED

    def __init__(self, topics: list[str], principal: str) -> None:
        names = ", ".join(repr(topic) for topic in topics)
        super().__init__(
            f"not authorized to use topic {names} as {principal!r}; "
            "grant its ACLs (Describe, plus Read or Write) on the cluster"
        )
        self.topics = topics
