"""Real traffic through our rtl8139 driver (QEMU's Realtek RTL8139C+).

tests/efi/nettest.c sends ARP requests for QEMU's user-mode gateway
(10.0.2.2) and waits for the reply, so no protocol stack is involved. It is
built with DEBUG=rtl8139,ne2k_pci,efi_pci_attach so that the console shows
what the driver found (test_nic_ne2k_pci.py shares this build and the
helper here). romfile= (empty) keeps QEMU from loading an option ROM; the
NIC gets a MAC address of its own, which the driver must read from the
chip.

Then the full stack: ipxe.efi with an embedded script gets an address from
QEMU's DHCP server, downloads 8 MiB by TFTP (SHA-256 checked, throughput
printed; the 32 KiB receive ring wraps hundreds of times, with frames split
across its end) and chain-loads the test program.
"""
import fcntl
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'lib'))
sys.path.insert(0, os.path.dirname(__file__))
from wbtest import BIN, ROOT, Machine, boot_esp, check, run_make  # noqa: E402
from test_nic_e1000 import check_dhcp_tftp_and_chain  # noqa: E402

DEBUG = 'rtl8139,ne2k_pci,efi_pci_attach'
OBJDIR = os.path.join(BIN, '.obj', 'default-debug-' + DEBUG.replace(',', '-'))
GATEWAY_MAC = '52:55:0a:00:02:02'


def nettest_image():
    """The debug build of nettest, shared by the rtl8139 and ne2k-pci
    tests; a file lock keeps two makes out of one object directory."""
    target = os.path.join(OBJDIR, 'image', 'nettest.efi')
    os.makedirs(os.path.dirname(OBJDIR), exist_ok=True)
    with open(OBJDIR + '.lock', 'w') as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        run_make(['DEBUG=' + DEBUG, os.path.relpath(target, ROOT)])
    return target


def check_arp_round_trip(driver, device, model, mac):
    """Boots nettest with one QEMU NIC and checks that our driver took it,
    read its MAC address and exchanged frames through it; returns the
    console."""
    args = ['-netdev', 'user,id=n0',
            '-device', '%s,netdev=n0,mac=%s,romfile=' % (device, mac)]
    with Machine('nic-' + device, esp=boot_esp(nettest_image()), args=args) as vm:
        vm.wait_for(r'NETTEST: firmware SNP handles after remove: \d+', 240)
        vm.wait_exit(30)
        text = vm.text()

    def tail():
        return text[-2500:]

    probed = re.search(r'%s PCI ([0-9a-f]{2}:[0-9a-f]{2}\.[0-7]): %s, (?:[^\n]*, )?'
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
    check('NETTEST: transmit failed' not in text, 'a transmit failed:\n%s' % tail())
    check('resetting the receiver' not in text and 'restarting' not in text,
          'the driver lost its place in the receive ring:\n%s' % tail())
    check('PCI %s: given back to the firmware' % location in text,
          'the NIC was not given back:\n%s' % tail())
    return text


def test_nic_rtl8139_arp_round_trip():
    text = check_arp_round_trip('rtl8139', 'rtl8139', 'rtl8139', '52:54:00:81:39:01')
    # OVMF assigns both BARs; the driver prefers the memory one.
    check('rtl8139, memory BAR1' in text, 'registers not reached through BAR1:\n%s'
          % text[-2500:])


def test_nic_rtl8139_dhcp_tftp_and_chain():
    check_dhcp_tftp_and_chain('rtl8139', 'rtl8139')
