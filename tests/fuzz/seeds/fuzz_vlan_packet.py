# SPDX-License-Identifier: GPL-2.0-or-later
"""Seeds for fuzz_vlan_packet: tag headers (TCI, inner ethertype)."""


def seeds():
    return [
        ('ipv4', b'\x60\x2a\x08\x00'),
        ('arp-dei', b'\x10\x05\x08\x06'),
        ('priority-only', b'\xe0\x00\x08\x00'),
        ('reserved', b'\x0f\xff\x86\xdd'),
    ]
