# SPDX-License-Identifier: GPL-2.0-or-later
"""Real traffic through our eepro100 driver, on QEMU's Intel 8255x models.

The i82559er is the model of record (8086:1209); the i82557b stands for
the 8086:1229 family (82557/8/9 A-C) and the i82801 for ICH2's 8086:2449.
Each NIC gets a MAC address of its own, which the driver must read from
the serial EEPROM. With tests/lib/nictest.py's proofs; the full stack
(DHCP, 8 MiB by TFTP, chain-loading) runs on the i82559er, then again under
a flood that fills the receive frame area (the receive unit must be
restarted).
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'lib'))
from nictest import (check_arp_round_trip, check_dhcp_tftp_and_chain,  # noqa: E402
                     check_receive_overflow)

# QEMU device, PCI ID, model name in our ID table, MAC address to give it.
EEPRO100_MODELS = (
    ('i82559er', '8086:1209', '82559er', '52:54:00:82:55:9e'),
    ('i82557b', '8086:1229', '82557', '52:54:00:82:55:7b'),
    ('i82801', '8086:2449', '82801ba', '52:54:00:82:80:01'),
)


def _model_test(device, pci_id, model, mac):
    def test():
        check_arp_round_trip('eepro100', device, model, mac, pci_id=pci_id)
    test.__name__ = 'test_nic_eepro100_%s_arp_round_trip' % device
    return test


def test_nic_eepro100_dhcp_tftp_and_chain():
    check_dhcp_tftp_and_chain('eepro100', 'i82559er')


def test_nic_eepro100_survives_a_full_receive_ring():
    check_receive_overflow('eepro100', 'i82559er',
                           'eepro100 net0: receive ring was full, '
                           'receive unit restarted')


for _model in EEPRO100_MODELS:
    _test = _model_test(*_model)
    globals()[_test.__name__] = _test
del _model, _test
