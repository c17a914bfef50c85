# SPDX-License-Identifier: GPL-2.0-or-later
"""Real traffic through our vmxnet3 driver (QEMU's "vmxnet3" device).

First without any protocol stack: tests/efi/nettest.c exchanges ARP with
QEMU's user-mode gateway through the driver (tests/lib/nictest.py). Then the
whole stack over it: DHCP from QEMU's server, 8 MiB by TFTP checked by
SHA-256 (thousands of frames: every ring and its generation bit wrap many
times; the throughput is printed) and a chain-load of the test program.
Finally the driver as an option ROM, the only way OVMF (which has no vmxnet3
driver of its own) can boot from this NIC: thin (CONFIG=qemu: OVMF's PXE
boots over our SNP) and full (our stack boots).
"""
import atexit
import os
import shutil
import sys
import tempfile
import threading

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'lib'))
from nictest import check_arp_round_trip, check_dhcp_tftp_and_chain  # noqa: E402
from wbtest import BANNER, BIN, ROOT, Machine, check, run_make, scratch_tree  # noqa: E402

TESTPROG_STARTED = r'WIREBOOT-TESTPROG: started, load options: \[\]\n'

_lock = threading.Lock()
_roms = {}


def test_nic_vmxnet3_arp_round_trip():
    check_arp_round_trip('vmxnet3', 'vmxnet3', 'vmxnet3', '52:54:00:07:b0:03')


def test_nic_vmxnet3_dhcp_tftp_and_chain():
    check_dhcp_tftp_and_chain('vmxnet3', 'vmxnet3')


def rom(config):
    """vmxnet3.efirom of a configuration, built once per test run in a
    scratch tree (so the tree's own default ROM is left alone)."""
    with _lock:
        if not _roms:
            top, tree = scratch_tree('nic-vmxnet3-rom')
            atexit.register(shutil.rmtree, top, True)
            run_make(['CONFIG=qemu', 'bin-x86_64-efi/vmxnet3.efirom'], cwd=tree)
            run_make(['bin-x86_64-efi/vmxnet3.efirom'], cwd=tree)
            for name in ('qemu', 'default'):
                _roms[name] = os.path.join(tree, 'bin-x86_64-efi', '.obj', name,
                                           'rom', 'vmxnet3.efirom')
    return _roms[config]


def boot_from_rom(name, config, pattern):
    """OVMF with the ROM on the NIC and QEMU's TFTP server offering the test
    program as boot file; returns the console once the program ran."""
    run_make([os.path.join(os.path.relpath(BIN, ROOT), 'testprog.efi')])
    tftp = tempfile.mkdtemp(prefix='wireboot-tftp-')
    try:
        shutil.copy(os.path.join(BIN, 'testprog.efi'), tftp)
        args = ['-netdev', 'user,id=n0,tftp=%s,bootfile=testprog.efi' % tftp,
                '-device', 'vmxnet3,netdev=n0,romfile=%s,bootindex=0' % rom(config)]
        with Machine(name, args=args) as vm:
            vm.wait_for(pattern, 240)
            vm.wait_for(TESTPROG_STARTED, 240)
            vm.wait_exit(30)
            return vm.text()
    finally:
        shutil.rmtree(tftp, ignore_errors=True)


def test_nic_vmxnet3_thin_rom_firmware_pxe_boots():
    text = boot_from_rom('nic-vmxnet3-thin-rom', 'qemu', r'>>Start PXE over IPv4')
    check('Station IP address is 10.0.2.15' in text,
          "the firmware's DHCP over our SNP failed:\n%s" % text[-3000:])
    check('NBP file downloaded successfully' in text,
          "the firmware's TFTP over our SNP failed:\n%s" % text[-3000:])


def test_nic_vmxnet3_full_rom_boots_with_our_stack():
    text = boot_from_rom('nic-vmxnet3-full-rom', 'default', BANNER)
    check('network boot firmware (vmxnet3, config: default)' in text,
          'the ROM did not run our stack:\n%s' % text[-3000:])
    check('tftp://10.0.2.2/testprog.efi... ok' in text,
          'our stack did not download the boot file:\n%s' % text[-3000:])
    check('>>Start PXE' not in text,
          "the firmware's PXE ran instead of our stack:\n%s" % text[-3000:])
