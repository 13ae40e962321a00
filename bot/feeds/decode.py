"""Content decoding with a bound on what one read may inflate to.

httpx decodes each chunk of a body whole: a 256 KiB read of gzip inflates to 256 MiB at
once, two layers of gzip (``Content-Encoding: gzip, gzip``, 662 bytes) to 300 MiB, and 3 KiB
of brotli to 2 GiB, all in memory before the size cap ever sees a byte (probed through the
poller: the bot's peak went from 80 MB to 0.7 GB and 4.2 GB). Here every layer is told how
much it may still give, and one byte more than that is a body over the cap.

The encodings are httpx's (what its Accept-Encoding offers): gzip (also by its old name,
x-gzip, which httpx passed over undecoded), deflate (zlib-wrapped or raw) and br; another
encoding is passed over, as httpx passes it over.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable

import brotli

# (data, at most this many bytes out) -> bytes out; a decoder keeps the input it did not use
# only when its output reached the bound, and then the body is over the cap anyway
Layer = Callable[[bytes, int], bytes]


class TooBig(Exception):
    """A layer's output passed the cap."""


class Corrupt(Exception):
    """The content is not what its encoding says."""


def _zlib(wbits: int) -> Layer:
    inflater = zlib.decompressobj(wbits)

    def decode(data: bytes, limit: int) -> bytes:
        try:
            return inflater.decompress(data, limit)
        except zlib.error as exc:
            raise Corrupt(str(exc)) from exc

    return decode


def _deflate() -> Layer:
    """zlib-wrapped deflate, or raw deflate when the first bytes say so (as httpx reads it)."""
    current = [_zlib(zlib.MAX_WBITS)]
    first = [True]

    def decode(data: bytes, limit: int) -> bytes:
        if first[0]:
            first[0] = False
            try:
                return current[0](data, limit)
            except Corrupt:
                current[0] = _zlib(-zlib.MAX_WBITS)
        return current[0](data, limit)

    return decode


def _brotli() -> Layer:
    decompressor = brotli.Decompressor()

    def decode(data: bytes, limit: int) -> bytes:
        try:
            # the output buffer stops growing at the limit (it may pass it by a block)
            return bytes(decompressor.process(data, output_buffer_limit=max(1, limit)))
        except brotli.error as exc:
            raise Corrupt(str(exc)) from exc

    return decode


_LAYERS: dict[str, Callable[[], Layer]] = {
    "gzip": lambda: _zlib(zlib.MAX_WBITS | 16),
    "x-gzip": lambda: _zlib(zlib.MAX_WBITS | 16),
    "deflate": _deflate,
    "br": _brotli,
}


class BoundedDecoder:
    """Decodes a body's chunks through its Content-Encoding's layers (the last applied is
    undone first); raises TooBig as soon as any layer's output passes ``cap`` bytes."""

    def __init__(self, content_encoding: str, cap: int) -> None:
        names = [v.strip().lower() for v in content_encoding.split(",")]
        self._layers = [_LAYERS[n]() for n in reversed(names) if n in _LAYERS]
        self._left = [cap] * len(self._layers)

    def decode(self, chunk: bytes) -> bytes:
        for i, layer in enumerate(self._layers):
            if not chunk:
                return b""
            chunk = layer(chunk, self._left[i] + 1)
            if len(chunk) > self._left[i]:
                raise TooBig
            self._left[i] -= len(chunk)
        return chunk
