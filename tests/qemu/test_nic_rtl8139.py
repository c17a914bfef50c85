# SPDX-License-Identifier: GPL-2.0-or-later
"""Real traffic through our rtl8139 driver (QEMU's Realtek RTL8139C+, which
the driver runs in C+ descriptor mode), with tests/lib/nictest.py's proofs:
an ARP round trip with no stack (MAC address read from the chip; OVMF
assigns both BARs and the driver prefers the memory one), then DHCP, 8 MiB
by TFTP (both descriptor rings wrap hundreds of times) and a chain-load.
The original mode's receive ring (QEMU has no chip without C+ mode) is
tests/unit/test_rtl8139.c's and the fuzz target's."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'lib'))
from nictest import check_arp_round_trip, check_dhcp_tftp_and_chain  # noqa: E402
from wbtest import check  # noqa: E402


def test_nic_rtl8139_arp_round_trip():
    text = check_arp_round_trip('rtl8139', 'rtl8139', 'rtl8139', '52:54:00:81:39:01',
                                pci_id='10ec:8139')
    check('rtl8139, memory BAR1' in text, 'registers not reached through BAR1:\n%s'
          % text[-2500:])
    check('BAR1, C+ mode' in text, 'the chip not run in C+ mode:\n%s' % text[-2500:])


def test_nic_rtl8139_dhcp_tftp_and_chain():
    check_dhcp_tftp_and_chain('rtl8139', 'rtl8139')
