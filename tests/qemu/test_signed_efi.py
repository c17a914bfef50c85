# SPDX-License-Identifier: GPL-2.0-or-later
"""Signed images under OVMF: ipxe.efi built with TRUST= a test CA
(tests/lib/signing.py), the test program and its detached CMS signature on
QEMU's TFTP server. After imgtrust, chain refuses the unsigned program,
naming it, and the script goes on along its ||; imgverify accepts the
signature and the verified program runs with its arguments.
"""
import os
import re
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'lib'))
sys.path.insert(0, os.path.dirname(__file__))
from wbtest import ROOT, check  # noqa: E402
from test_driver_mode import TESTPROG_MARKER  # noqa: E402
from test_secure_boot import run_script  # noqa: E402
import signing  # noqa: E402

SCRIPT = '''imgtrust
chain tftp://${next-server}/unsigned.efi || echo UNSIGNED-REFUSED
imgverify tftp://${next-server}/signed.efi tftp://${next-server}/signed.efi.sig
chain signed.efi cms-ok
'''


def test_imgtrust_refuses_unsigned_efi_and_runs_signed():
    keys = tempfile.mkdtemp(prefix='wireboot-cms-keys-')
    top = None
    try:
        signing.make(keys, names=('ca', 'signer'))
        top, ipxe = signing.trusted_build(os.path.join(keys, 'ca.crt'),
                                          'bin-x86_64-efi/ipxe.efi')
        program = os.path.join(ROOT, 'bin-x86_64-efi', 'testprog.efi')
        signed = os.path.join(keys, 'signed.efi')
        shutil.copy(program, signed)
        signing.sign(keys, 'signer', signed)
        text = run_script('cms-efi', ipxe,
                          {'signed.efi': signed, 'signed.efi.sig': signed + '.sig',
                           'unsigned.efi': program},
                          SCRIPT, TESTPROG_MARKER + r', load options: \[[^\]]*cms-ok')
    finally:
        shutil.rmtree(keys, ignore_errors=True)
        if top:
            shutil.rmtree(top, ignore_errors=True)
    check('unsigned.efi: not trusted (no valid signature)' in text,
          'no message naming the refused image:\n' + text[-3000:])
    check(re.search(r'signed\.efi: signature verified \(signed by wireboot Test Signer\)',
                    text), 'imgverify did not accept the signature:\n' + text[-3000:])
    check(text.index('UNSIGNED-REFUSED') < text.index('WIREBOOT-TESTPROG'),
          'the || branch did not run before the signed program:\n' + text[-3000:])
    check(text.count('WIREBOOT-TESTPROG: started') == 1,
          'the unsigned program ran:\n' + text[-3000:])
