"""Re-read a widget's texts once per language switch."""
from __future__ import annotations

from PySide6.QtCore import QEvent

from gui.later import later


class RetranslateOnce:
    """Mixin for a QWidget with a ``retranslate()`` method.

    Swapping translators sends several LanguageChange events in a row; the texts are re-read
    once, after the last of them. Put it before the Qt class in the bases.
    """

    _retranslate_pending = False

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.schedule_retranslate()
        super().changeEvent(event)

    def schedule_retranslate(self, *_args) -> None:
        """Re-read the texts on the next turn of the event loop, once however often asked
        (a translator swapped, and the data's language changed)."""
        if not self._retranslate_pending:
            self._retranslate_pending = True
            later(self, self._retranslate_later)

    def _retranslate_later(self) -> None:
        self._retranslate_pending = False
        self.retranslate()
