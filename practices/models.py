"""Models of the practices app."""
