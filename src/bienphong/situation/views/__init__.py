"""Screens of the situation log and the situation reports."""
