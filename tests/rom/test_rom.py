# SPDX-License-Identifier: GPL-2.0-or-later
"""PCI option ROMs: OVMF runs ours, they round-trip through our own
decompressor, rominfo reads ROMs built elsewhere, and size limits fail the
build clearly."""
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'lib'))
from wbtest import (BIN, HOST_BIN, Machine, check, run_make,  # noqa: E402
                    scratch_tree)

ROMINFO = os.path.join(HOST_BIN, 'rominfo')
WBINFO = os.path.join(HOST_BIN, 'wbinfo')
DEBIAN_ROMS = sorted(glob.glob('/usr/lib/ipxe/qemu/efi-*.rom'))


def run(argv):
    return subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          text=True, timeout=60)


def test_ovmf_runs_test_driver_from_option_rom():
    rom = os.path.join(BIN, 'testdrv.efirom')
    with Machine('rom-testdrv', args=[
            '-netdev', 'user,id=n0',
            '-device', 'e1000,netdev=n0,romfile=' + rom]) as vm:
        vm.wait_for(r'WIREBOOT-TESTDRV: driver entry point reached')


def built_roms():
    """The ROMs make check builds: the test driver's and every NIC driver's."""
    with open(os.path.join(BIN, '.obj', 'pci-ids.mk')) as f:
        drivers = re.search(r'^DRIVERS := (.*)$', f.read(), re.M).group(1).split()
    return [os.path.join(BIN, name + '.efirom') for name in ['testdrv'] + drivers]


def test_every_rom_round_trips():
    roms = built_roms()
    check(len(roms) > 1, 'no NIC driver ROM was built')
    work = tempfile.mkdtemp(prefix='wireboot-roms-')
    try:
        for rom in roms:
            prefix = os.path.join(work, os.path.basename(rom) + '-')
            proc = run([ROMINFO, '--extract', prefix, rom])
            check(proc.returncode == 0, 'rominfo failed on %s:\n%s' % (rom, proc.stdout))
            check('EFI-compressed' in proc.stdout, '%s is not compressed' % rom)
            # The image the ROM was made from: its build record names it
            # (a PCI-ID named ROM holds the driver of that name).
            record = re.search(r'config (\S+), target (\S+)', proc.stdout)
            check(record, '%s carries no build record:\n%s' % (rom, proc.stdout))
            driver = os.path.join(BIN, '.obj', record.group(1), 'image',
                                  record.group(2) + '.efidrv')
            with open(prefix + '0.efi', 'rb') as extracted, open(driver, 'rb') as built:
                check(extracted.read() == built.read(),
                      '%s does not decompress to %s' % (rom, driver))
            check(os.path.getsize(rom) % 512 == 0, '%s is not 512-byte aligned' % rom)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def test_rominfo_reads_debian_roms():
    check(DEBIAN_ROMS, "Debian's ipxe-qemu ROMs are not installed")
    for rom in DEBIAN_ROMS:
        proc = run([ROMINFO, rom])
        check(proc.returncode == 0, 'rominfo failed on %s:\n%s' % (rom, proc.stdout))
        check(re.search(r'image 0 at offset 0x0: legacy x86', proc.stdout),
              '%s: legacy image not listed:\n%s' % (rom, proc.stdout))
        check(re.search(r'image 1 at offset 0x[0-9a-f]+: EFI', proc.stdout),
              '%s: EFI image not listed' % rom)
        check('PE header: PE32+, subsystem 11' in proc.stdout,
              '%s: EFI driver not recognised:\n%s' % (rom, proc.stdout))
        check('device list:' in proc.stdout and 'checksum over' in proc.stdout,
              '%s: device list or checksum missing' % rom)


def test_rominfo_rejects_bad_files_clearly():
    work = tempfile.mkdtemp(prefix='wireboot-badrom-')
    try:
        with open(os.path.join(BIN, 'testdrv.efirom'), 'rb') as f:
            good = f.read()
        cases = {
            'empty': b'',
            'garbage': bytes(range(256)) * 8,
            'truncated-header': good[:20],
            'truncated-image': good[:len(good) // 2],
            'bad-compressed-data': good[:0x50] + b'\xff' * (len(good) - 0x50),
        }
        for name, data in cases.items():
            path = os.path.join(work, name + '.rom')
            with open(path, 'wb') as f:
                f.write(data)
            proc = run([ROMINFO, path])
            check(proc.returncode == 1, '%s: exit status %d (want 1):\n%s'
                  % (name, proc.returncode, proc.stdout))
            check(re.search(r'rominfo: .*%s.rom: \S' % name, proc.stdout),
                  '%s: no error message:\n%s' % (name, proc.stdout))
        proc = run([ROMINFO, os.path.join(work, 'missing.rom')])
        check(proc.returncode == 1 and 'No such file' in proc.stdout,
              'missing file not reported: %r' % proc.stdout)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def test_rom_max_fails_build_clearly():
    top, tree = scratch_tree('rom-max')
    try:
        proc = run_make(['ROM_MAX=1024', 'bin-x86_64-efi/testdrv.efirom'], cwd=tree,
                        expect_ok=False)
        check(proc.returncode != 0, 'an oversized ROM did not fail the build')
        check(re.search(r'ROM \S*testdrv\.efirom is \d+ bytes, over the limit ROM_MAX=1024 bytes',
                        proc.stdout), 'unclear ROM_MAX message:\n' + proc.stdout[-1000:])
        check(not os.path.exists(os.path.join(tree, 'bin-x86_64-efi', 'testdrv.efirom')),
              'an oversized ROM was left in bin-x86_64-efi/')
        run_make(['bin-x86_64-efi/testdrv.efirom'], cwd=tree)
    finally:
        shutil.rmtree(top, ignore_errors=True)


def test_build_record_read_back():
    proc = run([WBINFO, os.path.join(BIN, 'ipxe.efi'), os.path.join(BIN, 'testdrv.efidrv')])
    check(proc.returncode == 0, 'wbinfo failed:\n' + proc.stdout)
    check(re.search(r'ipxe\.efi: wireboot \S+, image ipxe, config default\n  features: .*console-efi'
                    r'.*\n  built with: wolfssl \d+\.\d+\.\d+', proc.stdout),
          'wbinfo output:\n' + proc.stdout)
    proc = run([ROMINFO, os.path.join(BIN, 'testdrv.efirom')])
    check(re.search(r'build: version \S+, config default, target testdrv\n'
                    r'    built with: wolfssl \d+\.\d+\.\d+', proc.stdout),
          'rominfo does not show the build record:\n' + proc.stdout)


# The primary PCI ID of every model QEMU emulates.
QEMU_NIC_IDS = ('1af41000', '8086100e', '808610d3', '10ec8139', '10222000',
                '15ad07b0', '10ec8029', '80861209')


def test_pci_id_roms_build_under_rom_max():
    targets = ['bin-x86_64-efi/%s.efirom' % pci_id for pci_id in QEMU_NIC_IDS]
    run_make(targets)
    for pci_id, target in zip(QEMU_NIC_IDS, targets):
        rom = os.path.join(os.path.dirname(BIN), target)
        size = os.path.getsize(rom)
        check(size <= 262144, '%s is %d bytes, over 256 KiB' % (target, size))
        proc = run([ROMINFO, rom])
        check('vendor 0x%s, device 0x%s' % (pci_id[:4], pci_id[4:]) in proc.stdout,
              '%s does not name %s first:\n%s' % (target, pci_id, proc.stdout))
