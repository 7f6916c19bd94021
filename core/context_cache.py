"""The rules' reference rows, read once per open database instead of once per write.

Why: every figure or target the rules check is checked against the indicators, areas and
sources (:class:`core.rules.Context`). Read for every write, that was three round trips of a
typed edit's dozen: 150 ms of it with the server a district office away
(``benchmarks/round_trips.py``, ``benchmarks/bench_remote.py``). They change rarely, and
only through a few writers, each of which says so (:func:`changed`).

When it is read again:

* after a write of this process changed indicators, areas or sources (``write.commit`` of
  an indicator, the seed loader) — once that write's transaction has ended, committed or
  not. Inside it, the rules read the rows afresh after each such change and keep them for
  that transaction only, so a row not yet committed never reaches other connections, nor
  one rolled back;
* after :func:`forget` (F5 in the window: another desk may have changed them);
* never otherwise. Another desk's new indicator reaches this desk at its F5, as it reaches
  the window's own lists; what the database itself guarantees (foreign keys, checks) it
  guarantees meanwhile.

Kept per connection pool, so per :class:`core.store.Store` (its write engine shares the pool
of its read engine). Thread-safe: the window's worker writes while other workers read.
"""
from __future__ import annotations

import threading
import weakref

from sqlalchemy import Connection, event

from .rules import Context


class ContextCache:
    """One database's :class:`~core.rules.Context`, kept until a change says otherwise."""

    def __init__(self):
        self._lock = threading.Lock()
        self._ctx: Context | None = None
        self._generation = 0  # bumped by every forget: a read begun before it is not kept
        # connections whose transaction changes reference rows -> the context it sees
        self._changing: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()

    def get(self, conn: Connection) -> Context:
        with self._lock:
            own = conn in self._changing
            ctx = self._changing.get(conn) if own else self._ctx
            if ctx is not None:
                return ctx
            generation = self._generation
        ctx = Context.load(conn)
        with self._lock:
            if own and conn in self._changing:
                self._changing[conn] = ctx
            elif not own and self._generation == generation:
                self._ctx = ctx
        return ctx

    def forget(self) -> None:
        with self._lock:
            self._ctx = None
            self._generation += 1

    def changed(self, conn: Connection) -> None:
        """``conn``'s transaction changes reference rows: read them afresh within it, and
        again for everyone once it has ended."""
        with self._lock:
            first = conn not in self._changing
            self._changing[conn] = None
        self.forget()
        if first and conn.in_transaction():
            def ended(_conn, *_args):
                with self._lock:
                    self._changing.pop(conn, None)
                self.forget()

            for name in ("commit", "rollback"):
                event.listen(conn, name, ended)


_CACHES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_CACHES_LOCK = threading.Lock()


def cache_of(conn: Connection) -> ContextCache:
    pool = conn.engine.pool
    with _CACHES_LOCK:
        cache = _CACHES.get(pool)
        if cache is None:
            cache = _CACHES[pool] = ContextCache()
        return cache


def context(conn: Connection) -> Context:
    """The rules' context for ``conn``'s database, read at most once until it changes."""
    return cache_of(conn).get(conn)


def changed(conn: Connection) -> None:
    """Say that ``conn``'s transaction writes indicators, areas or sources."""
    cache_of(conn).changed(conn)


def forget(conn_or_engine) -> None:
    """Read the reference rows again at the next write (F5: other desks may have changed
    them)."""
    pool = conn_or_engine.pool if hasattr(conn_or_engine, "pool") else conn_or_engine.engine.pool
    with _CACHES_LOCK:
        cache = _CACHES.get(pool)
    if cache is not None:
        cache.forget()
