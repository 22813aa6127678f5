"""The worker's runtime: the poll loop, shutdown signals, metrics, probes and logging. Kafka-free
except through `worker.kafka`."""
