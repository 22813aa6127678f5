"""Replay: `claimwire replay`'s ranges, checkpoints, pacing, progress, files and topic source.

Only `topics` touches Kafka, and only through `worker.kafka.replay_io`; the engine sees sources and
sinks through the protocols in `engine`.
"""
