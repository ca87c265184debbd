"""Database backends: Django's, with the project's adjustments."""
