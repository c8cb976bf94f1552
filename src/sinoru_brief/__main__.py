"""Run the ``sinoru-brief`` command as ``python -m sinoru_brief``."""

import sys

from sinoru_brief.cli import main

if __name__ == "__main__":  # importing the module (a package walk, say) must not run the command
    sys.exit(main())
