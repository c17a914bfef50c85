# SPDX-License-Identifier: GPL-2.0-or-later
"""Seeds for fuzz_dhcp: offers and acknowledgements as servers send them."""
from seedlib import (ACK, NAK, OFFER, dhcp_message, dhcp_option, lease_options)

overloaded_file = (dhcp_option(67, b'over.efi\0') + b'\xff')

def seeds():
    return [
        ('offer', dhcp_message(OFFER, '10.0.0.5', '10.0.0.1', '10.0.0.1',
                               lease_options(), file=b'boot.efi')),
        ('ack-overload', dhcp_message(ACK, '10.0.0.5', '10.0.0.1', '10.0.0.1',
                                      lease_options() + dhcp_option(52, b'\x01'),
                                      file=overloaded_file)),
        ('proxy', dhcp_message(OFFER, siaddr='10.0.0.2', server='10.0.0.2',
                               options=dhcp_option(60, b'PXEClient') +
                               dhcp_option(67, b'proxy.efi'))),
        ('nak', dhcp_message(NAK, server='10.0.0.1')),
    ]
