# SPDX-License-Identifier: GPL-2.0-or-later
"""Real traffic through our ne2k-pci driver (QEMU's ne2k_pci, a Realtek
RTL8029 with an NE2000-compatible DP8390 core), with tests/lib/nictest.py's
proofs. Every byte moves by programmed I/O through the data port, so the
download is the slow one among the NICs."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'lib'))
from nictest import check_arp_round_trip, check_dhcp_tftp_and_chain  # noqa: E402


def test_nic_ne2k_pci_arp_round_trip():
    check_arp_round_trip('ne2k-pci', 'ne2k_pci', 'rtl8029', '52:54:00:80:29:01',
                         pci_id='10ec:8029')


def test_nic_ne2k_pci_dhcp_tftp_and_chain():
    check_dhcp_tftp_and_chain('ne2k-pci', 'ne2k_pci')
