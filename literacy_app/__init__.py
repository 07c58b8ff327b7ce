"""ICT literacy assessment for city staff: banks, attempts, scoring, reports."""

__version__ = "0.1.0"
