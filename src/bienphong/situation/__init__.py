"""The situation log (incidents) and the daily and periodic situation reports."""
