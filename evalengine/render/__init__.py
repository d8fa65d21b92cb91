"""Renderers: each takes the report (or a stream of results) and writes one format."""
