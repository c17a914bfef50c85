# SPDX-License-Identifier: GPL-2.0-or-later
"""Seeds for fuzz_editline: the first byte chooses hidden input (odd),
then pairs of (key index, character): an index past the key table types
the character."""


def typed(text):
    return b''.join(b'\xff' + bytes([c]) for c in text.encode())


def seeds():
    return [
        ('edit', b'\0' + typed('echo hi') + b'\0\0\0\0' + typed('x') +
         b'\x09\0\x0a\0\x0d\0\x13\0'),
        ('complete', b'\0' + typed('e') + b'\x0a\0\x0a\0' + typed('${net') +
         b'\x0a\0\x0a\0\x13\0'),
        ('history', b'\0\x04\0\x04\0\x05\0\x0e\0' + typed('y') + b'\x13\0'),
        ('hidden', b'\1' + typed('secret') + b'\x0a\0\x04\0\x13\0'),
        ('menu', b'\0\x06\0\x07\0\x07\0\x02\0\x03\0' + typed('c') +
         b'\x15\0\x14\0'),
    ]
