"""EcoTracker's Qt window: a thin layer over :mod:`core` services."""
