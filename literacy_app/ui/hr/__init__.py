"""HR's screen: the 年度 summary previewed and exported from the app (behind an hr login)."""
