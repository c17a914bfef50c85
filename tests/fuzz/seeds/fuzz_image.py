# SPDX-License-Identifier: GPL-2.0-or-later
"""Seeds for fuzz_image (tests/fuzz/fuzz_image.c): write sequences that
grow an image past its first buffer, and downloads in order, at absolute
offsets, with a size announced, cancelled and failing."""
import struct


def small(value):
    """A size the target reads as the 16-bit value itself."""
    return bytes([0]) + struct.pack('<H', value)


def exact(value):
    """A size given as a full 64-bit number (big-endian, as read)."""
    return bytes([5, 0, 0]) + struct.pack('>Q', value)


def write(offset, data):
    return bytes([1]) + offset + struct.pack('<H', len(data)) + data


def deliver(data, offset=None):
    if offset is None:
        return bytes([3]) + struct.pack('<H', len(data)) + data
    return bytes([0x83]) + struct.pack('<H', len(data)) + offset + data


def fetch(blocks, named=True):
    # name letter, name or default, opener succeeds, then the transfer
    return bytes([5, 1, 1 if named else 0, 0]) + b''.join(blocks)


def seeds():
    block = bytes(range(256)) * 2
    yield 'writes', (write(small(0), b'#!ipxe\n') + write(small(7), b'echo hi\n') +
                     write(small(1000), block) + bytes([0]) + exact(70000))
    yield 'grow', write(exact(65530), block[:100]) + write(exact(131070), block[:10])
    yield 'huge', write(exact(2 ** 64 - 5), block[:10]) + bytes([0]) + exact(2 ** 63)
    yield 'fetch-in-order', fetch([deliver(block) for _ in range(4)] + [bytes([1])])
    yield 'fetch-offsets', fetch([bytes([0]) + small(2048),
                                  deliver(block, small(1024)),
                                  deliver(block, small(0)),
                                  deliver(block, small(512)), bytes([1])])
    yield 'fetch-cancelled', fetch([deliver(block), bytes([2])], named=False)
    yield 'fetch-failed', fetch([deliver(block), bytes([0x81])])
