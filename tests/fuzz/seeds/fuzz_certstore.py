# SPDX-License-Identifier: GPL-2.0-or-later
"""Seeds for fuzz_certstore: the first byte picks the parser (0: a DER
certificate, 1: PEM text, 2: an EFI_SIGNATURE_LIST sequence), the rest is
its input. The certificate is built here, element by element."""
import base64
import struct

X509_GUID = bytes.fromhex('a159c0a5e494a74a87b5ab155c2bf072')


def tlv(tag, content):
    n = len(content)
    if n < 128:
        length = bytes([n])
    elif n < 256:
        length = bytes([0x81, n])
    else:
        length = bytes([0x82, n >> 8, n & 0xff])
    return bytes([tag]) + length + content


def name(cn):
    attr = tlv(0x30, tlv(0x06, b'\x55\x04\x03') + tlv(0x0c, cn))
    org = tlv(0x30, tlv(0x06, b'\x55\x04\x0a') + tlv(0x13, b'Seeds'))
    return tlv(0x30, tlv(0x31, org) + tlv(0x31, attr))


def certificate(cn, generalized=False):
    alg = tlv(0x30, tlv(0x06, bytes.fromhex('2a8648ce3d040302')))
    if generalized:
        validity = tlv(0x18, b'20240101000000Z') + tlv(0x18, b'20491231235959Z')
    else:
        validity = tlv(0x17, b'240101000000Z') + tlv(0x17, b'491231235959Z')
    tbs = (tlv(0xa0, tlv(0x02, b'\x02')) + tlv(0x02, b'\x01') + alg +
           name(b'Seed Root') + tlv(0x30, validity) + name(cn) +
           tlv(0x30, alg + tlv(0x03, b'\x00\x04\x01')))
    return tlv(0x30, tlv(0x30, tbs) + alg + tlv(0x03, b'\x00\x01\x02'))


def pem(der):
    body = base64.b64encode(der)
    lines = [body[i:i + 64] for i in range(0, len(body), 64)]
    return b'-----BEGIN CERTIFICATE-----\n' + b'\n'.join(lines) + b'\n-----END CERTIFICATE-----\n'


def siglist(guid, entries, header=b''):
    size = 16 + len(entries[0])
    body = b''.join(bytes(16) + e for e in entries)
    return guid + struct.pack('<III', 28 + len(header) + len(body), len(header), size) + header + body


def seeds():
    a, b = certificate(b'a.example'), certificate(b'b.example', True)
    return [
        ('der', b'\x00' + a),
        ('der-generalized', b'\x00' + b),
        ('pem-bundle', b'\x01# bundle\n' + pem(a) + b'text\n' + pem(b)),
        ('siglist', b'\x02' + siglist(bytes(16), [bytes(32)]) + siglist(X509_GUID, [a]) +
         siglist(X509_GUID, [b], b'hdr')),
    ]
