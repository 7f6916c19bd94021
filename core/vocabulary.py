"""The status vocabulary: every status code with its tone, colours, symbol and words.

One definition read by the window (cell colours, tree icons, filters), the meeting workbook
(status fills and fonts) and the command line (``ecotracker status``, in either language), so
a status looks and reads the same wherever a person meets it.

Tones follow the window's colour-blind-safe choice: Okabe-Ito blue for good, orange for
"needs attention", vermillion for bad, which people with the common forms of colour
blindness tell apart (red/green would not be). Each tone also has a symbol, and each status
its words, so a grey-scale print or a screen reader loses nothing. A cell shows a light tint
of the hue as background and a dark shade of it as text, both above 4.5:1 contrast
(``tests/test_vocabulary.py`` measures it).

"Limited progress" (a growth ratio of 0-0.6) is a warning, not a failure: the figure still
moves towards the target, only too slowly; "deterioration" (moving away) is bad.

The words live here in both languages rather than behind the installed translator: the
command line and the workbook are asked for a language (``--lang zh_CN``) whatever language
the window or the terminal speaks, as class names and qualifier labels are.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Tone:
    """How a kind of status looks: ``code`` is good / warn / bad / none."""

    code: str
    symbol: str
    hue: str          # the Okabe-Ito colour itself, for shapes (tree icons)
    background: str   # light tint for a cell's background; "" leaves the cell unfilled
    foreground: str   # dark shade for a cell's text
    severity: int     # higher is worse: an indicator's mark is its worst status


@dataclass(frozen=True)
class Status:
    code: str
    tone: Tone
    en: str
    zh: str

    def words(self, lang: str = "en") -> str:
        return self.zh if lang.startswith("zh") else self.en


GOOD = Tone("good", "✔", "#0072B2", "#D6E9F5", "#00466E", 1)
WARN = Tone("warn", "▲", "#E69F00", "#FCEBC7", "#6B4A00", 2)
BAD = Tone("bad", "✖", "#D55E00", "#F8D5C2", "#8A3200", 3)
NONE = Tone("none", "○", "#7F7F7F", "", "#505050", 0)
TONES = {t.code: t for t in (GOOD, WARN, BAD, NONE)}

_STATUSES = (
    # did we meet it this period? (core.status)
    Status("met", GOOD, "met", "达标"),
    Status("close", WARN, "close", "接近"),
    Status("missed", BAD, "missed", "未达标"),
    # are we on course for the deadline? (core.course)
    Status("achieved", GOOD, "achieved", "已实现"),
    Status("on_track", GOOD, "on track", "进展顺利"),
    Status("needs_acceleration", WARN, "needs acceleration", "需加快"),
    Status("limited_progress", WARN, "limited progress", "进展有限"),
    Status("deterioration", BAD, "deterioration", "退步"),
    # both scales
    Status("no_data", NONE, "no data", "无数据"),
    Status("no_target", NONE, "no target", "无目标"),
    # a target without a number (words, or a relative one still without its baseline
    # figure) is never met or missed; a stock short of a target whose deadline is ahead
    # is judged at the deadline (core.status)
    Status("not_judged", NONE, "not judged", "不作判定"),
    Status("not_due", NONE, "not yet due", "未到期"),
)
STATUSES: dict[str, Status] = {s.code: s for s in _STATUSES}
PERIOD_CODES = ("met", "close", "missed", "no_data", "no_target", "not_judged", "not_due")
COURSE_CODES = ("achieved", "on_track", "needs_acceleration", "limited_progress",
                "deterioration", "no_data", "no_target", "not_judged")
# a half-year judged against an annual target: its status is a pointer, not a verdict
INDICATIVE = {"en": "indicative", "zh": "参考"}


def indicative(lang: str = "en") -> str:
    return INDICATIVE["zh" if lang.startswith("zh") else "en"]
_BLANK = Status("", NONE, "", "")


def status(code: str | None) -> Status:
    """The status of ``code``; an empty or unknown code is toneless, its words the code."""
    if not code:
        return _BLANK
    found = STATUSES.get(code)
    return found if found is not None else Status(code, NONE, code, code)


def tone(code: str | None) -> Tone:
    return status(code).tone


def words(code: str | None, lang: str = "en") -> str:
    """The words for ``code`` in ``lang`` (``en`` or ``zh_CN``)."""
    return status(code).words(lang)

