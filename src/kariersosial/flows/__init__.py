"""What happens around a quiz: the session and what is done with a finished result."""
