"""Real traffic through our e1000e driver on QEMU's e1000e (82574L).

The same ARP round trip and full-stack boot (DHCP, 8 MiB by TFTP, chain)
as test_nic_e1000.py, whose helpers this uses.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from test_nic_e1000 import (check_arp_round_trip,  # noqa: E402
                            check_dhcp_tftp_and_chain)


def test_nic_e1000e_82574l_arp_round_trip():
    check_arp_round_trip('e1000e', 'e1000e', '82574l', '52:54:00:e1:00:74')


def test_nic_e1000e_dhcp_tftp_and_chain():
    check_dhcp_tftp_and_chain('e1000e', 'e1000e')
