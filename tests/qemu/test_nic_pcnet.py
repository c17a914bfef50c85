# SPDX-License-Identifier: GPL-2.0-or-later
"""Real traffic through our pcnet driver (QEMU's AMD PCnet-PCI II,
1022:2000), with tests/lib/nictest.py's proofs: an ARP round trip with no
stack (MAC address read from the address PROM), DHCP with 8 MiB by TFTP and
a chain-load, and a flood that fills the receive ring while the guest does
not poll."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'lib'))
from nictest import (check_arp_round_trip, check_dhcp_tftp_and_chain,  # noqa: E402
                     check_receive_overflow)


def test_nic_pcnet_arp_round_trip():
    check_arp_round_trip('pcnet', 'pcnet', 'am79c970a', '52:54:00:ac:97:0a',
                         pci_id='1022:2000')


def test_nic_pcnet_dhcp_tftp_and_chain():
    check_dhcp_tftp_and_chain('pcnet', 'pcnet')


def test_nic_pcnet_survives_a_full_receive_ring():
    check_receive_overflow('pcnet', 'pcnet', 'pcnet net0: receive ring was full')
