"""Models of the criteria app."""
