# SPDX-License-Identifier: GPL-2.0-or-later
"""Seeds for fuzz_dhcp_client: whole exchanges as servers play them, the
transaction id and MAC written in by the target (control bits 0 and 1);
bits 2-3 choose the sender: 0 the server, 1 the ProxyDHCP server, 2 the
latter on port 4011, 3 a stranger."""
from seedlib import (ACK, NAK, OFFER, delay, dhcp_message, dhcp_option,
                     lease_options, record)

FIX = 3
SERVER, PROXY, PROXY_4011, STRANGER = 0, 4, 8, 12


def lease(msg_type, **kw):
    return dhcp_message(msg_type, '10.0.0.5', '10.0.0.1', '10.0.0.1',
                        lease_options(), **kw)


proxy_offer = dhcp_message(OFFER, siaddr='10.0.0.2', server='10.0.0.2',
                           options=dhcp_option(60, b'PXEClient'))
proxy_ack = dhcp_message(ACK, siaddr='10.0.0.2', server='10.0.0.2',
                         options=dhcp_option(60, b'PXEClient') +
                         dhcp_option(67, b'proxy.efi'))

def seeds():
    return [
        # A boot file in the offer: the REQUEST goes at once.
        ('plain', record(FIX, lease(OFFER, file=b'boot.efi')) +
         record(FIX, lease(ACK, file=b'boot.efi'))),
        # No boot file: a second's wait for ProxyDHCP before the REQUEST.
        ('wait', record(FIX, lease(OFFER)) + record(FIX | delay(7), lease(ACK))),
        # ProxyDHCP without a boot file: the question on port 4011.
        ('proxy', record(FIX | PROXY, proxy_offer) + record(FIX, lease(OFFER)) +
         record(FIX, lease(ACK)) + record(FIX | PROXY_4011, proxy_ack)),
        # Refused once, then bound; a stranger's ACK in between.
        ('nak', record(FIX, lease(OFFER, file=b'a')) + record(FIX, lease(NAK)) +
         record(FIX, lease(OFFER, file=b'a')) +
         record(FIX | STRANGER, lease(ACK, file=b'b')) +
         record(FIX, lease(ACK, file=b'a'))),
        # Silence, then a late offer after retries.
        ('late', record(FIX | delay(10), lease(OFFER, file=b'x')) +
         record(FIX, lease(ACK, file=b'x'))),
    ]
