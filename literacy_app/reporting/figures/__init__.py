"""HR's figures: SQL aggregates → plain frozen records, small groups suppressed.  No Qt, no Jinja:
a server and the command line build figures without loading either (a test imports this package
with PySide6 blocked)."""
