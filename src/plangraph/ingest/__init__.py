"""Stage 1, ingest: a report as published (a file) in; the report's text, decoded and checked, out.

Nothing here knows the genre: it finds the text that the later stages read and count their offsets in.
"""
