from tests.gui.conftest import open_window  # noqa: F401  (the window fixture)
