"""Pure text processing: text in, candidates with exact offsets out.

Nothing here touches the database or the web framework.
"""
