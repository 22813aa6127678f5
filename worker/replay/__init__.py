"""Replay: the Kafka-free parts of `claimwire replay`: ranges, checkpoints, pacing, progress, files."""
