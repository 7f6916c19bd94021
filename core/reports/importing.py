"""A report read, planned and applied: the proposals through the one rule set and the one
write path, the report itself stored once as the figures' source.

:func:`read_report` never writes. It returns a :class:`ReportPreview` whose ``plan`` is the
loader's (:func:`core.loader.plan_figures`): what would be new, what would change, what the
rules refuse, each problem placed at its proposal (paragraph and sentence). A person may drop
or correct proposals (:meth:`ReportPreview.with_rows`) before :func:`apply_report` writes the
accepted ones in one transaction, after creating the report's source row if it is new.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import pandas as pd

from .. import queries, schema
from ..i18n import tr
from ..loader import Plan, apply_plan, plan_figures
from ..problems import InputError, Problem
from ..store import Store
from .reading import Proposal, Reader, Reading
from .text import paragraphs

WHY = "report import"
NOTE_CHARS = 400


@dataclass
class ReportPreview:
    """What importing a report would do."""

    path: Path
    reading: Reading
    plan: Plan
    source_id: str

    @property
    def file(self) -> str:
        return self.path.name

    @property
    def proposals(self) -> list[Proposal]:
        return self.reading.proposals

    @property
    def ok(self) -> bool:
        return self.plan.ok

    @property
    def nothing_to_do(self) -> bool:
        return not len(self.plan.new) and not len(self.plan.changed)

    def problems_of(self, i: int) -> list[Problem]:
        """The rules' problems with proposal ``i`` (0-based)."""
        return [p for p in self.plan.problems if p.row == i + 1]

    def summary(self) -> str:
        p = self.plan
        return tr("{file}: {n} figures proposed ({new} new, {changed} changed, {unchanged} "
                  "unchanged, {problems} refused), {unplaced} numbers not placed",
                  file=self.file, n=len(self.proposals), new=len(p.new),
                  changed=len(p.changed), unchanged=p.unchanged,
                  problems=len({q.row for q in p.problems}),
                  unplaced=len(self.reading.unplaced))


def value_text(p: Proposal) -> str:
    """A proposal's value as the rules read it (a class name, or a plain number)."""
    if isinstance(p.value, str):
        return p.value
    return f"{p.value:.10g}"


def frame(proposals: list[Proposal], source_id: str = "") -> pd.DataFrame:
    """Proposals as the loader takes rows; ``_row`` is the proposal's number (1-based)."""
    rows = []
    for i, p in enumerate(proposals, start=1):
        note = p.note or ""
        rows.append({"indicator": p.indicator, "area": p.area, "period": p.period,
                     "value": value_text(p), "qualifier": p.qualifier, "_row": i,
                     "derived": p.derived, "derivation": p.derivation,
                     "source": source_id or None, "source_ref": p.source_ref,
                     "note": note[:NOTE_CHARS]})
    cols = ["indicator", "area", "period", "value", "qualifier", "_row", "derived",
            "derivation", "source", "source_ref", "note"]
    return pd.DataFrame(rows, columns=cols)


# Compared with the database: the value and its qualifier. The provenance columns are written
# with a new or changed figure, but a figure the report only repeats stays as it is.
COMPARED = ["indicator", "area", "period", "value", "qualifier", "_row"]
PROVENANCE = ("derived", "derivation", "source", "source_ref", "note")


def _plan(conn, proposals: list[Proposal], file: str) -> Plan:
    return plan_figures(conn, frame(proposals)[COMPARED], file=file)


def source_id_for(paras: list[str]) -> str:
    """One id per report text, so the same report read again is the same source."""
    digest = hashlib.sha1("\n".join(paras).encode("utf-8")).hexdigest()[:12]
    return f"report-{digest}"


def read_report(store: Store, path: str | Path, *, given_date: date | None = None) -> ReportPreview:
    """Read a report and plan its figures; writes nothing.

    Raises
    ------
    ReportError
        If the file cannot be read as a report (the message says why).
    """
    path = Path(path)
    paras = paragraphs(path)
    with store.read() as conn:
        reader = Reader(queries.indicators(conn), queries.areas(conn))
        if given_date is None:
            try:
                given_date = date.fromtimestamp(path.stat().st_mtime)
            except OSError:
                given_date = None
        reading = reader.read(paras, given_date)
        plan = _plan(conn, reading.proposals, path.name)
    return ReportPreview(path, reading, plan, source_id_for(paras))


def with_rows(preview: ReportPreview, store: Store, proposals: list[Proposal]) -> ReportPreview:
    """The preview again for the proposals a person kept (some dropped, some corrected)."""
    with store.read() as conn:
        plan = _plan(conn, proposals, preview.file)
    return ReportPreview(preview.path, replace(preview.reading, proposals=proposals), plan,
                         preview.source_id)


def _ensure_source(conn, preview: ReportPreview) -> bool:
    """Create the report's source row unless it exists; True if it was created."""
    t = schema.sources
    if conn.execute(t.select().where(t.c.id == preview.source_id)).first() is not None:
        return False
    r = preview.reading
    when = r.date.isoformat() if r.date else ""
    conn.execute(t.insert().values(
        id=preview.source_id, publisher="", title=r.title[:300], date=when,
        note=tr("read from the report {file}", file=preview.file)))
    return True


@dataclass
class ReportApplied:
    created: int
    updated: int
    unchanged: int
    source_created: bool
    source_id: str
    indicators: list[str]


def _with_provenance(plan: Plan, rows: pd.DataFrame) -> Plan:
    """The plan's new and changed rows with the report's source, reference, derivation and
    note (matched by proposal number)."""
    extra = rows.set_index("_row")[list(PROVENANCE)]
    new = plan.new.drop(columns=[c for c in PROVENANCE if c in plan.new])
    new = new.join(extra, on="_row")
    ch = plan.changed.drop(columns=[c for c in PROVENANCE if c in plan.changed])
    ch = ch.join(extra, on="_row")
    fields = tuple(dict.fromkeys((*plan.fields, *PROVENANCE)))
    for c in PROVENANCE:
        if f"db_{c}" not in ch:
            ch[f"db_{c}"] = None
    return replace(plan, new=new, changed=ch, fields=fields)


def apply_report(store: Store, preview: ReportPreview) -> ReportApplied:
    """Write the previewed proposals in one transaction (all or nothing): the report's source
    row if new, then the figures through :func:`core.loader.apply_plan`.

    Raises
    ------
    InputError
        If a proposal is refused by the rules (nothing is written).
    """
    if not preview.ok:
        raise InputError(preview.plan.problems)
    rows = frame(preview.proposals, preview.source_id)
    with store.write("import", backup=True) as conn:
        made = _ensure_source(conn, preview)
        plan = _plan(conn, preview.proposals, preview.file)  # again, under the write lock
        if not plan.ok:
            raise InputError(plan.problems)
        plan = _with_provenance(plan, rows)
        counts = apply_plan(conn, plan, who=store.user, why=WHY, origin=preview.file)
    return ReportApplied(counts["created"], counts["updated"], counts["unchanged"], made,
                         preview.source_id, counts["indicators"])

