"""Real traffic through our pcnet driver (QEMU's AMD PCnet-PCI II).

tests/efi/nettest.c sends ARP requests for QEMU's user-mode gateway
(10.0.2.2) and waits for the reply, so no protocol stack is involved. It is
built with DEBUG=pcnet,eepro100,efi_pci_attach,efi_pci_match so that the
console shows what the driver found (test_nic_eepro100.py shares this
build and the helpers here). romfile= (empty) keeps QEMU from loading an
option ROM; the NIC gets a MAC address of its own, which the driver must
read from the chip.

Then the full stack: ipxe.efi with an embedded script gets an address from
QEMU's DHCP server, downloads 8 MiB by TFTP (SHA-256 checked, throughput
printed; the receive ring wraps thousands of times) and chain-loads the
test program, with test_nic_e1000.py's helper. Last, the host floods the
guest with UDP datagrams (through a hostfwd port) while it computes
SHA-256 sums and polls no NIC: the receive ring runs full, which the
driver must notice and survive, and the chain-load that follows must work.
"""
import fcntl
import hashlib
import os
import random
import re
import shutil
import socket
import sys
import threading

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'lib'))
sys.path.insert(0, os.path.dirname(__file__))
from wbtest import (BIN, ROOT, Machine, boot_esp, check, run_make,  # noqa: E402
                    scratch_tree)
from test_nic_e1000 import check_dhcp_tftp_and_chain  # noqa: E402

DEBUG = 'pcnet,eepro100,efi_pci_attach,efi_pci_match'
OBJDIR = os.path.join(BIN, '.obj', 'default-debug-' + DEBUG.replace(',', '-'))
GATEWAY_MAC = '52:55:0a:00:02:02'
FLOOD_BURSTS = 10
FLOOD_BURST_DATAGRAMS = 200


def nettest_image():
    """The debug build of nettest; a file lock keeps the two test files'
    makes out of one object directory."""
    target = os.path.join(OBJDIR, 'image', 'nettest.efi')
    os.makedirs(os.path.dirname(OBJDIR), exist_ok=True)
    with open(OBJDIR + '.lock', 'w') as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        run_make(['DEBUG=' + DEBUG, os.path.relpath(target, ROOT)])
    return target


def check_arp_round_trip(driver, device, pci_id, model, mac):
    """Boots nettest with one QEMU NIC and checks that our driver took it,
    read its MAC address, saw the link and exchanged frames through it,
    then gave the NIC back."""
    args = ['-netdev', 'user,id=n0',
            '-device', '%s,netdev=n0,mac=%s,romfile=' % (device, mac)]
    with Machine('nic-' + device, esp=boot_esp(nettest_image()), args=args) as vm:
        vm.wait_for(r'NETTEST: firmware SNP handles after remove: \d+', 240)
        vm.wait_exit(30)
        text = vm.text()

    def tail():
        return text[-2500:]

    check('%s is %s (%s)' % (pci_id, driver, model) in text,
          '%s was not matched to %s:\n%s' % (pci_id, driver, tail()))
    probed = re.search(r'%s PCI ([0-9a-f]{2}:[0-9a-f]{2}\.[0-7]): %s, '
                       r'MAC ([0-9a-f:]{17}), link (up|down)' % (driver, model), text)
    check(probed, 'the driver did not report the NIC:\n%s' % tail())
    location, read_mac, link = probed.groups()
    check(read_mac == mac, 'MAC read from the chip is %s, expected %s' % (read_mac, mac))
    check(link == 'up', 'link reported down at probe')
    check('NETTEST: net0 is %s at PCI %s, MAC %s' % (driver, location, mac) in text,
          'net0 is not our %s:\n%s' % (driver, tail()))
    check('NETTEST: link up' in text, 'link not up after open:\n%s' % tail())
    check('NETTEST: ARP reply from %s via %s' % (GATEWAY_MAC, driver) in text,
          'no ARP reply through %s:\n%s' % (driver, tail()))
    check('receive error' not in text and 'cannot open' not in text,
          'the driver reported an error:\n%s' % tail())
    check('PCI %s: given back to the firmware' % location in text,
          'the NIC was not given back:\n%s' % tail())


