# SPDX-License-Identifier: GPL-2.0-or-later
"""Driver mode: our NIC drivers as option ROMs (.efirom), thin and full.

Thin (CONFIG=qemu, EFI_DOWNGRADE_UX): the ROM carries the driver and an
SNP export; OVMF's own PXE must boot over it. Full (default): the ROM
installs LoadFile and the network boot entry runs our stack instead.
The thin ROMs are built in a scratch tree (a plain one, and one with
DEBUG=efi_snp_export to prove that our SNP carries the traffic);
tests/efi/reconnect.c checks reconnection, leaks, SNP and unloading.
"""
import atexit
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'lib'))
from wbtest import (BANNER, BIN, ROOT, Machine, TestFailure, boot_esp,  # noqa: E402
                    check, run_make, scratch_tree)

THIN_DEBUG = 'efi_snp_export'
TESTPROG_MARKER = r'WIREBOOT-TESTPROG: started'

_lock = threading.Lock()
_thin = {}


def thin_build():
    """{'rom', 'debug_rom', 'image_o', 'objdir'} of the CONFIG=qemu
    virtio-net builds in a scratch tree (made once per test run; the
    tree is removed when the runner exits)."""
    with _lock:
        if not _thin:
            top, tree = scratch_tree('driver-mode')
            objdir = os.path.join(tree, 'bin-x86_64-efi', '.obj', 'qemu')
            debug_objdir = objdir + '-debug-' + THIN_DEBUG
            run_make(['CONFIG=qemu', 'bin-x86_64-efi/virtio-net.efirom'], cwd=tree)
            run_make(['CONFIG=qemu', 'DEBUG=' + THIN_DEBUG,
                      os.path.relpath(os.path.join(debug_objdir, 'rom', 'virtio-net.efirom'),
                                      tree)], cwd=tree)
            _thin.update(rom=os.path.join(tree, 'bin-x86_64-efi', 'virtio-net.efirom'),
                         debug_rom=os.path.join(debug_objdir, 'rom', 'virtio-net.efirom'),
                         image_o=os.path.join(objdir, 'image', 'virtio-net.efidrv.o'),
                         objdir=objdir, top=top)
            atexit.register(shutil.rmtree, top, True)
    return _thin


def full_rom():
    run_make(['bin-x86_64-efi/virtio-net.efirom', 'bin-x86_64-efi/testprog.efi'])
    return os.path.join(BIN, 'virtio-net.efirom')


def pxe_boot(name, rom, patterns, timeout=240, device='virtio-net-pci', qemu_args=(),
             bootfile=None, arch='x86_64'):
    """Boots OVMF with the NIC (a QEMU device) carrying the ROM (None: the
    ROM QEMU picks by itself) and QEMU's TFTP server offering the test
    program (or bootfile) as boot file; waits for each pattern in turn and
    returns the console. qemu_args go before the NIC's; arch chooses the
    firmware (wbtest.firmware)."""
    tftp = tempfile.mkdtemp(prefix='wireboot-tftp-')
    try:
        shutil.copy(bootfile or os.path.join(BIN, 'testprog.efi'),
                    os.path.join(tftp, 'testprog.efi'))
        romfile = '' if rom is None else ',romfile=%s' % rom
        args = list(qemu_args) + [
            '-netdev', 'user,id=n0,tftp=%s,bootfile=testprog.efi' % tftp,
            '-device', '%s,netdev=n0%s,bootindex=0' % (device, romfile)]
        with Machine(name, args=args, arch=arch) as vm:
            for pattern in patterns:
                vm.wait_for(pattern, timeout)
            # The test program powers off; anything else stays running.
            if re.search(TESTPROG_MARKER, vm.text()):
                vm.wait_exit(30)
            return vm.text()
    finally:
        shutil.rmtree(tftp, ignore_errors=True)


def test_thin_rom_firmware_pxe_boots_over_our_snp():
    run_make(['bin-x86_64-efi/testprog.efi'])
    text = pxe_boot('driver-thin-pxe', thin_build()['debug_rom'],
                    [r'>>Start PXE over IPv4', TESTPROG_MARKER])
    # Our SNP's debug output proves that our driver, not OVMF's
    # VirtioNetDxe, runs the NIC the firmware's PXE used.
    check(re.search(r'SNP net0: initialize: No error', text),
          'the firmware did not initialize our SNP:\n%s' % text[-3000:])
    check(re.search(r'SNP net0: filters 0x[0-9a-f]+', text),
          'the firmware did not set receive filters on our SNP:\n%s' % text[-3000:])
    check(not re.search(BANNER, text),
          'a thin ROM ran our stack:\n%s' % text[-3000:])


