# SPDX-License-Identifier: GPL-2.0-or-later
"""Seeds for fuzz_inflate: a selector byte (odd: gzip, even: raw DEFLATE),
then the compressed data, made by Python's zlib and gzip modules with each
block type."""
import gzip
import zlib


def raw(data, level, strategy=zlib.Z_DEFAULT_STRATEGY):
    compressor = zlib.compressobj(level, zlib.DEFLATED, -15, 9, strategy)
    return compressor.compress(data) + compressor.flush()


def seeds():
    text = b''.join(b'line %d of a text that repeats itself\n' % i for i in range(200))
    return [
        ('gzip', b'\x01' + gzip.compress(text, mtime=0)),
        ('gzip-two', b'\x01' + gzip.compress(b'one', mtime=0) +
         gzip.compress(b'two', mtime=0) + b'\0\0'),
        ('dynamic', b'\x00' + raw(text, 9)),
        ('fixed', b'\x00' + raw(b'hello, hello, hello', 9, zlib.Z_FIXED)),
        ('stored', b'\x00' + raw(b'stored', 0)),
    ]
