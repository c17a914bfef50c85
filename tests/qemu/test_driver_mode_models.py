# SPDX-License-Identifier: GPL-2.0-or-later
"""Driver mode on every NIC model besides virtio-net (test_driver_mode.py)
and vmxnet3 (test_nic_vmxnet3.py): the thin ROM (CONFIG=qemu) lets OVMF's
own PXE boot the test program over our SNP, and the full ROM boots it
through our stack, with no firmware PXE. OVMF has no driver of its own for
these NICs, so the ROM is the only way they network-boot at all."""
import atexit
import os
import re
import shutil
import sys
import threading

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'lib'))
sys.path.insert(0, os.path.dirname(__file__))
from test_driver_mode import TESTPROG_MARKER, pxe_boot  # noqa: E402
from wbtest import BANNER, BIN, check, run_make, scratch_tree  # noqa: E402

# Our driver name and the QEMU device it serves.
MODELS = (('e1000', 'e1000'), ('e1000e', 'e1000e'), ('rtl8139', 'rtl8139'),
          ('pcnet', 'pcnet'), ('ne2k-pci', 'ne2k_pci'), ('eepro100', 'i82559er'))

_lock = threading.Lock()
_thin_tree = []


def thin_rom(driver):
    """The CONFIG=qemu ROMs of every driver, built once in a scratch tree."""
    with _lock:
        if not _thin_tree:
            top, tree = scratch_tree('thin-roms')
            atexit.register(shutil.rmtree, top, True)
            run_make(['CONFIG=qemu', 'all-roms'], cwd=tree)
            _thin_tree.append(tree)
    return os.path.join(_thin_tree[0], 'bin-x86_64-efi', driver + '.efirom')


def check_thin(driver, device):
    run_make(['bin-x86_64-efi/testprog.efi'])
    text = pxe_boot('driver-thin-' + device, thin_rom(driver),
                    [r'>>Start PXE over IPv4', TESTPROG_MARKER], device=device)
    check(not re.search(BANNER, text), 'a thin ROM ran our stack:\n%s' % text[-3000:])


def check_full(driver, device):
    run_make(['bin-x86_64-efi/%s.efirom' % driver, 'bin-x86_64-efi/testprog.efi'])
    text = pxe_boot('driver-full-' + device, os.path.join(BIN, driver + '.efirom'),
                    [BANNER, TESTPROG_MARKER + '|Nothing booted'], device=device)
    check(re.search(TESTPROG_MARKER, text),
          'our stack did not boot the test program:\n%s' % text[-3000:])
    check(re.search(BANNER, text).group(2) == driver, 'not the %s ROM' % driver)
    check('>>Start PXE' not in text,
          "the firmware's PXE ran although our LoadFile should boot:\n%s" % text[-3000:])


def _make_tests(driver, device):
    def thin():
        check_thin(driver, device)

    def full():
        check_full(driver, device)
    name = driver.replace('-', '_')
    thin.__name__ = 'test_%s_thin_rom_firmware_pxe' % name
    full.__name__ = 'test_%s_full_rom_our_stack' % name
    return thin, full


for _driver, _device in MODELS:
    for _test in _make_tests(_driver, _device):
        globals()[_test.__name__] = _test
del _driver, _device, _test
