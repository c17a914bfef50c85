# SPDX-License-Identifier: GPL-2.0-or-later
"""Seeds for fuzz_dhcp_client: whole exchanges as servers play them, the
transaction id and MAC written in by the target (control bits 0 and 1);
bits 2-3 choose the sender: 0 the server, 1 the ProxyDHCP server, 2 the
latter on port 4011, 3 a stranger. After a lease, boot server discovery
for type 0x8001 takes the rest."""
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

# A boot menu (broadcast off, 0x8001 served by 10.0.0.2) and that
# server's answer to discovery.
pxe_menu = dhcp_option(43, bytes([6, 1, 3, 8, 7, 0x80, 1, 1, 10, 0, 0, 2,
                                  9, 7, 0x80, 1, 4]) + b'Live' + b'\xff')
menu_offer = dhcp_message(OFFER, siaddr='10.0.0.2', server='10.0.0.2',
                          options=dhcp_option(60, b'PXEClient') + pxe_menu)
boot_ack = dhcp_message(ACK, '10.0.0.5', '10.0.0.2', '10.0.0.2',
                        dhcp_option(60, b'PXEClient') +
                        dhcp_option(43, bytes([71, 4, 0x80, 1, 0, 0, 255])) +
                        dhcp_option(67, b'live.efi'))


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
        # A boot menu: no port 4011 question; discovery answered.
        ('pxebs', record(FIX | PROXY, menu_offer) + record(FIX, lease(OFFER)) +
         record(FIX, lease(ACK)) + record(FIX | PROXY_4011, boot_ack)),
        # Discovery answered only after its first retry.
        ('pxebs-late', record(FIX, lease(OFFER, file=b'f')) +
         record(FIX, lease(ACK, file=b'f')) +
         record(FIX | delay(8), boot_ack)),
        # Silence, then a late offer after retries.
        ('late', record(FIX | delay(10), lease(OFFER, file=b'x')) +
         record(FIX, lease(ACK, file=b'x'))),
    ]
