# SPDX-License-Identifier: GPL-2.0-or-later
"""Cross builds: every target of the make interface builds for every
architecture (arm64, i386) from the same tree, bit-identical across two
clean builds in different directories, and each image says which
architecture it is for in every place a loader or packager looks: the PE
machine and header format, the base relocation kind, the option ROM
header, the boot file name on the media, the build record."""
import os
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'lib'))
import archtest  # noqa: E402
import pefile  # noqa: E402
from wbtest import HOST_BIN, check, run_make  # noqa: E402

UEFI_NAME = {'arm64': 'AA64', 'i386': 'IA32'}


def test_every_target_and_every_nic_driver_builds_on_every_architecture():
    state = archtest.builds()
    drivers = archtest.drivers()
    for arch in archtest.ARCHES:
        built = state['outputs'][arch][0]
        want = ['ipxe.efi', 'snponly.efi', 'testprog.efi', 'testdrv.efidrv',
                'testdrv.efirom', 'ipxe.iso', 'ipxe.usb']
        for driver in drivers:
            want += [driver + '.efi', driver + '.efidrv', driver + '.efirom']
        missing = [name for name in want if name not in built]
        check(not missing, '%s: not built: %s' % (arch, ' '.join(missing)))


def test_cross_builds_are_bit_identical():
    state = archtest.builds()
    for arch in archtest.ARCHES:
        first, second = state['outputs'][arch]
        check(sorted(first) == sorted(second), '%s: the two builds made different files' % arch)
        differ = [name for name in first if first[name] != second[name]]
        check(not differ, '%s: differ between two clean builds: %s' % (arch, ' '.join(differ)))


def test_images_carry_their_architecture():
    state = archtest.builds()
    for arch in archtest.ARCHES:
        built = state['outputs'][arch][1]
        for name, data in built.items():
            if name.endswith(('.efi', '.efidrv')):
                subsystem = 11 if name.endswith('.efidrv') else 10
                problems = pefile.loader_problems(pefile.PEImage(data), arch, subsystem)
                check(not problems, '%s/%s: %s' % (arch, name, '; '.join(problems)))
        for media in ('ipxe.iso', 'ipxe.usb'):
            # The FAT short name of EFI/BOOT/BOOT<arch>.EFI.
            check(('BOOT%-4sEFI' % UEFI_NAME[arch]).replace(' ', '').encode() in built[media]
                  and b'BOOTX64 EFI' not in built[media],
                  '%s/%s: no EFI/BOOT/BOOT%s.EFI' % (arch, media, UEFI_NAME[arch]))


def test_roms_and_build_records_name_the_architecture():
    state = archtest.builds()
    run_make(['bin-host/rominfo', 'bin-host/wbinfo'])
    tree = state['trees'][1]
    for arch in archtest.ARCHES:
        machine = pefile.MACHINES[arch][0]
        header = 'PE32+' if pefile.MACHINES[arch][1] == pefile.PE32_PLUS else 'PE32'
        directory = os.path.join(tree, 'bin-%s-efi' % arch)
        roms = sorted(n for n in os.listdir(directory) if n.endswith('.efirom'))
        proc = subprocess.run([os.path.join(HOST_BIN, 'rominfo')] +
                              [os.path.join(directory, n) for n in roms],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        check(proc.returncode == 0, 'rominfo failed on the %s ROMs:\n%s' % (arch, proc.stdout))
        name = 'machine %#06x (%s, %s)' % (machine, UEFI_NAME[arch], arch)
        check(proc.stdout.count('EFI header: subsystem 11 (EFI boot service driver), ' + name)
              == len(roms), '%s ROM headers do not all say %s:\n%s' % (arch, name, proc.stdout))
        check(proc.stdout.count('PE header: %s, subsystem 11 (EFI boot service driver), %s'
                                % (header, name)) == len(roms),
              '%s ROM images are not all %s for %s:\n%s' % (arch, header, name, proc.stdout))
        proc = subprocess.run([os.path.join(HOST_BIN, 'wbinfo'),
                               os.path.join(directory, 'ipxe.efi')],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        check(proc.returncode == 0 and 'wireboot 0.1.0+gtest, image ipxe, config default'
              in proc.stdout, '%s ipxe.efi build record:\n%s' % (arch, proc.stdout))
