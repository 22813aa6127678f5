"""claimwire's Kafka adapter: the only package that imports the Kafka client (kafka-python).

Modules: `config` (settings -> client keyword arguments), `consumer`, `producer`, `commit` (the
offset commit rule, plain objects), `deadletter` (dead-letter headers), `errors` (our exception types).
This package's `__init__` imports nothing, so pure modules such as `commit` and `deadletter` load
without the client.
"""
