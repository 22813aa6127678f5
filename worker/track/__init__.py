"""Tracking each figure per source over time: series keys, rules, state."""
