"""Ingest: decoding wire items from bytes and files, and cleaning raw page bodies for the extractor."""
