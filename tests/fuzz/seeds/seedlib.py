# SPDX-License-Identifier: GPL-2.0-or-later
"""Valid packets and datagram sequences for the fuzz targets' seed corpora.

Each tests/fuzz/seeds/<target>.py writes a few inputs for bin-host/fuzz/
<target> into the corpus directory it is given (tests/run.py calls it
before fuzzing), so that fuzzing starts from messages that pass the
parsers' first checks instead of from nothing. Inputs are made here, at
test time, never kept in the tree.
"""
import struct

MAC = bytes([0x52, 0x54, 0x00, 0x12, 0x34, 0x56])

# DHCP message types and options (RFC 2131, RFC 2132).
DISCOVER, OFFER, REQUEST, DECLINE, ACK, NAK = 1, 2, 3, 4, 5, 6


def ip(text):
    return bytes(int(part) for part in text.split('.'))


def dhcp_option(tag, value):
    return bytes([tag, len(value)]) + value


def dhcp_message(msg_type, yiaddr='0.0.0.0', siaddr='0.0.0.0', server=None,
                 options=b'', file=b'', xid=0x12345678):
    """A BOOTP reply with the DHCP options given (type first)."""
    header = struct.pack('!BBBBIHH4s4s4s4s16s64s128sI', 2, 1, 6, 0, xid, 0, 0,
                         bytes(4), ip(yiaddr), ip(siaddr), bytes(4),
                         MAC + bytes(10), bytes(64), file.ljust(128, b'\0'),
                         0x63825363)
    body = dhcp_option(53, bytes([msg_type]))
    if server:
        body += dhcp_option(54, ip(server))
    return header + body + options + b'\xff'


def lease_options():
    return (dhcp_option(1, ip('255.255.255.0')) + dhcp_option(3, ip('10.0.0.1')) +
            dhcp_option(6, ip('10.0.0.3')) + dhcp_option(15, b'example.test') +
            dhcp_option(51, struct.pack('!I', 3600)))


def dns_name(name):
    out = b''
    for label in name.split('.'):
        out += bytes([len(label)]) + label.encode()
    return out + b'\0'


def dns_answer(name='boot.example', ident=0x1234, records=None, rcode=0,
               qtype=1, authority=()):
    """A response to the question for name (type qtype, A by default);
    records are (type, rdata) owned by the question's name, or (type,
    rdata, owner) with owner the offset of a name earlier in the message;
    authority records likewise."""
    records = records if records is not None else [(1, ip('192.0.2.7'))]
    out = struct.pack('!HHHHHH', ident, 0x8180 | rcode, 1, len(records),
                      len(authority), 0)
    out += dns_name(name) + struct.pack('!HH', qtype, 1)
    for rtype, rdata, *owner in list(records) + list(authority):
        pointer = 0xc000 | (owner[0] if owner else 12)
        out += struct.pack('!HHHIH', pointer, rtype, 1, 60, len(rdata)) + rdata
    return out


def dns_soa(minimum=30):
    """SOA record data: root names, then serial ... minimum."""
    return b'\0\0' + struct.pack('!IIIII', 1, 2, 3, 4, minimum)


def dns_first_rdata(name='boot.example'):
    """Where the first record's data starts in dns_answer(name)."""
    return 12 + len(dns_name(name)) + 4 + 12


def tftp_oack(**options):
    out = b'\0\6'
    for key, value in options.items():
        out += key.encode() + b'\0' + str(value).encode() + b'\0'
    return out


def tftp_data(block, data):
    return struct.pack('!HH', 3, block & 0xffff) + data


def tftp_error(code, text):
    return struct.pack('!HH', 5, code) + text.encode() + b'\0'


def record(control, datagram):
    """One datagram of a client fuzzer's input (see fuzz_sequence.h)."""
    return bytes([control]) + struct.pack('!H', len(datagram)) + datagram


def delay(index):
    """The control nibble for fuzz_delays[index]."""
    return index << 4
