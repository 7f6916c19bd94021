"""A TCP proxy on the loopback that delays every packet, to play a distant database server.

    .venv/bin/python benchmarks/delay_proxy.py [--port 6543] [--delay-ms 25] [--seconds 600]

Every chunk read from one side is written to the other ``delay`` seconds after it arrived,
in order, each way: a round trip through the proxy costs ``2 * delay`` more, as to a
PostgreSQL server a district office away, while bytes still flow at loopback speed (chunks
in flight overlap; only latency is added). Only 127.0.0.1 is listened on and connected to.

Bounded: at most ``max_connections`` at a time (others are closed at once), at most
``max_queued`` chunks waiting in each direction (reading stops until the writer catches up),
and the proxy stops by itself after ``seconds`` (or on :meth:`DelayProxy.stop`).

From Python::

    with DelayProxy(target_port=5432, delay=0.025) as proxy:
        url = f"postgresql+psycopg://postgres@127.0.0.1:{proxy.port}/test"
"""
from __future__ import annotations

import argparse
import asyncio
import threading
import time

LOOPBACK = "127.0.0.1"


class DelayProxy:
    """Listens on 127.0.0.1:``port`` (0: any free port) and forwards to 127.0.0.1:
    ``target_port`` with ``delay`` seconds added to every chunk, each way. Runs its own
    asyncio loop in a daemon thread; use as a context manager or call :meth:`stop`."""

    def __init__(self, target_port: int = 5432, delay: float = 0.025, *, port: int = 0,
                 seconds: float = 1800.0, max_connections: int = 64, max_queued: int = 1024,
                 chunk: int = 65536):
        self.target_port, self.delay, self.seconds = target_port, delay, seconds
        self.max_connections, self.max_queued, self.chunk = max_connections, max_queued, chunk
        self.port = port
        self.connections = 0  # open now
        self.accepted = 0  # ever
        self.chunks = 0  # forwarded, both ways
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stopped: asyncio.Event | None = None
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._main, name="delay-proxy", daemon=True)
        self._error: BaseException | None = None

    # lifetime ------------------------------------------------------------------------------
    def start(self) -> DelayProxy:
        self._thread.start()
        self._ready.wait(10)
        if self._error is not None:
            raise self._error
        return self

    def stop(self) -> None:
        if self._loop is not None and self._stopped is not None and self._loop.is_running():
            self._loop.call_soon_threadsafe(self._stopped.set)
        self._thread.join(10)

    def __enter__(self) -> DelayProxy:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    def _main(self) -> None:
        try:
            asyncio.run(self._serve())
        except BaseException as exc:  # noqa: BLE001 - reported to start()
            self._error = exc
            self._ready.set()

    async def _serve(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._stopped = asyncio.Event()
        tasks: set[asyncio.Task] = set()

        async def handle(reader, writer):
            task = asyncio.current_task()
            tasks.add(task)
            try:
                await self._client(reader, writer)
            except asyncio.CancelledError:
                pass  # stopping: end quietly (asyncio reports a cancelled handler)
            finally:
                tasks.discard(task)

        server = await asyncio.start_server(handle, LOOPBACK, self.port)
        self.port = server.sockets[0].getsockname()[1]
        self._ready.set()
        try:
            await asyncio.wait_for(self._stopped.wait(), timeout=self.seconds)
        except asyncio.TimeoutError:
            pass  # its time is up: stop by itself
        server.close()
        for task in list(tasks):
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        await server.wait_closed()

    # one connection -------------------------------------------------------------------------
    async def _client(self, creader, cwriter) -> None:
        if self.connections >= self.max_connections:
            cwriter.close()
            return
        self.connections += 1
        self.accepted += 1
        try:
            sreader, swriter = await asyncio.open_connection(LOOPBACK, self.target_port)
        except OSError:
            self.connections -= 1
            cwriter.close()
            return
        try:
            await asyncio.gather(self._pipe(creader, swriter), self._pipe(sreader, cwriter))
        except (OSError, asyncio.IncompleteReadError):
            pass
        finally:
            self.connections -= 1
            for w in (cwriter, swriter):
                w.close()

    async def _pipe(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        """Forward ``reader`` to ``writer``, each chunk ``delay`` after it was read."""
        queue: asyncio.Queue = asyncio.Queue(self.max_queued)

        async def deliver():
            while True:
                due, data = await queue.get()
                wait = due - time.monotonic()
                if wait > 0:
                    await asyncio.sleep(wait)
                if not data:  # the other side closed: pass it on
                    if writer.can_write_eof():
                        writer.write_eof()
                    return
                writer.write(data)
                await writer.drain()
                self.chunks += 1

        sender = asyncio.ensure_future(deliver())
        try:
            while True:
                data = await reader.read(self.chunk)
                await queue.put((time.monotonic() + self.delay, data))
                if not data:
                    break
            await sender
        finally:
            sender.cancel()


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--port", type=int, default=6543)
    p.add_argument("--target-port", type=int, default=5432)
    p.add_argument("--delay-ms", type=float, default=25.0)
    p.add_argument("--seconds", type=float, default=600.0, help="stop after this long")
    a = p.parse_args(argv)
    proxy = DelayProxy(a.target_port, a.delay_ms / 1000, port=a.port, seconds=a.seconds).start()
    print(f"127.0.0.1:{proxy.port} -> 127.0.0.1:{a.target_port}, +{a.delay_ms:g} ms each way, "
          f"for {a.seconds:g} s", flush=True)
    try:
        proxy._thread.join()
    except KeyboardInterrupt:
        proxy.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
