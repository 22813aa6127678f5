"""In-memory stand-ins for the Kafka side and the extraction of the worker's loop (unit tests only)."""
