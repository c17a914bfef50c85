# SPDX-License-Identifier: GPL-2.0-or-later
"""Real traffic through our virtio-net driver and through the firmware's SNP.

tests/efi/nettest.c sends ARP requests for QEMU's user-mode gateway
(10.0.2.2) and waits for the reply, so no DHCP or protocol stack is involved.
It is built with DEBUG=virtio_net,efi_pci_attach so that the console shows
which transport the driver chose and that the firmware's driver let go.
Every NIC is given romfile= (empty): without it QEMU looks for efi-virtio.rom.
"""
import os
import re
import shutil
import sys
import tempfile
import threading

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'lib'))
from wbtest import BIN, ROOT, Machine, boot_esp, check, run_make  # noqa: E402

DEBUG = 'virtio_net,efi_pci_attach'
OBJDIR = os.path.join(BIN, '.obj', 'default-debug-' + DEBUG.replace(',', '-'))
IMAGES = ('nettest', 'nettest-snp', 'nettest-snponly')

_build_lock = threading.Lock()
_built = False


def image(name):
    """The debug build of a test image (built once per test run)."""
    global _built
    with _build_lock:
        if not _built:
            # Targets relative to the tree, as the make rules name them.
            run_make(['DEBUG=' + DEBUG] +
                     [os.path.relpath(os.path.join(OBJDIR, 'image', i + '.efi'), ROOT)
                      for i in IMAGES])
            _built = True
    return os.path.join(OBJDIR, 'image', name + '.efi')


def nic(options=''):
    return ['-netdev', 'user,id=n0',
            '-device', 'virtio-net-pci,netdev=n0,romfile=' + options]


def run_nettest(name, args, image_name=None):
    """Boots the test program (from disk, or as the firmware finds it when
    image_name is None); returns its console once it powered off."""
    esp = boot_esp(image(image_name)) if image_name else None
    with Machine(name, esp=esp, args=args) as vm:
        vm.wait_for(r'NETTEST: firmware SNP handles after remove: \d+', 240)
        vm.wait_exit(30)
        return vm.text()


def snp_counts(text):
    """Firmware SNP handles before probing, while probed, after removal."""
    def count(label):
        match = re.search(r'NETTEST: %s: (\d+)' % label, text)
        check(match, 'nettest did not report %r:\n%s' % (label, text[-2000:]))
        return int(match.group(1))
    return (count('started, firmware SNP handles'),
            count('firmware SNP handles while probed'),
            count('firmware SNP handles after remove'))


def check_native(text, pci_id, transport):
    check('is virtio-net' in text and pci_id in text,
          'virtio-net %s was not matched:\n%s' % (pci_id, text[-2000:]))
    check('firmware drivers disconnected: No error' in text,
          'the firmware driver was not disconnected:\n%s' % text[-2000:])
    check('virtio-net PCI 00:03.0: %s, MAC 52:54:00:12:34:56, link up' % transport
          in text, 'driver did not report %s transport:\n%s' % (transport, text[-2000:]))
    check('NETTEST: net0 is virtio-net at PCI 00:03.0' in text,
          'net0 is not our virtio-net:\n%s' % text[-2000:])
    check('NETTEST: ARP reply from 52:55:0a:00:02:02 via virtio-net' in text,
          'no ARP reply through virtio-net:\n%s' % text[-2000:])
    before, during, after = snp_counts(text)
    # nettest connects every firmware driver first, so OVMF's VirtioNetDxe
    # runs the NIC (with SNP copies on PXE's children) before we take it.
    check(before >= 1, 'the firmware driver never ran the NIC (%d SNPs)' % before)
    check(during == 0, '%d firmware SNPs remained while we drove the NIC' % during)
    check(after >= 1, 'the NIC was not given back to the firmware (%d SNPs)' % after)


def test_virtio_net_transitional_device_uses_modern_transport():
    text = run_nettest('virtio-transitional', nic(), 'nettest')
    check_native(text, '1af4:1000', 'modern')


def test_virtio_net_modern_only_device():
    text = run_nettest('virtio-modern', nic(',disable-legacy=on'), 'nettest')
    check_native(text, '1af4:1041', 'modern')


def test_virtio_net_legacy_transport():
    text = run_nettest('virtio-legacy', nic(',disable-modern=on'), 'nettest')
    check_native(text, '1af4:1000', 'legacy')


def test_firmware_snp_when_no_driver_of_ours():
    """The late SNP prober takes NICs our drivers do not serve (here: an
    image linked without any driver)."""
    text = run_nettest('virtio-snp', nic(), 'nettest-snp')
    check('NETTEST: net0 is snp at PCI 00:03.0' in text,
          'net0 is not the firmware SNP:\n%s' % text[-2000:])
    check('NETTEST: ARP reply from 52:55:0a:00:02:02 via snp' in text,
          'no ARP reply through the SNP:\n%s' % text[-2000:])
    before, during, after = snp_counts(text)
    check(during == 1, 'expected only the NIC\'s own SNP while in use, saw %d' % during)
    check(after == before, 'firmware stack not restored: %d SNPs, had %d' % (after, before))


def test_snponly_uses_the_nic_it_was_loaded_from():
    """OVMF PXE-boots the snponly test program from QEMU's TFTP server."""
    tftp = tempfile.mkdtemp(prefix='wireboot-tftp-')
    try:
        shutil.copy(image('nettest-snponly'), os.path.join(tftp, 'nettest.efi'))
        args = ['-netdev', 'user,id=n0,tftp=%s,bootfile=nettest.efi' % tftp,
                '-device', 'virtio-net-pci,netdev=n0,romfile=,bootindex=0']
        text = run_nettest('virtio-snponly-pxe', args)
    finally:
        shutil.rmtree(tftp, ignore_errors=True)
    check('NETTEST: net0 is snp at PCI 00:02.0' in text,
          'snponly did not take the loading NIC:\n%s' % text[-2000:])
    check('NETTEST: ARP reply from 52:55:0a:00:02:02 via snp' in text,
          'no ARP reply through the SNP:\n%s' % text[-2000:])


def test_snponly_from_disk_uses_no_nic():
    with Machine('snponly-disk', esp=boot_esp(image('nettest-snponly')),
                 args=nic()) as vm:
        vm.wait_for(r'snponly: not loaded from a network device')
        vm.wait_for(r'NETTEST: no network device')
        vm.wait_exit(60)


def test_driver_images_exist_for_every_driver():
    bin_dir = os.path.relpath(BIN, ROOT)
    proc = run_make([os.path.join(bin_dir, 'virtio-net.efi'),
                     os.path.join(bin_dir, 'snponly.efi')])
    check(os.path.getsize(os.path.join(BIN, 'virtio-net.efi')) > 0, proc.stdout)
    proc = run_make([os.path.join(bin_dir, 'no-such-nic.efi')], expect_ok=False)
    check(proc.returncode != 0 and 'no such application image' in proc.stdout,
          'an unknown image name did not fail clearly:\n%s' % proc.stdout[-2000:])
