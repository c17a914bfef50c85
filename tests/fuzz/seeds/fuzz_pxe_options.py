# SPDX-License-Identifier: GPL-2.0-or-later
"""Seeds for fuzz_pxe_options: option 43 as PXE servers send it (dnsmasq's
boot menu with its boot servers, a boot server's answer) and as we send
it (the boot item)."""
import struct


def sub(tag, value):
    return bytes([tag, len(value)]) + value


def seeds():
    servers = (struct.pack('!HB', 0x8000, 1) + bytes([10, 79, 0, 1]) +
               struct.pack('!HB', 0x8001, 2) + bytes([10, 79, 0, 1, 10, 79, 0, 2]))
    menu = b''.join(struct.pack('!HB', kind, len(text)) + text
                    for kind, text in ((0x8000, b'First entry'),
                                       (0x8001, b'Second entry')))
    return [
        ('menu', sub(6, b'\x03') + sub(8, servers) + sub(9, menu) +
         sub(10, b'\x03Choose') + b'\xff'),
        ('mcast', sub(6, b'\x04') + sub(7, bytes([224, 0, 1, 2])) + sub(8, servers) + b'\xff'),
        ('answer', sub(71, struct.pack('!HH', 0x8001, 0)) + sub(10, b'\x07Choose') + b'\xff'),
    ]
