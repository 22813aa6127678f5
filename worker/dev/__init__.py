"""Development tools, left out of the container image: a local Kafka broker and the demo.

`claimwire dev-broker` and `claimwire demo` load these modules lazily and say so when they are
absent (an installation from the image has only what runs in production).
"""
