"""claimwire's own Kafka failure types, so callers outside `worker.kafka` never catch client classes."""

from __future__ import annotations


class KafkaAdapterError(RuntimeError):
    """Base class of every error the Kafka adapter raises."""


class BrokerUnreachableError(KafkaAdapterError):
    """The cluster could not be reached (bootstrap, metadata or offsets request timed out)."""


class ProduceError(KafkaAdapterError):
    """A message could not be published; the record it came from must not be committed."""


class CommitError(KafkaAdapterError):
    """The group coordinator rejected or did not answer an offset commit."""


class TransactionError(KafkaAdapterError):
    """A Kafka transaction could not be started, committed or aborted."""
