"""What every screen shares: the store, the undo stack, the language and the reference data.

Screens never write to the store themselves: they call :meth:`AppContext.edit` with a
:mod:`core.edits` edit. The context applies it through the core, pushes it on the undo stack
and emits :attr:`changed` with what changed, so each screen refreshes only that.
"""
from __future__ import annotations

import pandas as pd
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from core import queries
from core.edits import Changed, Edit, Outcome
from core.errors import EcoError
from core.store import Store

from .undo import push_edit


class AppContext(QObject):
    """Shared state of one window.

    Signals
    -------
    changed(Changed)
        After an edit, undo or redo was written to the store.
    reloaded()
        After :meth:`reload` (F5, or a stale edit resolved): everything may have changed.
    language_changed(str)
        The display language changed (``en`` or ``zh_CN``).
    error(Exception)
        An undo or redo the core refused (stale or invalid); the window tells the person.
    """

    changed = Signal(object)
    reloaded = Signal()
    language_changed = Signal(str)
    error = Signal(object)

    def __init__(self, store: Store, lang: str = "en", parent: QObject | None = None):
        super().__init__(parent)
        self.store = store
        self.lang = lang
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setObjectName("undoStack")
        self.indicators = pd.DataFrame()
        self.areas = pd.DataFrame()
        self.categories = pd.DataFrame()
        self.sources = pd.DataFrame()
        self.load_reference()

    # reference data ---------------------------------------------------------------------
    def load_reference(self) -> None:
        with self.store.read() as conn:
            self.indicators = queries.indicators(conn)
            self.areas = queries.areas(conn)
            self.categories = queries.categories(conn)
            self.sources = queries.sources(conn)
        self._ind_rows: dict[str, dict] = {}
        self._ind_pos: dict[str, int] | None = None
        self._area_rank: dict[str, int] | None = None

    @property
    def area_rank(self) -> dict[str, int]:
        """Area code -> its place in the areas' order (what tables of one indicator sort by)."""
        if self._area_rank is None:
            self._area_rank = queries.area_rank(self.areas)
        return self._area_rank

    @property
    def name_col(self) -> str:
        return "name_zh" if self.lang.startswith("zh") else "name_en"

    def indicator(self, code: str) -> dict:
        """The indicator's row (a copy; KeyError if there is none). The rows are kept until
        the reference data is re-read: filtering the frame costs a millisecond each time."""
        if code not in self._ind_rows:
            if self._ind_pos is None:
                self._ind_pos = {c: i for i, c in enumerate(self.indicators["code"].tolist())}
            pos = self._ind_pos[code]
            self._ind_rows[code] = self.indicators.iloc[pos].to_dict()  # Python scalars
        return dict(self._ind_rows[code])

    def indicator_name(self, code: str) -> str:
        try:
            return str(self.indicator(code)[self.name_col])
        except KeyError:
            return code

    def area_name(self, code: str) -> str:
        row = self.areas[self.areas["code"] == code]
        return code if row.empty else str(row.iloc[0][self.name_col])

    def category_name(self, code: str) -> str:
        row = self.categories[self.categories["code"] == code]
        return code if row.empty else str(row.iloc[0][self.name_col])

    # edits -------------------------------------------------------------------------------
    def edit(self, edit: Edit, text: str) -> Outcome:
        """Apply ``edit`` through the core and push it on the undo stack.

        Raises the core's :class:`EcoError` (bad value, stale version, conflict); nothing is
        written and nothing is pushed in that case.
        """
        return push_edit(self.undo_stack, self.store, edit, text, self._after_change,
                         self._after_error)

    def _after_change(self, changed: Changed) -> None:
        if changed.structure:
            self.load_reference()
        self.changed.emit(changed)

    def _after_error(self, exc: EcoError) -> None:
        self.error.emit(exc)

    def reload(self) -> None:
        """Re-read everything (other desks may have changed a shared database)."""
        self.load_reference()
        self.reloaded.emit()

    def set_language(self, lang: str) -> None:
        if lang != self.lang:
            self.lang = lang
            self.language_changed.emit(lang)
