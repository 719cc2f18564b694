"""Models of the nominations app."""
