"""The parse workers' pool (bot/feeds/workers.py): calls, failures, time limits, closing."""

from __future__ import annotations

import asyncio
import operator
import os
import time
import zlib

import pytest

from bot.feeds.parsepool import _context
from bot.feeds.workers import Crashed, Stopped, WorkerPool


async def test_calls_come_back_with_their_results_and_errors() -> None:
    pool = WorkerPool(_context(), 2, time_limit=10.0)
    try:
        got = await asyncio.gather(*(pool.run(pow, i, 2) for i in range(20)))
        assert got == [i * i for i in range(20)]
        with pytest.raises(ValueError, match="invalid literal"):
            await pool.run(int, "not a number")
        assert await pool.run(len, b"x" * 3_000_000) == 3_000_000  # bigger than a socket buffer
    finally:
        pool.close()


async def test_a_body_given_first_arrives_whole_whatever_its_size() -> None:
    # a bytes first argument travels raw, after the call's pickle (a feed's body); replies
    # of any size come back whole
    pool = WorkerPool(_context(), 2, time_limit=10.0)
    body = bytes(range(256)) * 40_000  # 10 MB: more than the socket buffers hold
    try:
        got = await asyncio.gather(
            pool.run(zlib.crc32, body),
            pool.run(operator.add, b"", b"tail"),
            pool.run(operator.add, b"head", b"tail"),
            pool.run(len, bytearray(b"abc")),  # not bytes: pickled with the call
            pool.run(pow, 2, 10),
            pool.run(operator.mul, b"ab", 3_000_000),  # replies bigger than a read, too
            pool.run(bytes.upper, body),
        )
        assert got[0] == zlib.crc32(body)
        assert got[1:5] == [b"tail", b"headtail", 3, 1024]
        assert got[5] == b"ab" * 3_000_000 and got[6] == body.upper()
    finally:
        pool.close()


async def test_workers_started_ahead_take_the_calls_and_are_never_more_than_asked() -> None:
    pool = WorkerPool(_context(), 2, time_limit=10.0)
    try:
        pool.start()
        pool.start()  # while the first two are starting: no third
        pids = await asyncio.gather(*(pool.run(os.getpid) for _ in range(40)))
        assert 1 <= len(set(pids)) <= 2
    finally:
        pool.close()


async def test_the_time_limit_counts_from_when_a_worker_starts_the_call() -> None:
    # one worker, two calls of 0.6 s each sent at once: the second one ends 1.2 s after it
    # was asked for, past the 1 s limit, but only 0.6 s after its worker started it
    pool = WorkerPool(_context(), 1, time_limit=1.0)
    try:
        await pool.run(time.sleep, 0)  # the worker is up: its start-up is not timed
        started = time.monotonic()
        await asyncio.gather(pool.run(time.sleep, 0.6), pool.run(time.sleep, 0.6))
        assert time.monotonic() - started >= 1.2
    finally:
        pool.close()


async def test_a_runaway_is_stopped_and_the_call_queued_behind_it_runs_elsewhere() -> None:
    pool = WorkerPool(_context(), 2, time_limit=1.0)
    try:
        outcomes = await asyncio.gather(
            pool.run(time.sleep, 30),
            *(pool.run(pow, i, 3) for i in range(6)),
            return_exceptions=True,
        )
        assert isinstance(outcomes[0], Stopped)
        assert outcomes[1:] == [i**3 for i in range(6)]
        assert await pool.run(abs, -4) == 4  # a fresh worker took the stopped one's place
    finally:
        pool.close()


async def test_a_worker_that_dies_fails_only_its_own_call() -> None:
    pool = WorkerPool(_context(), 2, time_limit=10.0)
    try:
        outcomes = await asyncio.gather(
            pool.run(os._exit, 3), *(pool.run(abs, -i) for i in range(6)), return_exceptions=True
        )
        assert isinstance(outcomes[0], Crashed)
        assert outcomes[1:] == list(range(6))
    finally:
        pool.close()


async def test_closing_stops_a_busy_worker() -> None:
    pool = WorkerPool(_context(), 1, time_limit=60.0)
    pid = await pool.run(os.getpid)
    call = asyncio.ensure_future(pool.run(time.sleep, 60))
    await asyncio.sleep(0.2)  # sent: the worker sleeps
    pool.close()
    with pytest.raises(asyncio.CancelledError):
        await call
    for _ in range(100):  # the fork server reaps it
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            break
        await asyncio.sleep(0.05)
    else:
        raise AssertionError("the busy worker was not stopped")


async def test_replies_are_framed_whatever_the_reads_that_bring_them() -> None:
    # the loop reads a worker's socket into the protocol's buffers in pieces of any size:
    # replies small and over the scratch buffer's size, several in one read, a header cut
    # in two, each comes back whole and in order
    import pickle

    from bot.feeds import workers

    class Pool:
        time_limit = 60.0

        def dispatch(self) -> None:
            pass

        def runaway(self, worker: object) -> None:
            raise AssertionError("no call runs here")

    replies = [
        b"a",
        b"x" * 1000,
        bytes(range(256)) * 1100,  # over the scratch buffer
        b"",
        b"y" * (workers._SCRATCH - 40),  # fits, with its header, only from the front
        b"z" * 3 * workers._SCRATCH,
        b"b",
    ]
    stream = b"".join(
        len(m).to_bytes(workers._HEADER, "little") + m
        for m in (pickle.dumps((True, r)) for r in replies)
    )
    loop = asyncio.get_running_loop()
    for piece in (1, 3, 7, 8, 9, 1000, 65_536, 300_000, len(stream)):
        worker = workers._Worker(Pool(), None)  # type: ignore[arg-type]
        futures = [loop.create_future() for _ in replies]
        worker.calls.extend(workers._Call(pow, (), f) for f in futures)
        at = 0
        while at < len(stream):
            buf = worker.get_buffer(-1)
            n = min(piece, len(buf), len(stream) - at)
            assert n > 0
            buf[:n] = stream[at : at + n]
            worker.buffer_updated(n)
            at += n
        assert [f.result() for f in futures] == replies, piece
        assert not worker.calls and worker._timer is None


@pytest.mark.parametrize("cut", [0, 3, 8, 13, 8 + 1000])
def test_a_reply_cut_short_by_a_signal_is_sent_whole(cut: int) -> None:
    # a worker sends a reply's length and its pickle with one sendmsg; one cut short (a
    # signal) sends the rest, in order
    from bot.feeds import workers

    class Sock:
        def __init__(self) -> None:
            self.out = bytearray()

        def sendmsg(self, parts: list[bytes]) -> int:
            data = b"".join(parts)
            n = min(cut, len(data)) if cut else len(data)
            self.out += data[:n]
            return n

        def sendall(self, data: bytes) -> None:
            self.out += data

    data = bytes(range(256)) * 4
    sock = Sock()
    workers._send_reply(sock, data)  # type: ignore[arg-type]
    assert sock.out == len(data).to_bytes(workers._HEADER, "little") + data
