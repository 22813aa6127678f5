"""Tracking each figure per source over time: series keys, rules, state; the loop that runs it is
`worker.runtime.tracker`."""
