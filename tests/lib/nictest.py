# SPDX-License-Identifier: GPL-2.0-or-later
"""Shared checks for NIC drivers under QEMU + OVMF.

Three proofs per NIC model:
  check_arp_round_trip   tests/efi/nettest.c (no protocol stack) exchanges
                         ARP with QEMU's user-mode gateway through the driver;
  check_dhcp_tftp_and_chain
                         ipxe.efi with an embedded script: DHCP from QEMU's
                         server, 8 MiB by TFTP checked by SHA-256, then a
                         chain-load of the test program with arguments;
  check_receive_overflow the host floods the guest while it does not poll:
                         the driver must survive a full receive ring.
Each image is built once per test run (debug output of every driver, the PCI
attach code and the device layer, so the console says who carried the
traffic) and shared by all NIC tests.
"""
import atexit
import fcntl
import glob
import hashlib
import os
import random
import re
import shutil
import socket
import threading
import time

from wbtest import BIN, ROOT, Machine, boot_esp, check, run_make, scratch_tree

GATEWAY_MAC = '52:55:0a:00:02:02'
DOWNLOAD_SIZE = 8 << 20
DRIVER_SOURCES = sorted(glob.glob(os.path.join(ROOT, 'src', 'drivers', 'net', '*.c')))
DEBUG = ','.join([os.path.basename(s)[:-2] for s in DRIVER_SOURCES] +
                 ['efi_pci_attach', 'efi_pci_match', 'netdev'])
DEBUG_OBJDIR = os.path.join(BIN, '.obj', 'default-debug-' + DEBUG.replace(',', '-'))

FETCH_SCRIPT = '''#!ipxe
dhcp
echo FETCH-START
imgfetch tftp://${next-server}/big.bin
echo FETCH-END
sha256sum big.bin
chain tftp://${next-server}/testprog.efi over ${net0/mac}
'''

_lock = threading.Lock()
_built = {}


def _once(key, build):
    with _lock:
        if key not in _built:
            _built[key] = build()
        return _built[key]


def nettest_image(name='nettest'):
    """The debug build of a nettest image, in this tree (a file lock keeps
    two test runs out of one object directory)."""
    def build():
        target = os.path.join(DEBUG_OBJDIR, 'image', name + '.efi')
        os.makedirs(os.path.dirname(DEBUG_OBJDIR), exist_ok=True)
        with open(DEBUG_OBJDIR + '.lock', 'w') as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            run_make(['DEBUG=' + DEBUG, os.path.relpath(target, ROOT)])
        return target
    return _once('nettest-' + name, build)


def _fetch_setup():
    """A scratch tree with the fetch script embedded (ipxe.efi and
    snponly.efi), and a TFTP root with the test program and 8 MiB of random
    data; removed when the test run ends."""
    top, tree = scratch_tree('nictest')
    atexit.register(shutil.rmtree, top, True)
    script = os.path.join(top, 'fetch.ipxe')
    with open(script, 'w') as f:
        f.write(FETCH_SCRIPT)
    run_make(['EMBED=' + script, 'DEBUG=netdev', 'bin-x86_64-efi/ipxe.efi',
              'bin-x86_64-efi/snponly.efi'], cwd=tree)
    root = os.path.join(top, 'tftp')
    os.makedirs(root)
    shutil.copy(os.path.join(BIN, 'testprog.efi'), root)
    data = random.Random(8).randbytes(DOWNLOAD_SIZE)
    with open(os.path.join(root, 'big.bin'), 'wb') as f:
        f.write(data)
    return {'tree': tree, 'tftp': root, 'sha256': hashlib.sha256(data).hexdigest()}


def fetch_setup():
    return _once('fetch', _fetch_setup)


def check_arp_round_trip(driver, device, model, mac, pci_id=None):
    """Boots nettest with one QEMU NIC (device: QEMU's model name and
    options) and checks that our driver took it (matched by pci_id, when
    given), read its MAC address from the chip, saw the link, exchanged
    frames through it and gave the NIC back. Returns the console."""
    args = ['-netdev', 'user,id=n0',
            '-device', '%s,netdev=n0,mac=%s,romfile=' % (device, mac)]
    with Machine('nic-arp-' + device.split(',')[0], esp=boot_esp(nettest_image()),
                 args=args) as vm:
        vm.wait_for(r'NETTEST: firmware SNP handles after remove: \d+', 240)
        vm.wait_exit(30)
        text = vm.text()

    def tail():
        return text[-2500:]

    probed = re.search(r'%s PCI ([0-9a-f]{2}:[0-9a-f]{2}\.[0-7]): %s.*?'
                       r'MAC ([0-9a-f:]{17}), link (up|down)' % (driver, model), text)
    check(probed, 'the %s driver did not report the NIC:\n%s' % (driver, tail()))
    location, read_mac, link = probed.groups()
    if pci_id:
        check('%s is %s (%s)' % (pci_id, driver, model) in text,
              '%s was not matched to %s:\n%s' % (pci_id, driver, tail()))
    check(read_mac == mac, 'MAC read from the chip is %s, expected %s' % (read_mac, mac))
    check(link == 'up', 'link reported down at probe')
    check('NETTEST: net0 is %s at PCI %s, MAC %s' % (driver, location, mac) in text,
          'net0 is not our %s:\n%s' % (driver, tail()))
    check('NETTEST: link up' in text, 'link not up after open:\n%s' % tail())
    check('NETTEST: ARP reply from %s via %s' % (GATEWAY_MAC, driver) in text,
          'no ARP reply through %s:\n%s' % (driver, tail()))
    for trouble in ('NETTEST: transmit failed', 'receive error', 'cannot open',
                    'resetting the receiver'):
        check(trouble not in text, 'the driver reported trouble (%s):\n%s'
              % (trouble, tail()))
    check('PCI %s: given back to the firmware' % location in text,
          'the NIC was not given back:\n%s' % tail())
    return text


