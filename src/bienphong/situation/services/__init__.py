"""Writes of the situation app: incidents and situation reports."""
