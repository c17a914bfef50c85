# SPDX-License-Identifier: GPL-2.0-or-later
"""Real traffic through our e1000e driver on QEMU's e1000e (82574L
8086:10d3): tests/lib/nictest.py's ARP round trip (MAC address read from
the chip) and full-stack boot (DHCP, 8 MiB by TFTP, chain-load), then the
full receive ring of test_nic_e1000.py."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'lib'))
sys.path.insert(0, os.path.dirname(__file__))
from nictest import (check_arp_round_trip, check_dhcp_tftp_and_chain,  # noqa: E402
                     check_receive_overflow)


def test_nic_e1000e_82574l_arp_round_trip():
    check_arp_round_trip('e1000e', 'e1000e', '82574l', '52:54:00:e1:00:74')


def test_nic_e1000e_dhcp_tftp_and_chain():
    check_dhcp_tftp_and_chain('e1000e', 'e1000e')


def test_nic_e1000e_survives_a_full_receive_ring():
    check_receive_overflow('e1000e', 'e1000e', 'e1000e net0: receive ring was full')
