"""claimwire's Kafka adapter: the only package that imports the Kafka client (kafka-python).

Modules: `config` (settings -> client keyword arguments), `consumer`, `producer`, `commit` (the
offset commit rule, plain objects), `admin` (topics), `changelog`, `follow`, `replay_io` (offset
ranges without a group), `errors` (our exception types). The records it hands out are the plain
types of `worker.records`; dead-letter headers are `worker.deadletter`. This package's `__init__`
imports nothing, so pure modules such as `commit` load without the client.
"""
