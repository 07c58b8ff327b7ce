"""HR's reports: figures aggregated in SQL, small groups suppressed, rendered by templates."""
