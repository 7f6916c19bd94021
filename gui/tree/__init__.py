"""The indicator tree: categories and indicators with status marks, filterable in both languages."""
from __future__ import annotations

from .model import CODE_ROLE, IndicatorFilter, IndicatorTreeModel
from .view import IndicatorPanel

__all__ = ["CODE_ROLE", "IndicatorFilter", "IndicatorPanel", "IndicatorTreeModel"]
