"""Layout functions per slide kind, looked up in a registry."""
