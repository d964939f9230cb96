"""Find, read and validate the role catalogue."""
