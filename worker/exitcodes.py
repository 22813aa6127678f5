"""Exit codes of the `claimwire` commands, and the errors that stop a command with one of them.

One set for every command, so an orchestrator or a script can tell a configuration mistake (fix it,
do not restart) from an unreachable cluster (restart later) and from rejected credentials.
"""

from __future__ import annotations

from enum import IntEnum

from worker.errors import ClaimwireError


class ExitCode(IntEnum):
    OK = 0
    # A delivery, commit or transaction failure, or an unexpected error.
    FAILED = 1
    # Usage or settings the operator must change: invalid options or variables, a missing topic,
    # a port already in use.
    USAGE = 2
    BROKER_UNREACHABLE = 3
    # The cluster answered but refused the SASL credentials.
    AUTHENTICATION_FAILED = 4
    # Extraction children broke (died, hung, ran out of memory) on record after record: a pod
    # restart on a fresh node may help, and the records concerned are already dead-lettered.
    EXTRACTION_BROKEN = 5
    INTERRUPTED = 130


class OperatorActionNeeded(ClaimwireError):
    """Start-up failed on something only the operator can fix; `claimwire` prints it as one line.

    Deliberately not a `KafkaAdapterError`: commands treat those as failures worth a restart, and a
    restart cannot create a topic or correct a password.
    """

    exit_code: ExitCode = ExitCode.USAGE
