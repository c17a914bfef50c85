"""Real traffic through our vmxnet3 driver (QEMU's "vmxnet3" device).

First without any protocol stack: tests/efi/nettest.c sends ARP requests
for QEMU's user-mode gateway (10.0.2.2) and waits for the reply; it is built
with DEBUG=vmxnet3 so that the console shows what the driver found. Then
the whole stack over it: DHCP from QEMU's server, an 8 MiB TFTP download
checked by SHA-256 (thousands of frames: every ring wraps many times), and
a chain-load of the test program. romfile= (empty) keeps QEMU from loading
an option ROM for the NIC.
"""
import hashlib
import os
import random
import re
import shutil
import sys
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'lib'))
from wbtest import (BIN, ROOT, Machine, boot_esp, check, run_make,  # noqa: E402
                    scratch_tree)

DEBUG = 'vmxnet3'
OBJDIR = os.path.join(BIN, '.obj', 'default-debug-' + DEBUG)
MAC = '52:54:00:12:34:56'
GATEWAY_MAC = '52:55:0a:00:02:02'
DOWNLOAD_SIZE = 8 << 20

_build_lock = threading.Lock()
_built = False


def nettest_image():
    """The debug build of nettest (built once per test run)."""
    global _built
    target = os.path.join(OBJDIR, 'image', 'nettest.efi')
    with _build_lock:
        if not _built:
            run_make(['DEBUG=' + DEBUG, os.path.relpath(target, ROOT)])
            _built = True
    return target


def test_nic_vmxnet3_arp_round_trip():
    args = ['-netdev', 'user,id=n0', '-device', 'vmxnet3,netdev=n0,romfile=']
    with Machine('nic-vmxnet3', esp=boot_esp(nettest_image()), args=args) as vm:
        vm.wait_for(r'NETTEST: firmware SNP handles after remove: \d+', 240)
        vm.wait_exit(30)
        text = vm.text()
    probed = re.search(r'vmxnet3 PCI ([0-9a-f]{2}:[0-9a-f]{2}\.[0-7]): vmxnet3, '
                       r'MAC ([0-9a-f:]{17}), link (up|down)', text)
    check(probed, 'the driver did not report the NIC:\n%s' % text[-2000:])
    location, mac, link = probed.groups()
    check(mac == MAC, 'MAC read from the chip is %s, expected %s' % (mac, MAC))
    check(link == 'up', 'link reported down at probe')
    check('NETTEST: net0 is vmxnet3 at PCI %s, MAC %s' % (location, MAC) in text,
          'net0 is not our vmxnet3:\n%s' % text[-2000:])
    check('NETTEST: firmware SNP handles while probed: 0' in text,
          'a firmware SNP remained while we drove the NIC:\n%s' % text[-2000:])
    check('NETTEST: link up' in text, 'link not up after open:\n%s' % text[-2000:])
    check('NETTEST: ARP reply from %s via vmxnet3' % GATEWAY_MAC in text,
          'no ARP reply through vmxnet3:\n%s' % text[-2000:])
    check('activation failed' not in text and 'queue error' not in text,
          'the device complained:\n%s' % text[-2000:])


FETCH_SCRIPT = '''#!ipxe
dhcp
echo FETCH-START
imgfetch tftp://${next-server}/big.bin
echo FETCH-END
sha256sum big.bin
chain tftp://${next-server}/${filename} over vmxnet3
'''


def test_nic_vmxnet3_dhcp_tftp_and_chain():
    top, tree = scratch_tree('nic-vmxnet3')
    try:
        script = os.path.join(top, 'fetch.ipxe')
        with open(script, 'w') as f:
            f.write(FETCH_SCRIPT)
        target = 'bin-x86_64-efi/ipxe.efi'
        run_make(['EMBED=' + script, target], cwd=tree)

        root = os.path.join(top, 'tftp')
        os.makedirs(root)
        run_make([os.path.join(os.path.relpath(BIN, ROOT), 'testprog.efi')])
        shutil.copy(os.path.join(BIN, 'testprog.efi'), root)
        data = random.Random(3).randbytes(DOWNLOAD_SIZE)
        with open(os.path.join(root, 'big.bin'), 'wb') as f:
            f.write(data)

        args = ['-netdev', 'user,id=n0,tftp=%s,bootfile=testprog.efi' % root,
                '-device', 'vmxnet3,netdev=n0,romfile=']
        with Machine('nic-vmxnet3-tftp', esp=boot_esp(os.path.join(tree, target)),
                     args=args) as vm:
            vm.wait_for(r'FETCH-START\n', 240)
            start = time.monotonic()
            vm.wait_for(r'FETCH-END\n', 600)
            seconds = time.monotonic() - start
            vm.wait_for(r'WIREBOOT-TESTPROG: started, load options: '
                        r'\[over vmxnet3\]\n', 120)
            vm.wait_exit(60)
            text = vm.text()
        check('%s  big.bin' % hashlib.sha256(data).hexdigest() in text,
              'wrong or no SHA-256 of the download:\n%s' % text[-3000:])
        print('vmxnet3: 8 MiB by TFTP in %.1f s (%.0f KiB/s)'
              % (seconds, DOWNLOAD_SIZE / 1024 / seconds))
    finally:
        shutil.rmtree(top, ignore_errors=True)