def check_dhcp_tftp_and_chain(driver, device, mac='52:54:00:12:34:56', image='ipxe'):
    """ipxe.efi (or snponly.efi, loaded by the firmware's PXE) on one QEMU
    NIC: DHCP, 8 MiB by TFTP with the right SHA-256, chain-load of the test
    program with arguments. Returns the download's throughput in KiB/s."""
    setup = fetch_setup()
    built = os.path.join(setup['tree'], 'bin-x86_64-efi', image + '.efi')
    netdev = 'user,id=n0,tftp=%s,bootfile=testprog.efi' % setup['tftp']
    esp = boot_esp(built)
    if image == 'snponly':
        # The firmware's PXE loads snponly.efi from the TFTP root: it must
        # then use the NIC it came from.
        shutil.copy(built, setup['tftp'])
        netdev = 'user,id=n0,tftp=%s,bootfile=snponly.efi' % setup['tftp']
        esp = None
    nic = '%s,netdev=n0,mac=%s,romfile=' % (device, mac)
    args = ['-netdev', netdev, '-device', nic + (',bootindex=0' if esp is None else '')]
    with Machine('nic-tftp-%s-%s' % (image, device.split(',')[0]), esp=esp, args=args) as vm:
        vm.wait_for(r'FETCH-START\n', 300)
        start = time.monotonic()
        vm.wait_for(r'FETCH-END\n', 180)
        seconds = time.monotonic() - start
        vm.wait_for(r'WIREBOOT-TESTPROG: started, load options: \[over %s\]\n' % mac, 120)
        vm.wait_exit(60)
        text = vm.text()
    check(re.search(r'net0: %s at ' % re.escape(driver), text),
          'net0 is not driven by %s:\n%s' % (driver, text[-2500:]))
    check('%s  big.bin' % setup['sha256'] in text,
          'wrong or no SHA-256 of the download:\n%s' % text[-3000:])
    rate = DOWNLOAD_SIZE / 1024 / seconds
    print('%s (%s): 8 MiB by TFTP in %.1f s (%.0f KiB/s)' % (driver, device, seconds, rate))
    return rate


# Hashing 8 MiB keeps the guest busy, not polling the NIC, while the host
# floods it; QEMU's TFTP server cannot recover lost data blocks (it answers
# any ACK with its next block), so no download runs meanwhile. The
# chain-load afterwards needs the NIC again.
FLOOD_SCRIPT = '''#!ipxe
dhcp
imgfetch tftp://${next-server}/big.bin
echo FLOOD-NOW
sha256sum big.bin
sha256sum big.bin
echo FLOOD-OVER
chain tftp://${next-server}/testprog.efi over ${net0/mac}
'''
FLOOD_BURSTS = 10
FLOOD_BURST_DATAGRAMS = 200


def _flood_setup():
    """ipxe.efi with the flood script and every driver's debug output."""
    top, tree = scratch_tree('nictest-flood')
    atexit.register(shutil.rmtree, top, True)
    script = os.path.join(top, 'flood.ipxe')
    with open(script, 'w') as f:
        f.write(FLOOD_SCRIPT)
    run_make(['EMBED=' + script, 'DEBUG=' + DEBUG, 'bin-x86_64-efi/ipxe.efi'], cwd=tree)
    return os.path.join(tree, 'bin-x86_64-efi', 'ipxe.efi')


def free_udp_port():
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.bind(('127.0.0.1', 0))
        return sock.getsockname()[1]


def _flood(port):
    """Bursts of full-size datagrams, each more than a receive ring holds."""
    payload = bytes(1400)
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        for _ in range(FLOOD_BURSTS):
            for _ in range(FLOOD_BURST_DATAGRAMS):
                sock.sendto(payload, ('127.0.0.1', port))
            time.sleep(0.01)


def check_receive_overflow(driver, device, full_message, mac='52:54:00:12:34:56'):
    """Floods the guest (through a forwarded UDP port) while it hashes and
    does not poll: the driver must report full_message and the NIC must
    still chain-load the test program afterwards."""
    image = _once('flood', _flood_setup)
    setup = fetch_setup()
    port = free_udp_port()
    args = ['-netdev', 'user,id=n0,tftp=%s,bootfile=testprog.efi,'
            'hostfwd=udp:127.0.0.1:%d-:9' % (setup['tftp'], port),
            '-device', '%s,netdev=n0,mac=%s,romfile=' % (device, mac)]
    with Machine('nic-flood-%s' % device, esp=boot_esp(image), args=args) as vm:
        vm.wait_for(r'FLOOD-NOW\n', 300)
        _flood(port)
        vm.wait_for(r'FLOOD-OVER\n', 120)
        vm.wait_for(r'WIREBOOT-TESTPROG: started, load options: \[over %s\]\n' % mac, 120)
        vm.wait_exit(60)
        text = vm.text()
    check(text.count('%s  big.bin' % setup['sha256']) == 2,
          'wrong or no SHA-256 of the download:\n%s' % text[-3000:])
    check(full_message in text.split('FLOOD-OVER', 1)[1] or
          full_message in text.split('FLOOD-NOW', 1)[1],
          'the receive ring never ran full:\n%s' % text[-3000:])
