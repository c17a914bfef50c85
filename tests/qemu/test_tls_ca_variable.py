# SPDX-License-Identifier: GPL-2.0-or-later
"""The firmware's own trusted roots: OVMF's variable store file holds the
test CA in TlsCaCertificate (vendor gEfiTlsCaCertificateGuid, an
EFI_SIGNATURE_LIST of one EFI_CERT_X509 entry, non-volatile, as edk2's
TLS configuration keeps it) before the machine starts
(tests/lib/ovmfvars.py). ipxe.efi, with neither a certstore command nor
the CA among its built-in roots, lists the CA as coming from the variable
and downloads by HTTPS from nginx with a certificate of that CA, checked
by SHA-256; the same boot with the blank store refuses the server as
untrusted."""
import hashlib
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'lib'))
from wbtest import BIN, Machine, boot_esp, check  # noqa: E402
from hostedlab import make_file  # noqa: E402
from netlab import QemuLab  # noqa: E402
import ovmfvars  # noqa: E402
from tlslab import TestCA, https_boot_lab, signature_list  # noqa: E402

TLS_CA_GUID = 'fd2340d0-3dab-4349-a6c7-3b4f12b56a5c'
SCRIPT = '''#!ipxe
certstat
echo FETCH-START
imgfetch --name got https://boot.tls.test/file.bin && sha256sum got || echo REFUSED
echo SCRIPT-DONE
'''


def boot(name, with_variable):
    """One boot of ipxe.efi in a lab of its own (the relay follows one
    QEMU); with_variable: the store holds the lab's CA. Returns (the
    console text, the CA's SHA-256 fingerprint, the file's)."""
    with QemuLab('tlsca' + name) as lab:
        root = os.path.join(lab.files, 'root')
        os.mkdir(root)
        digest = make_file(root, 'file.bin', 1 << 20)
        ca = TestCA(os.path.join(lab.files, 'pki'), name='Variable Test CA')
        cert = ca.issue('boot.tls.test')
        args, web = https_boot_lab(lab, root, SCRIPT, cert)
        vm = Machine('tls-ca-variable-' + name, memory=512,
                     esp=boot_esp(os.path.join(BIN, 'ipxe.efi')), args=args)
        if with_variable:
            ovmfvars.set_variable(vm.vars, 'TlsCaCertificate', TLS_CA_GUID,
                                  signature_list([ca.der()]))
        with vm:
            vm.wait_for(r'FETCH-START\n', 240)
            vm.wait_for(r'SCRIPT-DONE\n', 180)
            text = vm.text()
        web.stop()
        return text, hashlib.sha256(ca.der()).hexdigest(), digest


def test_roots_from_ovmf_tls_ca_certificate_variable():
    text, fingerprint, digest = boot('set', True)
    check(re.search(r'Variable Test CA : %s \[TlsCaCertificate\]' % fingerprint, text),
          'certstat does not list the CA from the variable:\n' + text[-4000:])
    check('%s  got' % digest in text and 'REFUSED' not in text,
          'no download with the variable\'s CA:\n' + text[-3000:])

    text, fingerprint, _ = boot('unset', False)
    check('Variable Test CA' not in text.split('FETCH-START')[0],
          'the CA is listed without the variable:\n' + text[-3000:])
    check('REFUSED' in text and re.search(r'untrusted issuer \(boot\.tls\.test, '
                                          r'issued by CN=Variable Test CA\)', text),
          'no refusal without the variable:\n' + text[-3000:])
