"""DejaVu Sans fonts embedded in the summary PDF (see README.md beside them)."""
