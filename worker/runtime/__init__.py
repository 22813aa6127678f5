"""The long-running services: the worker's and the tracker's poll loops, shutdown signals, metrics,
probes and logging. Kafka-free except through `worker.kafka`."""
