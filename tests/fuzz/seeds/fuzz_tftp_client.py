# SPDX-License-Identifier: GPL-2.0-or-later
"""Seeds for fuzz_tftp_client: transfers as servers play them. The first
byte picks the URI: 0 the defaults (blksize 1432, windowsize 16, tsize),
1 blksize 8 and windowsize 4, 2 no options, 3 blksize 512 and timeout 1.
Control bits 2-3 choose the sender: 0 the transfer port, 1 another one,
2 port 69, 3 another address."""
from seedlib import (delay, record, tftp_data, tftp_error, tftp_oack)


def blocks(first, count, size, last=None):
    out = b''
    for number in range(first, first + count):
        out += record(0, tftp_data(number, bytes([number & 0xff]) * size))
    if last is not None:
        out += record(0, tftp_data(first + count, b'e' * last))
    return out


def seeds():
    return [
        ('defaults', b'\0' + record(0, tftp_oack(blksize=1432, windowsize=16,
                                                 tsize=2000)) +
         blocks(1, 1, 1432, last=568)),
        ('window', b'\1' + record(0, tftp_oack(blksize=8, windowsize=4, tsize=35)) +
         blocks(1, 4, 8, last=3)),
        ('reorder', b'\1' + record(0, tftp_oack(blksize=8, windowsize=4)) +
         record(0, tftp_data(2, b'b' * 8)) + record(0, tftp_data(1, b'a' * 8)) +
         record(delay(6), tftp_data(2, b'b' * 8)) +
         record(4, tftp_data(3, b'stranger')) + record(0, tftp_data(3, b'c'))),
        ('plain', b'\2' + blocks(1, 2, 512, last=10)),
        ('error', b'\3' + record(0, tftp_oack(blksize=512, timeout=1)) +
         record(0, tftp_data(1, b'x' * 512)) +
         record(delay(6), tftp_error(1, 'File not found'))),
    ]
