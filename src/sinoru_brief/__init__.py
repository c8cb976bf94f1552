"""Build cited PowerPoint briefing decks on the Sino-Russian partnership."""
