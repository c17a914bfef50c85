# SPDX-License-Identifier: GPL-2.0-or-later
"""Seeds for fuzz_tftp: the first byte says which options were asked for
(all of them here), the rest is an OACK or ERROR body."""
from seedlib import tftp_oack


def seeds():
    return [
        ('oack', b'\x0f' + tftp_oack(blksize=1024, tsize=123456, timeout=5,
                                     windowsize=8)[2:]),
        ('oack-blksize', b'\x01' + tftp_oack(blksize=512)[2:]),
        ('error', b'\x00' + b'\0\1File not found\0'),
    ]
