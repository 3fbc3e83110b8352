"""Stage 1, ingest: a report as published (a web page, PDF, Word or text file) in; its text, decoded and checked,
and a description of the original document, out.

Nothing here knows the genre: it finds the text that the later stages read and count their offsets in.
Modules: document (tell the format by the bytes, dispatch, describe the original), text, html (with charset),
pdf, word (the readers, writing the text as layout says), fetch (download reports with their origin).
"""
