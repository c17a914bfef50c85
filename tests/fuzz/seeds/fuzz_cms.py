# SPDX-License-Identifier: GPL-2.0-or-later
"""Seeds for fuzz_cms: real signatures by openssl (tests/lib/signing.py)
in the target's layout -- root length (16 bits, little-endian), root DER,
content length, content, signature: an RSA signer under the root, an
ECDSA signer through an intermediate the signature carries, a signature
that carries its content, and a rogue signer's."""
import os
import shutil
import struct
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', '..', 'lib'))
import signing  # noqa: E402


def seeds():
    top = tempfile.mkdtemp(prefix='fuzz-cms-')
    try:
        signing.make(top, names=('ca', 'inter', 'signer', 'ecsigner',
                                 'rogueca', 'roguesigner'))
        content = b'#!ipxe\necho fuzz\n'
        path = os.path.join(top, 'data')
        with open(path, 'wb') as f:
            f.write(content)
        root = open(os.path.join(top, 'ca.der'), 'rb').read()
        found = []
        for name, signer, attached in (('rsa', 'signer', False),
                                       ('ecdsa-chain', 'ecsigner', False),
                                       ('attached', 'signer', True),
                                       ('rogue', 'roguesigner', False)):
            sig = open(signing.sign(top, signer, path, attached=attached,
                                    out=path + '.' + name), 'rb').read()
            found.append((name, struct.pack('<H', len(root)) + root +
                          struct.pack('<H', len(content)) + content + sig))
        return found
    finally:
        shutil.rmtree(top, ignore_errors=True)