def test_full_rom_network_boot_runs_our_stack():
    rom = full_rom()
    text = pxe_boot('driver-full', rom, [BANNER, TESTPROG_MARKER + '|Nothing booted'])
    check(re.search(TESTPROG_MARKER, text),
          'our stack did not boot the test program:\n%s' % text[-3000:])
    banner = re.search(BANNER, text)
    check(banner.group(2) == 'virtio-net' and banner.group(3) == 'default',
          'unexpected banner: %s' % banner.group(0))
    check('>>Start PXE' not in text,
          "the firmware's PXE ran although our LoadFile should boot:\n%s" % text[-3000:])
    check(re.search(r'tftp://10\.0\.2\.2/testprog\.efi\.\.\. ok', text),
          'our stack did not download the boot file:\n%s' % text[-3000:])


def test_reconnect_unload_and_snp_through_thin_driver():
    run_make(['bin-x86_64-efi/reconnect.efi'])
    args = ['-netdev', 'user,id=n0',
            '-device', 'virtio-net-pci,netdev=n0,romfile=%s' % thin_build()['rom']]
    with Machine('driver-reconnect', esp=boot_esp(os.path.join(BIN, 'reconnect.efi')),
                 args=args) as vm:
        vm.wait_for(r'RECONNECT: SNP handles after the firmware reconnected', 240)
        vm.wait_exit(30)
        text = vm.text()
    expect = [
        r'RECONNECT: driver: wireboot virtio-net',
        r'RECONNECT: controller: wireboot virtio-net PCI 00:03\.0',
        r'RECONNECT: 50 cycles, 0 failed',
        r'RECONNECT: network interface: wireboot virtio-net 52:54:00:12:34:56',
        r'RECONNECT: SNP state 2, media present, filters 0x5 \(0\)',
        r'RECONNECT: multicast 224\.0\.0\.251 -> 01:00:5e:00:00:fb, '
        r'ff02::1:ff12:3456 -> 33:33:ff:12:34:56',
        r'RECONNECT: ARP reply from 52:55:0a:00:02:02 via SNP, header 14, '
        r'protocol 0x806, source matches: yes',
        r'RECONNECT: transmit buffer recycled: yes',
        r'RECONNECT: SNP state 0 after shutdown and stop',
        r'RECONNECT: unload: 0\n',
        r'RECONNECT: wireboot driver after unload: gone',
    ]
    for pattern in expect:
        check(re.search(pattern, text), 'missing %r:\n%s' % (pattern, text[-3000:]))
    pages = re.search(r'RECONNECT: free pages before (\d+) after (\d+)', text)
    check(pages, 'no memory figures:\n%s' % text[-3000:])
    check(pages.group(1) == pages.group(2),
          '50 reconnections lost %d free pages' % (int(pages.group(1)) - int(pages.group(2))))
    # After the unload the firmware's own driver takes the NIC again.
    snps = re.search(r'SNP handles after the firmware reconnected: (\d+)', text)
    check(int(snps.group(1)) >= 1, 'nobody drives the NIC after the unload')


def defined_symbols(path):
    out = subprocess.run(['nm', '--defined-only', path], stdout=subprocess.PIPE,
                         text=True, check=True).stdout
    # Global symbols only: static functions of inline helpers repeat in
    # every object that uses them.
    return {fields[2] for fields in (line.split() for line in out.splitlines())
            if len(fields) == 3 and fields[1].isupper()}


def stack_symbols(objdir):
    net = os.path.join(objdir, 'net')
    symbols = set()
    for name in os.listdir(net):
        if name.endswith('.o'):
            symbols |= {s for s in defined_symbols(os.path.join(net, name))
                        if not s.startswith('.')}
    return symbols


def test_thin_image_links_no_stack_code():
    """The relocatable link of the thin image (the step that pulls archive
    members) defines no symbol of any src/net/ object; the full image
    does, which shows the check can fail."""
    build = thin_build()
    stack = stack_symbols(build['objdir'])
    check(stack, 'no stack objects found in %s' % build['objdir'])
    linked = sorted(defined_symbols(build['image_o']) & stack)
    check(not linked, 'the thin driver image links stack code: %s' % ', '.join(linked))
    full_rom()
    full_o = os.path.join(BIN, '.obj', 'default', 'image', 'virtio-net.efidrv.o')
    check('start_dhcp' in defined_symbols(full_o),
          'the full driver image does not link the stack')


def test_driver_image_targets():
    bin_dir = os.path.relpath(BIN, ROOT)
    run_make([os.path.join(bin_dir, '1af41000.efidrv')])
    proc = run_make([os.path.join(bin_dir, 'no-such-nic.efidrv')], expect_ok=False)
    if proc.returncode == 0 or 'no such driver image' not in proc.stdout:
        raise TestFailure('an unknown driver image did not fail clearly:\n%s'
                          % proc.stdout[-2000:])
