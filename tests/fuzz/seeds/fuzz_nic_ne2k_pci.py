# SPDX-License-Identifier: GPL-2.0-or-later
"""Seeds for fuzz_nic_ne2k_pci: ring entries in the card memory (header:
status, next page, byte count; then the frame), CURR moved past them and
"frame received" raised, one entry wrapping at the ring's end; a transmit
finished through ISR."""
import struct

from nic_program import dma_bytes, frame, poll, register, transmit

CARD = 0                      # the card memory is the first live region
PAGE = 256
RX_START, RX_STOP = 0x40 + 6, 0x80
ISR, CURR_PAGE1 = 0x07, 0x100 + 0x07
PRX, PTX = 0x01, 0x02


def entry(page, data):
    pages = (len(data) + 4 + PAGE - 1) // PAGE
    following = page + pages
    if following >= RX_STOP:
        following -= RX_STOP - RX_START
    return following, struct.pack('<BBH', 0x01, following, len(data) + 4) + data


def stored(page, data):
    """The entry as the chip stores it: split at the ring's end."""
    following, raw = entry(page, data)
    start = page * PAGE
    room = RX_STOP * PAGE - start
    ops = dma_bytes(CARD, start, raw[:room])
    if len(raw) > room:
        ops += dma_bytes(CARD, RX_START * PAGE, raw[room:])
    return following, ops


def seeds():
    first = RX_START + 1
    following, ops = stored(first, frame(60, 1))
    following, more = stored(following, frame(1514, 2))
    yield 'receive', (ops + more + register(0, CURR_PAGE1, following, 1) +
                      register(0, ISR, PRX, 1) + poll())
    page, ops = first, b''
    for n in range(12):       # 6 pages each: the ring wraps
        page, more = stored(page, frame(1514, n))
        ops += more + register(0, CURR_PAGE1, page, 1) + register(0, ISR, PRX, 1) + poll()
    yield 'receive-wrapping', ops
    yield 'transmit', transmit(frame(42)) + register(0, ISR, PTX, 1) + poll()
