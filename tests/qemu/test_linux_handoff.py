# SPDX-License-Identifier: GPL-2.0-or-later
"""The hand-off at ExitBootServices: Linux drives the NIC after our driver.

ipxe.efi, with our native driver for the NIC (virtio-net, e1000, e1000e,
rtl8139), takes a DHCP lease from QEMU, downloads Debian's generic kernel
and a network initramfs (osfixtures.net_initramfs()) from nginx on
127.0.0.1 and boots them. In driver mode, OVMF's own PXE boots the same
kernel and initramfs as one unified kernel image (osfixtures.uki()) over
the SNP of our thin e1000 or virtio-net ROM; there the firmware's stack
still has our NIC open when the kernel exits boot services. The kernel's
init then, before any Linux driver has bound the NIC, prints the PCI
command register and the chip's DMA enable registers (from sysfs and
/dev/mem), loads the kernel's own module for the NIC (with its
dependencies, in modules.dep order), takes a DHCP lease from QEMU and
downloads a random file over HTTP, whose SHA-256 it prints.

What makes "no DMA into memory the OS now owns" checkable:
- the registers read back in the init: Bus Master Enable must be clear
  and the chip's own engines off (e1000/e1000e: RCTL.EN and TCTL.EN;
  virtio: device status 0, a reset device forgets its queues; rtl8139:
  the command register's RE and TE), as our driver's close and our
  ExitBootServices handler (efi_pci_quiesce.c, the driver's shutdown())
  leave them. If either were left on, the assertion fails (checked by
  breaking each on purpose): Linux's drivers set Bus Master Enable before
  they reset the chip, so a running ring would write received frames
  into memory Linux has given to something else;
- while the kernel boots (from "boot" until the init has read the
  registers) the host sends UDP datagrams to the guest through a
  forwarded port, so frames do arrive in that window; Linux must still
  boot and its driver must still work.
Each test also checks the console says our driver (not the firmware's)
carried the download, and that Linux's driver bound the NIC.
"""
import fcntl
import hashlib
import os
import random
import re
import shutil
import socket
import sys
import tempfile
import threading

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'lib'))
import osfixtures  # noqa: E402
from nginxlab import Nginx  # noqa: E402
from nictest import free_udp_port  # noqa: E402
from wbtest import BIN, ROOT, Machine, boot_esp, check, run_make  # noqa: E402

MAC = '52:54:00:12:34:56'
KERNEL_ARGS = 'console=ttyS0 quiet panic=-1'
FILE_SIZE = 256 << 10

# By our driver's name: QEMU device, PCI ID, Linux's modules and driver,
# the registers to read before Linux's driver binds ("BAR:OFFSET:BITS")
# with the bits of each that must be clear.
NICS = {
    'virtio-net': {
        'device': 'virtio-net-pci', 'pci': '0x1af4:0x1000',
        'modules': ('virtio_pci', 'virtio_net'), 'linux_driver': 'virtio_net',
        # Device status (virtio 1.x common configuration, offset 0x14).
        'registers': {'vc:0x14:8': 0xff},
    },
    'e1000': {
        'device': 'e1000', 'pci': '0x8086:0x100e',
        'modules': ('e1000',), 'linux_driver': 'e1000',
        # RCTL.EN and TCTL.EN.
        'registers': {'0:0x100:32': 0x2, '0:0x400:32': 0x2},
    },
    'e1000e': {
        'device': 'e1000e', 'pci': '0x8086:0x10d3',
        'modules': ('e1000e',), 'linux_driver': 'e1000e',
        'registers': {'0:0x100:32': 0x2, '0:0x400:32': 0x2},
    },
    'rtl8139': {
        # QEMU's chip is a C+ (revision 0x20), which Linux leaves to 8139cp.
        'device': 'rtl8139', 'pci': '0x10ec:0x8139',
        'modules': ('8139cp',), 'linux_driver': '8139cp',
        # The command register's receiver and transmitter enables, in the
        # memory BAR.
        'registers': {'1:0x37:8': 0x0c},
    },
}

BOOT_SCRIPT = '''#!ipxe
kernel vmlinuz %s %%s
initrd initrd.gz
ifstat
echo HANDOFF-BOOT
boot
''' % KERNEL_ARGS


