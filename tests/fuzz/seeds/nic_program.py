# SPDX-License-Identifier: GPL-2.0-or-later
"""Encodes the device programs the NIC fuzz targets read (see
tests/fuzz/nic_fuzz.h): DMA writes into the n-th live region, register
values, polls, transmits. The seed files of the fuzz_nic_* targets build
valid receive events with these, so short runs start past the checks of
descriptor status and length."""
import struct


def dma_bytes(region, offset, data):
    """Writes data (at most 255 bytes per op) at offset of live region n."""
    ops = b''
    for start in range(0, len(data), 255):
        chunk = data[start:start + 255]
        ops += bytes([0, region]) + struct.pack('<HB', offset + start, len(chunk)) + chunk
    return ops


def dma_word(region, offset, value):
    return bytes([8, region]) + struct.pack('<HI', offset, value)


def register(bar, offset, value, width=4):
    op = {1: 3, 2: 3 + 8, 4: 3 + 16}[width]
    return bytes([op, bar]) + struct.pack('<HI', offset, value)


def poll():
    return bytes([4])


def transmit(frame):
    return bytes([6]) + struct.pack('<H', len(frame)) + frame


def frame(length=60, seed=1):
    """A broadcast ARP-like frame of the given length."""
    body = bytes((seed + 7 * i) & 0xff for i in range(max(0, length - 14)))
    return (b'\xff' * 6 + bytes([0x52, 0x54, 0, 0x12, 0x34, 0x56]) + b'\x08\x06' + body)[:length]
