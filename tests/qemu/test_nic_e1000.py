# SPDX-License-Identifier: GPL-2.0-or-later
"""Real traffic through our e1000 driver, on each 8254x model QEMU offers
(e1000 = 82540EM 8086:100e, e1000-82545em 8086:100f, e1000-82544gc
8086:100c), with tests/lib/nictest.py's two proofs:

- nettest.efi (no protocol stack) exchanges ARP with QEMU's user-mode
  gateway through the driver; each NIC gets a MAC address of its own,
  which the driver must read from the chip;
- ipxe.efi with an embedded script: DHCP, 8 MiB by TFTP (SHA-256 checked,
  throughput printed) and a chain-load of the test program, on the 82540EM;
- then test_nic_pcnet.py's flood: the host floods the guest while it is
  busy, the receive ring runs full (intel.c says so: hence DEBUG=intel),
  and the NIC must still chain-load the test program afterwards.
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'lib'))
sys.path.insert(0, os.path.dirname(__file__))
from nictest import (check_arp_round_trip, check_dhcp_tftp_and_chain,  # noqa: E402
                     check_receive_overflow)

# QEMU device, the model our ID table names, the MAC address to give it.
E1000_MODELS = (
    ('e1000', '82540em', '52:54:00:e1:00:40'),
    ('e1000-82545em', '82545em', '52:54:00:e1:00:45'),
    ('e1000-82544gc', '82544gc', '52:54:00:e1:00:44'),
)


def _model_test(device, model, mac):
    def test():
        check_arp_round_trip('e1000', device, model, mac)
    test.__name__ = 'test_nic_e1000_%s_arp_round_trip' % model
    return test


for _model in E1000_MODELS:
    _test = _model_test(*_model)
    globals()[_test.__name__] = _test
del _model, _test


def test_nic_e1000_dhcp_tftp_and_chain():
    check_dhcp_tftp_and_chain('e1000', 'e1000')


def test_nic_e1000_survives_a_full_receive_ring():
    check_receive_overflow('e1000', 'e1000', 'e1000 net0: receive ring was full')