class Sender(threading.Thread):
    """Sends a datagram every 5 ms to a forwarded port until stopped."""

    def __init__(self, port):
        super().__init__(daemon=True)
        self.port = port
        self.stopped = threading.Event()
        self.sent = 0

    def run(self):
        payload = bytes(1200)
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
            while not self.stopped.wait(0.005):
                sock.sendto(payload, ('127.0.0.1', self.port))
                self.sent += 1

    def stop(self):
        self.stopped.set()
        if self.ident is not None:
            self.join(5)


def _root(name, nic):
    """A server root with the kernel, the initramfs for the NIC and a
    random file; returns (root, the file's SHA-256)."""
    root = tempfile.mkdtemp(prefix='wireboot-handoff-')
    shutil.copy(osfixtures.net_kernel(), os.path.join(root, 'vmlinuz'))
    with open(os.path.join(root, 'initrd.gz'), 'wb') as f:
        f.write(osfixtures.net_initramfs(nic['modules']))
    data = random.Random(name).randbytes(FILE_SIZE)
    with open(os.path.join(root, 'file.bin'), 'wb') as f:
        f.write(data)
    return root, hashlib.sha256(data).hexdigest()


def _boot(name, args, esp, boot_marker):
    """Runs the machine (UDP in args: the host port forwarded to the
    guest); from boot_marker until the init has read the registers,
    datagrams go to the guest. Returns the console."""
    udp = free_udp_port()
    sender = Sender(udp)
    args = [arg.replace('UDP', str(udp)) for arg in args]
    try:
        with Machine('linux-handoff-' + name, esp=esp, args=args, memory=512) as vm:
            vm.wait_for(boot_marker, 240)
            sender.start()
            vm.wait_for(r'WIREBOOT-INIT: loading ', 120)
            sender.stop()
            vm.wait_for(r'WIREBOOT-INIT: done', 90)
            vm.wait_exit(30)
            print('%s: Linux init done %.0f s after power-on, %d datagrams sent '
                  'during the hand-off' % (name, vm.elapsed(), sender.sent))
            text = vm.text()
    finally:
        sender.stop()
    check(sender.sent > 0, 'no datagram was sent during the hand-off')
    return text


def _check_linux(text, nic, sha256):
    """The init's report: the NIC quiet before Linux's driver, then that
    driver working."""
    def tail():
        return text[-3000:]

    command = re.search(r'WIREBOOT-INIT: pci %s command (0x[0-9a-f]{4})' % nic['pci'], text)
    check(command, 'the init did not find the NIC:\n%s' % tail())
    check(not int(command.group(1), 16) & 0x4,
          'Bus Master Enable still set after ExitBootServices: %s' % command.group(0))
    for register, mask in nic['registers'].items():
        value = re.search(r'WIREBOOT-INIT: register %s (0x[0-9A-Fa-f]+)' % register, text)
        check(value, 'the init did not read register %s:\n%s' % (register, tail()))
        check(not int(value.group(1), 16) & mask,
              'the chip still runs after ExitBootServices: %s' % value.group(0))
    check('WIREBOOT-INIT: eth0 driver %s' % nic['linux_driver'] in text,
          "Linux's %s did not bind the NIC:\n%s" % (nic['linux_driver'], tail()))
    check(re.search(r'WIREBOOT-INIT: lease 10\.0\.2\.15 from 10\.0\.2\.2', text),
          'Linux got no DHCP lease through the NIC:\n%s' % tail())
    check('WIREBOOT-INIT: download %s  /tmp/file' % sha256 in text,
          'Linux did not download the file intact:\n%s' % tail())


def _init_args(nic, port):
    return 'wbnic=%s wbport=%d wbfile=file.bin wbregs=%s' % (
        nic['pci'], port, ','.join(nic['registers']))


