"""Sub-commands of `claimwire`; each module has `configure(parser)` and `run(args) -> int`."""
