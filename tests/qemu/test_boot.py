# SPDX-License-Identifier: GPL-2.0-or-later
"""The application and the test program boot for real under OVMF."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'lib'))
from wbtest import BANNER, BIN, Machine, boot_esp, check  # noqa: E402


def test_ipxe_efi_prints_banner():
    image = os.path.join(BIN, 'ipxe.efi')
    with Machine('boot-ipxe', esp=boot_esp(image), args=['-net', 'none']) as vm:
        match = vm.wait_for(BANNER + r'\nFeatures:([^\n]*)\n')
        check(match.group(2) == 'ipxe', 'banner names image %r' % match.group(2))
        check(match.group(3) == 'default', 'banner names config %r' % match.group(3))
        check('console-efi' in match.group(4).split(),
              'feature list %r lacks the console' % match.group(4))


def test_testprog_prints_marker_and_powers_off():
    image = os.path.join(BIN, 'testprog.efi')
    with Machine('boot-testprog', esp=boot_esp(image), args=['-net', 'none']) as vm:
        vm.wait_for(r'WIREBOOT-TESTPROG: started, load options: \[')
        vm.wait_exit(60)
