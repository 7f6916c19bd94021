"""Sources: the dialog for one source (reusable: the figure and target dialogs, the entry
grid and the sources list all open it), the picker beside a source field, the list."""
from .dialog import SourceDialog, ask_new_source
from .picker import SourcePicker

__all__ = ["SourceDialog", "SourcePicker", "ask_new_source"]
