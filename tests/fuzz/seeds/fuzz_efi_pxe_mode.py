# SPDX-License-Identifier: GPL-2.0-or-later
"""Seeds for fuzz_efi_pxe_mode: the ACK's length, the ACK, a ProxyDHCP
answer, then (used when the first byte is odd) the started image's path."""
import struct

from seedlib import ACK, OFFER, dhcp_message, dhcp_option, lease_options


def seeds():
    ack = dhcp_message(ACK, '10.0.2.15', '10.0.2.2', '10.0.2.2', lease_options(),
                       file=b'boot.ipxe')
    proxy = dhcp_message(OFFER, siaddr='10.0.2.2', server='10.0.2.2',
                         options=dhcp_option(60, b'PXEClient'))
    path = b'/efi/shimx64.efi'.ljust(130, b'\0')
    odd = len(ack) | 1
    return [
        ('ack-proxy', struct.pack('<H', len(ack)) + ack + proxy),
        ('ack-named', struct.pack('<H', odd) + ack + b'\0' * (odd - len(ack)) + path),
    ]
