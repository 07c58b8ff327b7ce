"""The bank file format: schema, safe reading with positions, and cross-file checks."""

from .checks import check, normalise_answer
from .load import BankSet, load_paths
from .problems import Problem


def validate_paths(paths) -> BankSet:
    """Load and fully check bank and blueprint files; ``result.problems`` lists what is wrong."""
    bank_set = load_paths(paths)
    check(bank_set)
    bank_set.problems.sort(key=lambda p: (p.path, p.line, p.col))
    return bank_set


__all__ = ["BankSet", "Problem", "check", "load_paths", "normalise_answer", "validate_paths"]
