"""HR's reports: ``figures`` (queries → plain records, no Qt), ``rendering`` (Jinja, Qt, tables),
and ``exports`` (build, write and audit one report: what the CLI and the HR window call)."""
