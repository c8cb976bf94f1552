"""Run the ``sinoru-brief`` command as ``python -m sinoru_brief``."""

from sinoru_brief.cli import run

if __name__ == "__main__":  # importing the module (a package walk, say) must not run the command
    run()
