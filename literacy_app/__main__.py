"""``python -m literacy_app`` → the command line (the GUI by default)."""

import sys

from .cli import main

sys.exit(main())
