"""EcoTracker's domain: indicators, areas, periods, figures, targets and their storage.

Nothing in this package imports Qt; ``tests/test_core_headless.py`` proves it.
"""
from __future__ import annotations

__all__ = ["__version__"]
__version__ = "0.1.0"
