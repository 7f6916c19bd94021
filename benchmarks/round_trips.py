"""Count the database round trips of one typed edit, end to end, and say what each one is.

    .venv/bin/python benchmarks/round_trips.py [--db URL]

A round trip to a server a district office away costs 50 ms (``bench_remote.py``): this
script shows where they go. It opens a seeded database (by default a fresh schema of the
PostgreSQL test server on 127.0.0.1:5432, dropped after), makes one typed edit of a figure
and its undo through :mod:`core.edits` exactly as the window's worker does, and lists every
statement, BEGIN, COMMIT and pool ping the driver was asked for (SQLAlchemy's engine and
pool events). :class:`Counter` is also what ``tests/test_round_trips.py`` uses.
"""
from __future__ import annotations

import argparse
import sys
import uuid
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

class Counter:
    """Every round trip psycopg makes while counting: ``with Counter() as c: ...``; then
    ``c.trips`` lists them (``("execute", sql)``, ``("begin", "")``, ...).

    Counted at the driver (its cursor's ``execute`` and ``executemany``, the connection's
    ``commit`` and ``rollback``, and the BEGIN psycopg sends before the first statement of a
    transaction), so that the readers of :mod:`core.queries` that use the driver's own
    cursor are counted too. A pool ping is an ``execute`` of ``SELECT 1`` too (psycopg's
    ``do_ping`` runs it on a cursor). ``executemany`` is one (psycopg pipelines it).
    """

    def __init__(self):
        self.trips: list[tuple[str, str]] = []
        self.threads: list[str] = []  # the thread each trip was made on
        self._saved: list = []

    def _wrap(self, cls, name, what):
        import psycopg

        import threading

        orig = getattr(cls, name)
        trips, threads = self.trips, self.threads

        def counted(this, *args, **kw):
            conn = this if isinstance(this, psycopg.Connection) else this.connection
            if what in ("commit", "rollback") and \
                    conn.info.transaction_status == psycopg.pq.TransactionStatus.IDLE:
                return orig(this, *args, **kw)  # nothing to end: psycopg sends nothing
            if what in ("execute", "executemany") and not conn.autocommit and \
                    conn.info.transaction_status == psycopg.pq.TransactionStatus.IDLE:
                trips.append(("begin", ""))
                threads.append(threading.current_thread().name)
            sql = args[0] if args else kw.get("query", "")
            sql = sql if isinstance(sql, str) else getattr(sql, "as_string", lambda c: str(sql))(conn)
            trips.append((what, " ".join(str(sql).split())[:110]))
            threads.append(threading.current_thread().name)
            return orig(this, *args, **kw)

        self._saved.append((cls, name, orig))
        setattr(cls, name, counted)

    def __enter__(self) -> Counter:
        import psycopg

        self._wrap(psycopg.Cursor, "execute", "execute")
        self._wrap(psycopg.Cursor, "executemany", "executemany")
        self._wrap(psycopg.Connection, "commit", "commit")
        self._wrap(psycopg.Connection, "rollback", "rollback")
        return self

    def __exit__(self, *exc) -> None:
        for cls, name, orig in reversed(self._saved):
            setattr(cls, name, orig)
        self._saved.clear()

    def __len__(self) -> int:
        return len(self.trips)


def typed_edit(store):
    """One typed edit of a figure, as the figure table's cell editor makes it; returns its
    outcome (its inverse is the undo)."""
    from core import queries
    from core.edits import UpdateRow

    with store.read() as conn:
        figs = queries.figures(conn)
        inds = queries.indicators(conn).set_index("code")
    step = 10.0 ** -inds["decimals"].reindex(figs["indicator"]).fillna(0).to_numpy()
    kind = inds["value_kind"].reindex(figs["indicator"]).to_numpy()
    fig = figs[(kind == "number") & (figs["value"].to_numpy() > 1)].iloc[0]
    add = float(step[fig.name])
    return UpdateRow("figure", int(fig["id"]), int(fig["version"]),
                     {"value": round(float(fig["value"]) - add, 6)})


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--db", help="a database URL or file (default: a fresh PostgreSQL schema)")
    a = p.parse_args(argv)
    from core.store import Store

    schema = None
    url = a.db
    if url is None:
        import sqlalchemy as sa

        schema = "trips_" + uuid.uuid4().hex[:10]
        admin = sa.create_engine("postgresql+psycopg://postgres@127.0.0.1:5432/test",
                                 isolation_level="AUTOCOMMIT")
        with admin.connect() as c:
            c.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
        url = ("postgresql+psycopg://postgres@127.0.0.1:5432/test"
               f"?options=-csearch_path%3D{schema}")
    try:
        with Store.open(url, user="bench") as store:
            edit = typed_edit(store)
            edit.apply(store)  # warm: the first edit of a store loads what it keeps
            edit = typed_edit(store)
            for label in ("typed edit", "its undo"):
                with Counter() as c:
                    outcome = edit.apply(store)
                print(f"{label}: {len(c)} round trips")
                for what, sql in c.trips:
                    print(f"  {what:8} {sql}")
                edit = outcome.inverse
    finally:
        if schema is not None:
            with admin.connect() as c:
                c.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
    return 0


if __name__ == "__main__":
    sys.exit(main())
