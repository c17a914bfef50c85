# SPDX-License-Identifier: GPL-2.0-or-later
"""Code-signing fixtures made by openssl at test time.

make(directory) writes, as PEM (.crt, .key) and DER (.der):
  ca            the test root CA (what the firmware is told to trust)
  inter         an intermediate CA under ca
  signer        a code-signing certificate under ca (RSA)
  ecsigner      a code-signing certificate under inter (ECDSA P-256)
  server        a TLS server certificate under ca (not for code signing)
  rogueca       a CA nobody trusts, and roguesigner, a code signer under it
and sign(directory, name, path) makes path + '.sig', a detached CMS
signature by that certificate (ecsigner's carries inter) as
`openssl cms -sign -binary -outform DER` makes it.

trusted_build(ca, target) builds the hosted program or an EFI image with
TRUST=ca (its built-in roots) in a copy of the tree, reusing the objects
already built: only the roots and the link are made again.

Run as a program (python3 tests/lib/signing.py DIR) it makes the
certificates in DIR and a file DIR/data with signatures by each
certificate (data.NAME.sig), one carrying the data (data.signer.att) and
one carrying no certificate (data.nocerts.sig), for the unit test of the
CMS code.
"""

import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(__file__))
from wbtest import relinked_build  # noqa: E402

_EXT = {
    'ca': 'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n',
    'code': 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\n'
            'extendedKeyUsage=codeSigning\n',
    'server': 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\n'
              'extendedKeyUsage=serverAuth\n',
}

# name: (common name, issuer, extensions, key type)
CERTS = [
    ('ca', 'wireboot Test CA', None, 'ca', 'rsa'),
    ('inter', 'wireboot Test Intermediate', 'ca', 'ca', 'rsa'),
    ('signer', 'wireboot Test Signer', 'ca', 'code', 'rsa'),
    ('ecsigner', 'wireboot EC Signer', 'inter', 'code', 'ec'),
    ('server', 'wireboot Test Server', 'ca', 'server', 'rsa'),
    ('rogueca', 'Rogue CA', None, 'ca', 'rsa'),
    ('roguesigner', 'Rogue Signer', 'rogueca', 'code', 'rsa'),
]

CHAIN = {'ecsigner': 'inter'}


def _run(*args):
    subprocess.run(['openssl'] + list(args), check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def make(directory, names=None):
    """The certificates (those named, with their issuers listed first,
    or all)."""
    os.makedirs(directory, exist_ok=True)
    p = lambda *parts: os.path.join(directory, *parts)
    for serial, (name, cn, issuer, ext, keytype) in enumerate(CERTS, 1):
        if names is not None and name not in names:
            continue
        key, crt = p(name + '.key'), p(name + '.crt')
        if keytype == 'ec':
            _run('genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256',
                 '-out', key)
        else:
            _run('genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048',
                 '-out', key)
        extfile = p(name + '.ext')
        with open(extfile, 'w') as f:
            f.write(_EXT[ext] + 'subjectKeyIdentifier=hash\n' +
                    ('authorityKeyIdentifier=keyid\n' if issuer else ''))
        if issuer is None:
            _run('req', '-new', '-x509', '-key', key, '-subj', '/CN=' + cn,
                 '-days', '3650', '-sha256', '-extensions', 'v3',
                 '-config', _config(directory, extfile), '-out', crt)
        else:
            csr = p(name + '.csr')
            _run('req', '-new', '-key', key, '-subj', '/CN=' + cn, '-out', csr,
                 '-config', _config(directory, None))
            _run('x509', '-req', '-in', csr, '-CA', p(issuer + '.crt'),
                 '-CAkey', p(issuer + '.key'), '-set_serial',
                 str(serial), '-days', '3650', '-sha256',
                 '-extfile', extfile, '-out', crt)
        _run('x509', '-in', crt, '-outform', 'DER', '-out', p(name + '.der'))


def _config(directory, extfile):
    path = os.path.join(directory, 'req.cnf' if extfile is None else 'req-v3.cnf')
    with open(path, 'w') as f:
        f.write('[req]\ndistinguished_name=dn\n[dn]\n')
        if extfile:
            f.write('[v3]\n' + open(extfile).read())
    return path


def sign(directory, name, path, attached=False, out=None, extra=()):
    """The detached (or, attached, -nodetach) signature of path by name;
    extra: more options of openssl cms (-nocerts)."""
    p = lambda *parts: os.path.join(directory, *parts)
    out = out or path + '.sig'
    args = ['cms', '-sign', '-binary', '-outform', 'DER', '-in', path,
            '-signer', p(name + '.crt'), '-inkey', p(name + '.key'), '-out', out]
    if name in CHAIN and '-nocerts' not in extra:
        args += ['-certfile', p(CHAIN[name] + '.crt')]
    args += list(extra)
    if attached:
        args.append('-nodetach')
    _run(*args)
    return out


def trusted_build(ca, target):
    """target (bin-x86_64-linux/wireboot or bin-x86_64-efi/<image>.efi)
    built with TRUST=ca; returns (a scratch directory the caller removes,
    the target's path)."""
    return relinked_build('trust', target, ['TRUST=' + ca])


def _main(directory):
    make(directory)
    data = os.path.join(directory, 'data')
    with open(data, 'wb') as f:
        f.write(b'#!ipxe\necho signed image\n' * 40)
    for name in ('signer', 'ecsigner', 'server', 'roguesigner'):
        sign(directory, name, data, out='%s.%s.sig' % (data, name))
    sign(directory, 'signer', data, attached=True, out=data + '.signer.att')
    sign(directory, 'signer', data, out=data + '.nocerts.sig', extra=['-nocerts'])


if __name__ == '__main__':
    _main(sys.argv[1])
