"""Real traffic through our e1000 driver, on each 8254x model QEMU offers.

tests/efi/nettest.c sends ARP requests for QEMU's user-mode gateway
(10.0.2.2) and waits for the reply, so no protocol stack is involved. It is
built with DEBUG=e1000,e1000e,intel,efi_pci_attach so that the console
shows what the driver found (and any frame it dropped). romfile= (empty) keeps QEMU from loading an option ROM.
Each NIC gets a MAC address of its own, which the driver must read from
the chip.

The full stack is then proven on the 82540EM: ipxe.efi with an embedded
script gets an address from QEMU's DHCP server, downloads 8 MiB by TFTP
(checked by SHA-256, throughput printed) and chain-loads the test program.
test_nic_e1000e.py uses the helpers here for the 82574L.
"""
import fcntl
import hashlib
import os
import random
import re
import shutil
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'lib'))
from wbtest import (BIN, ROOT, Machine, boot_esp, check, run_make,  # noqa: E402
                    scratch_tree)

DEBUG = 'e1000,e1000e,intel,efi_pci_attach'
OBJDIR = os.path.join(BIN, '.obj', 'default-debug-' + DEBUG.replace(',', '-'))
GATEWAY_MAC = '52:55:0a:00:02:02'
DOWNLOAD_SIZE = 8 << 20

# QEMU device (8086:100e, 100f, 100c), the model our ID table names, and
# the MAC address to give it.
E1000_MODELS = (
    ('e1000', '82540em', '52:54:00:e1:00:40'),
    ('e1000-82545em', '82545em', '52:54:00:e1:00:45'),
    ('e1000-82544gc', '82544gc', '52:54:00:e1:00:44'),
)


def nettest_image():
    """The debug build of nettest. Both Intel test files build it; a file
    lock keeps two makes out of one object directory."""
    target = os.path.join(OBJDIR, 'image', 'nettest.efi')
    os.makedirs(os.path.dirname(OBJDIR), exist_ok=True)
    with open(OBJDIR + '.lock', 'w') as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        run_make(['DEBUG=' + DEBUG, os.path.relpath(target, ROOT)])
    return target


def check_arp_round_trip(driver, device, model, mac):
    """Boots nettest with one QEMU NIC and checks that our driver took it,
    read its MAC address and exchanged frames through it."""
    args = ['-netdev', 'user,id=n0',
            '-device', '%s,netdev=n0,mac=%s,romfile=' % (device, mac)]
    with Machine('nic-' + device, esp=boot_esp(nettest_image()), args=args) as vm:
        vm.wait_for(r'NETTEST: firmware SNP handles after remove: \d+', 240)
        vm.wait_exit(30)
        text = vm.text()

    def tail():
        return text[-2500:]

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
    check('dropped' not in text, 'frames were dropped:\n%s' % tail())
    check('PCI %s: given back to the firmware' % location in text,
          'the NIC was not given back:\n%s' % tail())


FETCH_SCRIPT = '''#!ipxe
dhcp
echo FETCH-START
imgfetch tftp://${next-server}/big.bin
echo FETCH-END
sha256sum big.bin
chain tftp://${next-server}/${filename} over %s
'''


def check_dhcp_tftp_and_chain(driver, device):
    """Boots ipxe.efi (with FETCH_SCRIPT embedded) on one QEMU NIC."""
    top, tree = scratch_tree('nic-' + device)
    try:
        script = os.path.join(top, 'fetch.ipxe')
        with open(script, 'w') as f:
            f.write(FETCH_SCRIPT % driver)
        target = 'bin-x86_64-efi/ipxe.efi'
        run_make(['EMBED=' + script, target], cwd=tree)

        root = os.path.join(top, 'tftp')
        os.makedirs(root)
        run_make(['bin-x86_64-efi/testprog.efi'], cwd=tree)
        shutil.copy(os.path.join(tree, 'bin-x86_64-efi', 'testprog.efi'), root)
        data = random.Random(1000).randbytes(DOWNLOAD_SIZE)
        with open(os.path.join(root, 'big.bin'), 'wb') as f:
            f.write(data)

        args = ['-netdev', 'user,id=n0,tftp=%s,bootfile=testprog.efi' % root,
                '-device', '%s,netdev=n0,romfile=' % device]
        with Machine('nic-%s-tftp' % device,
                     esp=boot_esp(os.path.join(tree, target)), args=args) as vm:
            vm.wait_for(r'FETCH-START\n', 240)
            start = time.monotonic()
            vm.wait_for(r'FETCH-END\n', 600)
            seconds = time.monotonic() - start
            vm.wait_for(r'WIREBOOT-TESTPROG: started, load options: '
                        r'\[over %s\]\n' % driver, 120)
            vm.wait_exit(60)
            text = vm.text()
        check('%s  big.bin' % hashlib.sha256(data).hexdigest() in text,
              'wrong or no SHA-256 of the download:\n%s' % text[-3000:])
        print('%s (%s): 8 MiB by TFTP in %.1f s (%.0f KiB/s)'
              % (driver, device, seconds, DOWNLOAD_SIZE / 1024 / seconds))
    finally:
        shutil.rmtree(top, ignore_errors=True)


def test_nic_e1000_dhcp_tftp_and_chain():
    check_dhcp_tftp_and_chain('e1000', 'e1000')


def _model_test(device, model, mac):
    def test():
        check_arp_round_trip('e1000', device, model, mac)
    test.__name__ = 'test_nic_e1000_%s_arp_round_trip' % model
    return test


for _model in E1000_MODELS:
    _test = _model_test(*_model)
    globals()[_test.__name__] = _test
del _model, _test
