"""The desktop app's side of LAN mode: its settings file and its HTTP calls to the exam server."""
