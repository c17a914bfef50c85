# SPDX-License-Identifier: GPL-2.0-or-later
"""Signed images in the hosted program: a test CA, a code-signing
certificate under it and a rogue CA with a signer of its own, made by
openssl (tests/lib/signing.py); the program built with TRUST= the test CA;
scripts and their detached CMS signatures served by TFTP.

imgverify accepts the good signature (imgstat shows the image TRUSTED and
the signature image is gone), refuses a tampered image, a rogue signer's
signature and the wrong --signer name, each with its reason; after
imgtrust an unsigned script is refused by chain, naming it, and the
verified one runs; imgtrust --permanent cannot be undone. The hosted
program runs scripts, not EFI programs: tests/qemu/test_signed_efi.py
does the same with an EFI program under OVMF.
"""
import os
import shutil
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'lib'))
from wbtest import check  # noqa: E402
from hostedlab import SERVER, SUBNET, Lab  # noqa: E402
import signing  # noqa: E402

GOOD = '#!ipxe\necho SIGNED-SCRIPT-RAN\n'
UNSIGNED = '#!ipxe\necho UNSIGNED-SCRIPT-RAN\n'

SCRIPT = '''set net0/ip {subnet}.62
set net0/netmask 255.255.255.0
set t tftp://{server}
set name wireboot Test Signer
imgverify --signer ${{name}} ${{t}}/good.ipxe ${{t}}/good.ipxe.sig && echo VERIFIED
imgstat
imgverify ${{t}}/tampered.ipxe ${{t}}/tampered.ipxe.sig || echo TAMPERED-REFUSED
imgverify ${{t}}/rogue.ipxe ${{t}}/rogue.ipxe.sig || echo ROGUE-REFUSED
imgverify --signer someone ${{t}}/other.ipxe ${{t}}/good.ipxe.sig || echo NAME-REFUSED
chain ${{t}}/unsigned.ipxe
imgtrust
chain ${{t}}/unsigned.ipxe || echo UNSIGNED-REFUSED
chain good.ipxe
imgtrust --allow && echo ALLOWED
imgtrust --permanent
imgtrust --allow || echo LOCKED
'''


def test_imgverify_and_imgtrust():
    with Lab('signed') as lab:
        keys = os.path.join(lab.files, 'keys')
        signing.make(keys, names=('ca', 'signer', 'rogueca', 'roguesigner'))
        top, program = signing.trusted_build(os.path.join(keys, 'ca.crt'),
                                             'bin-x86_64-linux/wireboot')
        try:
            root = os.path.join(lab.files, 'root')
            os.makedirs(root)
            files = {'good.ipxe': GOOD, 'other.ipxe': GOOD, 'rogue.ipxe': GOOD,
                     'unsigned.ipxe': UNSIGNED,
                     'tampered.ipxe': GOOD.replace('SIGNED', 'EVIL')}
            for name, text in files.items():
                with open(os.path.join(root, name), 'w') as f:
                    f.write(text)
            signing.sign(keys, 'signer', os.path.join(root, 'good.ipxe'))
            shutil.copy(os.path.join(root, 'good.ipxe.sig'),
                        os.path.join(root, 'tampered.ipxe.sig'))
            signing.sign(keys, 'roguesigner', os.path.join(root, 'rogue.ipxe'))
            server = lab.add_server(SERVER)
            lab.tftp_server(server, SERVER, root)
            lab.tftp_log()
            status, output = lab.wireboot(
                SCRIPT.format(subnet=SUBNET, server=SERVER), program=program)
        finally:
            shutil.rmtree(top, ignore_errors=True)
        check(status == 0, 'exit status %d:\n%s' % (status, output))
        for marker in ('VERIFIED', 'good.ipxe: signature verified (signed by '
                       'wireboot Test Signer)', 'TAMPERED-REFUSED',
                       'tampered.ipxe: signature does not match the image',
                       'ROGUE-REFUSED', 'rogue.ipxe: signer not trusted (issuer '
                       'CN=Rogue CA)', 'NAME-REFUSED',
                       'other.ipxe: signer is "wireboot Test Signer", not "someone"',
                       'UNSIGNED-SCRIPT-RAN',
                       'unsigned.ipxe: not trusted (no valid signature)',
                       'UNSIGNED-REFUSED', 'SIGNED-SCRIPT-RAN', 'ALLOWED',
                       'imgtrust: the choice of trusted images is permanent',
                       'LOCKED'):
            check(marker in output, 'no "%s" in:\n%s' % (marker, output))
        check(output.count('UNSIGNED-SCRIPT-RAN') == 1,
              'the unsigned script ran after imgtrust:\n' + output)
        stat = [line for line in output.splitlines() if line.startswith('good.ipxe:') and
                'bytes' in line]
        check(stat and '[TRUSTED]' in stat[0], 'imgstat: %s\n%s' % (stat, output))
        check(not any(line.startswith('good.ipxe.sig: ') and 'bytes' in line
                      for line in output.splitlines()),
              'the signature image was kept:\n' + output)
