"""The scorecard: target against actual for every indicator and area."""
from __future__ import annotations

from .model import KEY_ROLE, STATUS_ROLE, ScorecardModel, column
from .view import ScorecardPanel

__all__ = ["KEY_ROLE", "STATUS_ROLE", "ScorecardModel", "ScorecardPanel", "column"]
