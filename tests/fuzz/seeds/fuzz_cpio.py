# SPDX-License-Identifier: GPL-2.0-or-later
"""Seeds for fuzz_cpio: a mode word, a path, a NUL, the file's data."""
import struct


def seeds():
    return [
        ('nested', struct.pack('<I', 0o644) + b'/etc/wireboot/x.conf\0key=value\n'),
        ('relative', struct.pack('<I', 0o600) + b'x\0'),
        ('dotdot', struct.pack('<I', 0o644) + b'/a/../b\0data'),
    ]