def check_linux_takes_over(name):
    """ipxe.efi with our native driver downloads and boots Linux."""
    nic = NICS[name]
    root, sha256 = _root(name, nic)
    files = tempfile.mkdtemp(prefix='wireboot-handoff-nginx-')
    try:
        with Nginx(files, root) as nginx:
            with open(os.path.join(root, 'boot.ipxe'), 'w') as f:
                f.write(BOOT_SCRIPT % _init_args(nic, nginx.port))
            args = ['-netdev', 'user,id=n0,bootfile=http://10.0.2.2:%d/boot.ipxe,'
                    'hostfwd=udp:127.0.0.1:UDP-:9' % nginx.port,
                    '-device', '%s,netdev=n0,mac=%s,romfile=' % (nic['device'], MAC)]
            text = _boot(name, args, boot_esp(os.path.join(BIN, 'ipxe.efi')),
                         r'HANDOFF-BOOT\n')
    finally:
        shutil.rmtree(root, ignore_errors=True)
        shutil.rmtree(files, ignore_errors=True)
    # The kernel and initramfs came through our driver: thousands of
    # frames received.
    stat = re.search(r'net0: %s using %s on PCI .*\n  \[Link:up, TX:\d+ TXE:\d+ RX:(\d+)'
                     % (MAC, re.escape(name)), text)
    check(stat and int(stat.group(1)) > 1000,
          'net0 was not our %s driver, or it received little:\n%s' % (name, text[-3000:]))
    check(re.search(r'http://10\.0\.2\.2:\d+/initrd\.gz\.\.\. ok', text),
          'the initramfs did not come over HTTP:\n%s' % text[-3000:])
    _check_linux(text, nic, sha256)


def test_linux_handoff_virtio_net():
    check_linux_takes_over('virtio-net')


def test_linux_handoff_e1000():
    check_linux_takes_over('e1000')


def test_linux_handoff_e1000e():
    check_linux_takes_over('e1000e')


def test_linux_handoff_rtl8139():
    check_linux_takes_over('rtl8139')


THIN_DEBUG = 'efi_snp_export'


def thin_rom(driver):
    """The CONFIG=qemu ROM of driver, with our SNP's debug output, built
    in its own object directory (a file lock keeps two runs apart)."""
    objdir = os.path.join(BIN, '.obj', 'qemu-debug-' + THIN_DEBUG)
    rom = os.path.join(objdir, 'rom', driver + '.efirom')
    os.makedirs(os.path.dirname(objdir), exist_ok=True)
    with open(objdir + '.lock', 'w') as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        run_make(['CONFIG=qemu', 'DEBUG=' + THIN_DEBUG, os.path.relpath(rom, ROOT)])
    return rom


def check_firmware_boots_over_thin_rom(name):
    """Driver mode: OVMF's own PXE boots a unified kernel image over the
    SNP of our thin ROM for the NIC (the ROM's driver wins over OVMF's own,
    and OVMF has none for e1000). The firmware's network stack still holds
    our SNP initialized, receive ring running, when the kernel calls
    ExitBootServices: only our ExitBootServices handler can stop the chip
    there. (The kernel and initramfs come by QEMU's TFTP, as the UKI; the
    init's file by HTTP.)"""
    nic = NICS[name]
    rom = thin_rom(name)
    root, sha256 = _root('thin-' + name, nic)
    files = tempfile.mkdtemp(prefix='wireboot-handoff-nginx-')
    try:
        with Nginx(files, root) as nginx:
            with open(os.path.join(root, 'initrd.gz'), 'rb') as f:
                initrd = f.read()
            osfixtures.uki(os.path.join(root, 'vmlinuz'), initrd,
                           '%s %s' % (KERNEL_ARGS, _init_args(nic, nginx.port)),
                           os.path.join(root, 'uki.efi'))
            args = ['-netdev', 'user,id=n0,tftp=%s,bootfile=uki.efi,'
                    'hostfwd=udp:127.0.0.1:UDP-:9' % root,
                    '-device', '%s,netdev=n0,mac=%s,romfile=%s,bootindex=0'
                    % (nic['device'], MAC, rom)]
            text = _boot('thin-' + name, args, None, r'NBP file downloaded successfully')
    finally:
        shutil.rmtree(root, ignore_errors=True)
        shutil.rmtree(files, ignore_errors=True)
    # Our SNP's debug output: the firmware's stack ran over it.
    check(re.search(r'SNP net0: filters 0x[0-9a-f]+', text),
          'the firmware did not set receive filters on our SNP:\n%s' % text[-3000:])
    _check_linux(text, nic, sha256)


def test_linux_handoff_thin_rom_e1000_firmware_pxe_boots_a_uki():
    check_firmware_boots_over_thin_rom('e1000')


def test_linux_handoff_thin_rom_virtio_net_firmware_pxe_boots_a_uki():
    check_firmware_boots_over_thin_rom('virtio-net')
