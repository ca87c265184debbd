"""Vehicle registration plates of Vietnam and China: parse, validate, normalise."""

from .plates import PlateResult, parse_plate

__all__ = ["PlateResult", "parse_plate"]
