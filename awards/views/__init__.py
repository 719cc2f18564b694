"""Pages of the awards app, one module per part of the work."""
