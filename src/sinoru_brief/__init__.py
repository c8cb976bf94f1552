"""Build cited PowerPoint briefing decks on the Sino-Russian partnership."""

# The one place the version is written: the build reads it from here (see [tool.hatch.version] in
# pyproject.toml), and --version and the About box print it without the cost of reading package metadata.
__version__ = "0.1.0"
