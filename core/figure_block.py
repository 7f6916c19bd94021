"""A block of figures written as one undoable step: a paste, a fill-down, a cell of the grid.

:class:`PutFigures` creates the figures of a block that do not exist yet and updates those
that do, through the rules and the write path of an import (:func:`core.loader.plan_figures`,
:func:`core.loader.apply_plan`, then :func:`core.write.commit`), in one transaction, and
returns its inverse: the updated fields put back and the created figures deleted. Like every
edit here it knows nothing of Qt, so undo and redo are tested with plain pytest.

Versions: each row of a block names the version it was made from (``version``; 0 for a
figure the person saw as absent), and the block is refused whole, nothing written, if any
row has moved on. An undo or redo checks content instead (``expect_<field>`` columns: what
the step being undone wrote), as :class:`core.edits.UpdateRow` does, so another desk's
change is never overwritten and our own undone edits do not stand in the way.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from . import loader, queries, write
from .edits import Changed, Edit, Outcome
from .entities import FIGURE
from .errors import FieldError
from .i18n import tr
from .periods import period_ord
from .rows import describe, stale_edit
from .rules import missing

KEY = ["indicator", "area", "period"]
FIELDS = ("value", "qualifier", "status", "source", "note")
ALL_FIELDS = loader.FIELDS  # what a deleted figure is restored with


def _blank_frame() -> pd.DataFrame:
    return pd.DataFrame(columns=KEY)


@dataclass
class PutFigures(Edit):
    """Create or update the figures of ``put`` and delete those of ``drop``, as one step.

    ``put`` has the key columns, any of the figure's fields, and either ``version`` (the
    version each row was made from, 0 where none existed) or ``expect_<field>`` columns
    (undo and redo: what the rows must still hold; all missing where the row must not
    exist). ``drop`` has the key columns and ``expect_<field>`` columns.
    """

    put: pd.DataFrame
    drop: pd.DataFrame = field(default_factory=_blank_frame)
    why: str = "paste"
    label: str = ""
    entity: str = field(default="figure", init=False)
    action: str = field(default="batch", init=False)

    @property
    def subject(self) -> str:
        return self.label or tr("{n} figures", n=len(self.put) + len(self.drop))

    def _apply(self, conn, who: str) -> Outcome:
        keys = pd.concat([self.put[KEY], self.drop[KEY]], ignore_index=True)
        stored = _stored(conn, keys)
        put = _checked_versions(self.put, stored)
        gone = _gone(self.drop, stored)
        fields = tuple(f for f in ALL_FIELDS if f in put)
        written_new = written_changed = pd.DataFrame()
        plan = None
        if len(gone):
            write.commit(conn, FIGURE, gone=gone, who=who, why=self.why,
                         stale=tr("{n} figures were changed by someone else meanwhile; "
                                  "nothing was written. Reload and try again.", n=len(gone)))
        if len(put):
            plan = loader.plan_figures(conn, put[[*KEY, *fields, "version"]], warn=False)
            if plan.problems:
                raise FieldError(plan.problems[0].message, field=plan.problems[0].column)
            loader.apply_plan(conn, plan, who=who, why=self.why)
            written_new, written_changed = plan.new, plan.changed
        after = _stored(conn, keys)
        inverse = PutFigures(_restore(written_changed, plan.fields if plan else fields, gone),
                             _unmake(written_new, fields), why=f"undo: {self.why}",
                             label=self.label)
        inds = frozenset(pd.unique(keys["indicator"]).tolist())
        changed = Changed("figure", None, next(iter(inds)) if len(inds) == 1 else None,
                          None, None, "batch", indicators=inds, frame=after, keys=keys)
        return Outcome(inverse, changed, None)


def _stored(conn, keys: pd.DataFrame) -> pd.DataFrame:
    """The stored figures of ``keys`` (one read, bounded by their indicators, areas and
    periods)."""
    if not len(keys):
        return queries.figures(conn, indicators=[]).iloc[0:0]
    ords = [period_ord(p) for p in pd.unique(keys["period"])]
    got = queries.figures(conn, indicators=pd.unique(keys["indicator"]).tolist(),
                          areas=pd.unique(keys["area"]).tolist(), period_from=min(ords),
                          period_to=max(ords))
    return got.merge(keys.drop_duplicates(), on=KEY)


def _expects(frame: pd.DataFrame) -> list[str]:
    return [c[len("expect_"):] for c in frame.columns if c.startswith("expect_")]


def _same(a, b, f: str) -> bool:
    if missing(a) and missing(b):
        return True
    if f == "value":
        try:
            return bool(np.isclose(float(a), float(b), rtol=1e-12, atol=1e-12))
        except (TypeError, ValueError):
            return False
    return ("" if missing(a) else str(a)) == ("" if missing(b) else str(b))


def _checked_versions(put: pd.DataFrame, stored: pd.DataFrame) -> pd.DataFrame:
    """``put`` with ``version`` as the stored rows have it, once each row is found to be as
    the change expects (its version, or its content); else :class:`StaleEditError`."""
    if not len(put):
        return put
    here = put.merge(stored[[*KEY, "version", *ALL_FIELDS]], on=KEY, how="left",
                     suffixes=("", "_db"))
    db_version = here["version_db"] if "version_db" in here else here["version"]
    exists = db_version.notna().to_numpy()
    expects = _expects(put)
    if expects:  # undo or redo: the rows must hold what the step being undone wrote
        absent = here[[f"expect_{f}" for f in expects]].isna().all(axis=1).to_numpy()
        ok = np.where(absent, ~exists, exists).copy()
        for f in expects:
            same = np.array([_same(a, b, f) for a, b in zip(here[f"expect_{f}"], here[f"{f}_db"]
                                                           if f"{f}_db" in here else here[f])])
            ok &= np.where(absent, True, same)
    else:
        want = pd.to_numeric(here["version"], errors="coerce").fillna(0).to_numpy()
        ok = np.where(exists, db_version.fillna(0).to_numpy() == want, want == 0)
    if not ok.all():
        bad = here.iloc[int(np.flatnonzero(~ok)[0])]
        raise _stale(bad, int((~ok).sum()))
    out = put.drop(columns=[c for c in put.columns if c.startswith("expect_")])
    if "value" not in out:  # a block of notes or statuses: the rules see the stored value
        out = out.assign(value=here["value"].to_numpy())
    return out.assign(version=np.where(exists, db_version.fillna(0).to_numpy(), np.nan))


def _stale(row, n: int):
    what = describe({k: row[k] for k in KEY}, "figure")
    if n == 1:
        message = tr("{what} was changed by someone else since it was shown; nothing was "
                     "written. Reload and try again.", what=what)
    else:
        message = tr("{n} figures, {what} among them, were changed by someone else since "
                     "they were shown; nothing was written. Reload and try again.",
                     n=n, what=what)
    return stale_edit(message, what)


def _gone(drop: pd.DataFrame, stored: pd.DataFrame) -> pd.DataFrame:
    """The stored rows of ``drop``, once each holds what it is expected to hold."""
    if not len(drop):
        return stored.iloc[0:0]
    here = drop.merge(stored, on=KEY, how="left")
    ok = here["id"].notna().to_numpy().copy()
    for f in _expects(drop):
        ok &= np.array([_same(a, b, f) for a, b in zip(here[f"expect_{f}"], here[f])])
    if not ok.all():
        raise _stale(here.iloc[int(np.flatnonzero(~ok)[0])], int((~ok).sum()))
    return here[list(stored.columns)].astype({"id": np.int64, "version": np.int64})


def _restore(changed: pd.DataFrame, fields, gone: pd.DataFrame) -> pd.DataFrame:
    """What puts back the updated figures (every field as it was, expecting every field as
    the step left it, so another desk's change meanwhile is not overwritten) and the deleted
    ones (whole, expecting none)."""
    parts = []
    if len(changed):
        now = {f: changed[f] if f in fields and f in changed else changed[f"db_{f}"]
               for f in ALL_FIELDS}
        parts.append(pd.DataFrame({
            **{k: changed[k].to_numpy(object) for k in KEY},
            **{f: changed[f"db_{f}"].to_numpy(object) for f in ALL_FIELDS},
            **{f"expect_{f}": now[f].to_numpy(object) for f in ALL_FIELDS}}))
    if len(gone):
        parts.append(pd.DataFrame({
            **{k: gone[k].to_numpy(object) for k in KEY},
            **{f: gone[f].to_numpy(object) for f in ALL_FIELDS},
            **{f"expect_{f}": np.full(len(gone), None, dtype=object) for f in ALL_FIELDS}}))
    if not parts:
        return _blank_frame()
    return pd.concat(parts, ignore_index=True)


def _unmake(new: pd.DataFrame, fields) -> pd.DataFrame:
    """What deletes the created figures, expecting what was written into them."""
    if not len(new):
        return _blank_frame()
    return pd.DataFrame({**{k: new[k].to_numpy(object) for k in KEY},
                         **{f"expect_{f}": new[f].to_numpy(object) for f in fields
                            if f in new}})
