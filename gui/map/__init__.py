"""The Map tab: one indicator per district on the sketch map of Chongqing."""
from .view import MapView

__all__ = ["MapView"]
