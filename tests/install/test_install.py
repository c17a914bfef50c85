# SPDX-License-Identifier: GPL-2.0-or-later
"""make install: what a distribution ships, where QEMU looks for it.

One scratch tree installs twice into staging directories (DESTDIR): plain
(EFI-only QEMU ROMs) and with LEGACY_ROMS pointing at Debian's ipxe-qemu
ROMs (combined ROMs). The checks: every application, driver, ROM, medium,
tool and manual page is there; each QEMU ROM is a thin (CONFIG=qemu)
driver for the right device; QEMU started with -L at the installed ROM
directory and a plain NIC (no romfile=) loads our ROM, and OVMF's own PXE
boots the test program through it; a combined ROM keeps the legacy image
and still boots through our EFI image.
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
sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'qemu'))
from wbtest import check, run_make, scratch_tree  # noqa: E402
from test_driver_mode import TESTPROG_MARKER, pxe_boot  # noqa: E402

DEBIAN_QEMU_ROMS = '/usr/lib/ipxe/qemu'
QEMU_DATA = '/usr/share/qemu'
PREFIX = '/usr'
QEMU_DIR = PREFIX + '/share/qemu'
FIRMWARE_DIR = PREFIX + '/share/wireboot'
# QEMU's ROM names, the device each is for and the driver that must run it.
QEMU_ROMS = {
    'efi-virtio.rom': ('1af4', '1000', 'virtio-net'),
    'efi-e1000.rom': ('8086', '100e', 'e1000'),
    'efi-e1000e.rom': ('8086', '10d3', 'e1000e'),
    'efi-rtl8139.rom': ('10ec', '8139', 'rtl8139'),
    'efi-pcnet.rom': ('1022', '2000', 'pcnet'),
    'efi-vmxnet3.rom': ('15ad', '07b0', 'vmxnet3'),
    'efi-ne2k_pci.rom': ('10ec', '8029', 'ne2k-pci'),
    'efi-eepro100.rom': ('8086', '1209', 'eepro100'),
}

_lock = threading.Lock()
_installed = {}


def installed():
    """{'plain': root, 'combined': root, 'tree': tree, 'drivers': [...]}:
    two installs of one scratch tree, removed when the run ends."""
    with _lock:
        if not _installed:
            top, tree = scratch_tree('install')
            atexit.register(shutil.rmtree, top, True)
            plain = os.path.join(top, 'plain')
            combined = os.path.join(top, 'combined')
            out = run_make(['install', 'PREFIX=' + PREFIX, 'DESTDIR=' + plain],
                           cwd=tree).stdout
            check('are EFI-only' in out, 'the install did not say the ROMs are EFI-only:\n'
                  + out[-1500:])
            out = run_make(['install', 'PREFIX=' + PREFIX, 'DESTDIR=' + combined,
                            'LEGACY_ROMS=' + DEBIAN_QEMU_ROMS], cwd=tree).stdout
            check('the legacy BIOS images of %s' % DEBIAN_QEMU_ROMS in out,
                  'the install did not name the legacy ROMs:\n' + out[-1500:])
            with open(os.path.join(tree, 'bin-x86_64-efi', '.obj', 'pci-ids.mk')) as f:
                drivers = re.search(r'^DRIVERS := (.*)$', f.read(), re.M).group(1).split()
            _installed.update(plain=plain, combined=combined, tree=tree, drivers=drivers)
    return _installed


def rominfo(tree, path):
    proc = subprocess.run([os.path.join(tree, 'bin-host', 'rominfo'), path],
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    check(proc.returncode == 0, 'rominfo %s failed:\n%s' % (path, proc.stdout))
    return proc.stdout


def test_install_holds_every_artifact():
    inst = installed()
    root = inst['plain']
    files = sorted(os.path.relpath(os.path.join(d, f), root)
                   for d, _, names in os.walk(root) for f in names)
    firmware = ['ipxe.efi', 'snponly.efi', 'ipxe.iso', 'ipxe.usb']
    for driver in inst['drivers']:
        firmware += [driver + '.efi', driver + '.efidrv', driver + '.efirom']
    expected = sorted(
        [FIRMWARE_DIR[1:] + '/' + f for f in firmware] +
        [QEMU_DIR[1:] + '/' + f for f in QEMU_ROMS] +
        ['usr/bin/rominfo', 'usr/bin/wbinfo',
         'usr/share/man/man1/rominfo.1', 'usr/share/man/man1/wbinfo.1'])
    check(files == expected, 'installed files differ:\n  missing %s\n  unexpected %s'
          % (sorted(set(expected) - set(files)), sorted(set(files) - set(expected))))
    for tool in ('rominfo', 'wbinfo'):
        check(os.access(os.path.join(root, 'usr/bin', tool), os.X_OK),
              '%s is not executable' % tool)
    proc = subprocess.run([os.path.join(root, 'usr/bin/wbinfo'),
                           os.path.join(root, FIRMWARE_DIR[1:], 'ipxe.efi')],
                          stdout=subprocess.PIPE, text=True)
    check(proc.returncode == 0 and 'image ipxe, config default' in proc.stdout,
          'the installed wbinfo does not read the installed ipxe.efi:\n' + proc.stdout)
    for page in ('rominfo.1', 'wbinfo.1'):
        path = os.path.join(root, 'usr/share/man/man1', page)
        # groff -ww: every warning; lexgrog: the NAME line whatis reads.
        proc = subprocess.run(['groff', '-man', '-ww', '-z', '-Tutf8', path],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        check(proc.returncode == 0 and not proc.stdout,
              'manual page %s does not format cleanly:\n%s' % (page, proc.stdout))
        proc = subprocess.run(['lexgrog', path], stdout=subprocess.PIPE, text=True)
        check(proc.returncode == 0 and '"%s - ' % page[:-2] in proc.stdout,
              'manual page %s has no NAME line: %s' % (page, proc.stdout))


def test_uninstall_removes_what_install_put():
    inst = installed()
    copy = inst['plain'] + '-uninstall'
    shutil.copytree(inst['plain'], copy, symlinks=True)
    try:
        run_make(['uninstall', 'PREFIX=' + PREFIX, 'DESTDIR=' + copy], cwd=inst['tree'])
        left = sorted(os.path.relpath(os.path.join(d, f), copy)
                      for d, _, names in os.walk(copy) for f in names)
        check(not left, 'make uninstall left %s' % left)
        check(not os.path.exists(os.path.join(copy, FIRMWARE_DIR[1:])),
              'make uninstall left %s' % FIRMWARE_DIR)
    finally:
        shutil.rmtree(copy, ignore_errors=True)


def test_installed_qemu_roms_are_thin_drivers_for_qemus_devices():
    inst = installed()
    for name, (vendor, device, driver) in QEMU_ROMS.items():
        text = rominfo(inst['tree'], os.path.join(inst['plain'], QEMU_DIR[1:], name))
        check(re.search(r': \d+ bytes, 1 image\n', text),
              '%s is not a single EFI image:\n%s' % (name, text))
        check('vendor 0x%s, device 0x%s' % (vendor, device) in text,
              '%s is not for %s:%s:\n%s' % (name, vendor, device, text))
        check(re.search(r'config qemu, target %s\n' % re.escape(driver), text),
              '%s is not the CONFIG=qemu %s driver:\n%s' % (name, driver, text))
        check(re.search(r'features: downgrade-ux ', text),
              '%s is not a thin driver:\n%s' % (name, text))


def test_combined_roms_keep_the_legacy_image():
    inst = installed()
    for name, (vendor, device, driver) in QEMU_ROMS.items():
        path = os.path.join(inst['combined'], QEMU_DIR[1:], name)
        text = rominfo(inst['tree'], path)
        images = re.findall(r'image (\d) at offset 0x([0-9a-f]+): ([^,]+)', text)
        check([i[2] for i in images] == ['legacy x86 (code type 0)', 'EFI (code type 3)'],
              '%s does not hold a legacy image and then an EFI image:\n%s' % (name, text))
        with open(os.path.join(DEBIAN_QEMU_ROMS, name), 'rb') as f:
            debian = f.read()
        with open(path, 'rb') as f:
            ours = f.read()
        legacy_len = int(images[1][1], 16)
        check(ours[:legacy_len] == debian[:legacy_len],
              '%s: the legacy image is not the one of %s' % (name, DEBIAN_QEMU_ROMS))
        check(re.search(r'config qemu, target %s\n' % re.escape(driver), text),
              '%s: the EFI image is not our thin %s driver:\n%s' % (name, driver, text))
        check(len(ours) <= 256 * 1024, '%s is %d bytes, over 256 KiB' % (name, len(ours)))


def qemu_data_dir(roms):
    """A QEMU data directory (-L) of the installed ROMs, with every other
    file QEMU needs linked from its own; removed when the run ends."""
    data = tempfile.mkdtemp(prefix='wireboot-qemu-data-')
    atexit.register(shutil.rmtree, data, True)
    for name in os.listdir(QEMU_DATA):
        if name not in QEMU_ROMS:
            os.symlink(os.path.join(QEMU_DATA, name), os.path.join(data, name))
    for name in QEMU_ROMS:
        os.symlink(os.path.join(roms, name), os.path.join(data, name))
    return data


def boot_in_data_dir(name, roms, device, driver):
    """QEMU with -L at a data directory holding the ROMs of directory roms
    and a plain NIC of model device: OVMF's PXE must boot the test
    program through our driver."""
    data = qemu_data_dir(roms)
    text = pxe_boot('%s-%s' % (name, device), None,
                    [r'>>Start PXE over IPv4', TESTPROG_MARKER], device=device,
                    qemu_args=['-L', data])
    # The test program names the wireboot drivers running: the one from
    # the ROM QEMU found in -L, not Debian's iPXE ROM of the same name.
    check(re.search(r'WIREBOOT-TESTPROG: driver: wireboot %s\n' % re.escape(driver), text),
          'the efi ROM for %s in %s did not run our %s driver:\n%s'
          % (device, roms, driver, text[-3000:]))


def boot_installed(kind, device, driver):
    inst = installed()
    boot_in_data_dir('install-' + kind, os.path.join(inst[kind], QEMU_DIR[1:]), device, driver)


def test_qemu_loads_installed_virtio_rom_and_pxe_boots():
    boot_installed('plain', 'virtio-net-pci', 'virtio-net')


def test_qemu_loads_installed_e1000_rom_and_pxe_boots():
    boot_installed('plain', 'e1000', 'e1000')


def test_qemu_boots_through_combined_rom():
    boot_installed('combined', 'virtio-net-pci', 'virtio-net')
