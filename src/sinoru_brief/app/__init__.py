"""The desktop app: thin Qt views over the plain-Python core."""