def test_nic_pcnet_arp_round_trip():
    check_arp_round_trip('pcnet', 'pcnet', '1022:2000', 'am79c970a',
                         '52:54:00:ac:97:0a')


def test_nic_pcnet_dhcp_tftp_and_chain():
    check_dhcp_tftp_and_chain('pcnet', 'pcnet')


def free_udp_port():
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.bind(('127.0.0.1', 0))
        return sock.getsockname()[1]


def flood(port):
    """Bursts of full-size datagrams, each more than a receive ring holds."""
    payload = bytes(1400)
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        for _ in range(FLOOD_BURSTS):
            for _ in range(FLOOD_BURST_DATAGRAMS):
                sock.sendto(payload, ('127.0.0.1', port))
            threading.Event().wait(0.01)


# Hashing 8 MiB keeps the guest busy, not polling the NIC, while the host
# floods it; QEMU's TFTP server cannot recover lost data blocks, so no
# download runs meanwhile. The chain-load afterwards needs the NIC again.
FLOOD_SCRIPT = '''#!ipxe
dhcp
imgfetch tftp://${next-server}/big.bin
echo FLOOD-NOW
sha256sum big.bin
sha256sum big.bin
echo FLOOD-OVER
chain tftp://${next-server}/${filename} over %s
'''


def check_receive_overflow(driver, device, full_message):
    """Boots ipxe.efi (DEBUG=driver, FLOOD_SCRIPT embedded) and floods the
    guest while it does not poll: the driver must report the full ring
    and still chain-load the test program afterwards."""
    top, tree = scratch_tree('nic-%s-flood' % device)
    try:
        script = os.path.join(top, 'flood.ipxe')
        with open(script, 'w') as f:
            f.write(FLOOD_SCRIPT % driver)
        target = 'bin-x86_64-efi/ipxe.efi'
        run_make(['EMBED=' + script, 'DEBUG=' + driver.replace('-', '_'),
                  target, 'bin-x86_64-efi/testprog.efi'], cwd=tree)
        root = os.path.join(top, 'tftp')
        os.makedirs(root)
        shutil.copy(os.path.join(tree, 'bin-x86_64-efi', 'testprog.efi'), root)
        data = random.Random(2000).randbytes(8 << 20)
        with open(os.path.join(root, 'big.bin'), 'wb') as f:
            f.write(data)

        port = free_udp_port()
        args = ['-netdev', 'user,id=n0,tftp=%s,bootfile=testprog.efi,'
                'hostfwd=udp:127.0.0.1:%d-:9' % (root, port),
                '-device', '%s,netdev=n0,romfile=' % device]
        with Machine('nic-%s-flood' % device,
                     esp=boot_esp(os.path.join(tree, target)), args=args) as vm:
            vm.wait_for(r'FLOOD-NOW\n', 300)
            flood(port)
            vm.wait_for(r'FLOOD-OVER\n', 120)
            vm.wait_for(r'WIREBOOT-TESTPROG: started, load options: '
                        r'\[over %s\]\n' % driver, 120)
            vm.wait_exit(60)
            text = vm.text()
        digest = hashlib.sha256(data).hexdigest()
        check(text.count('%s  big.bin' % digest) == 2,
              'wrong or no SHA-256 of the download:\n%s' % text[-3000:])
        check(full_message in text.split('FLOOD-OVER', 1)[1],
              'the receive ring never ran full:\n%s' % text[-3000:])
    finally:
        shutil.rmtree(top, ignore_errors=True)


def test_nic_pcnet_survives_a_full_receive_ring():
    check_receive_overflow('pcnet', 'pcnet', 'pcnet net0: receive ring was full')
