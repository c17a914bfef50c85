# SPDX-License-Identifier: GPL-2.0-or-later
"""Driver mode over IPv6: a thin option ROM (CONFIG=qemu: our driver and
SNP only) on virtio-net and on e1000, and OVMF's own "PXE over IPv6"
boots the test program through it -- router advertisements from radvd,
DHCPv6 with a boot file URL and TFTP over IPv6 from dnsmasq in a lab namespace
(tests/lib/netlab.py, a clean relay). The link's IPv4 leases name a boot
file that does not exist, so OVMF's IPv4 attempt fails at once (without
leases it would wait out its DHCP retries) and IPv6 follows."""
import atexit
import os
import re
import shutil
import sys
import threading

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'lib'))
sys.path.insert(0, os.path.dirname(__file__))
from hostedlab import PREFIX6, SERVER6, ipv6_server, radvd6, read_text  # noqa: E402
from netlab import QemuLab  # noqa: E402
from test_driver_mode import TESTPROG_MARKER  # noqa: E402
from wbtest import BIN, Machine, TestFailure, check, run_make, scratch_tree  # noqa: E402

_lock = threading.Lock()
_roms = {}


def thin_roms():
    """{device: ROM} of CONFIG=qemu builds with our SNP's debug output (it
    proves that the firmware's stack ran over our driver), made once in a
    scratch tree."""
    with _lock:
        if not _roms:
            top, tree = scratch_tree('driver-mode-ipv6')
            atexit.register(shutil.rmtree, top, True)
            objdir = os.path.join(tree, 'bin-x86_64-efi', '.obj', 'qemu-debug-efi_snp_export')
            roms = {'virtio-net-pci': 'virtio-net.efirom', 'e1000': 'e1000.efirom'}
            run_make(['CONFIG=qemu', 'DEBUG=efi_snp_export'] +
                     [os.path.relpath(os.path.join(objdir, 'rom', rom), tree)
                      for rom in roms.values()], cwd=tree)
            _roms.update({device: os.path.join(objdir, 'rom', rom)
                          for device, rom in roms.items()})
    return _roms


# OVMF runs two DHCPv6 clients when an advertisement has the Managed flag
# (its IPv6 configuration's and PXE's), with one DUID: dnsmasq may then
# advertise the same address to both, and PXE, refused it by the other's
# lease ("no addresses available"), repeats its Request for minutes. So
# the advertisements come from radvd without that flag (the address by
# SLAAC) and dnsmasq serves only PXE's stateful DHCPv6.
PXE6_BOOT_S = 120


def dhcpv6_trace(log_path):
    """The DHCP, router-solicitation and TFTP lines of dnsmasq's log, for
    a failure's report."""
    lines = [line for line in read_text(log_path).splitlines()
             if re.search(r'DHCP(SOLICIT|ADVERTISE|REQUEST|REPLY|RELEASE)|dnsmasq-tftp', line)]
    return '\n'.join(lines[-40:])


def pxe6_boot(device):
    run_make(['bin-x86_64-efi/testprog.efi'])
    with QemuLab('pxe6-' + device.split('-')[0]) as lab:
        root = os.path.join(lab.files, 'root')
        os.mkdir(root)
        shutil.copy(os.path.join(BIN, 'testprog.efi'), os.path.join(root, 'testprog.efi'))
        server = ipv6_server(lab)
        radvd6(lab, server)
        _, log_path = lab.dnsmasq(server, 'pxe6', [
            '--port=0', '--no-ping', '--enable-tftp', '--tftp-root=' + root,
            '--dhcp-range=%s::100,%s::1ff,64,1h' % (PREFIX6, PREFIX6),
            '--dhcp-range=10.79.0.100,10.79.0.150,1h', '--dhcp-boot=no-such-file.efi',
            '--dhcp-option=option6:bootfile-url,tftp://[%s]/testprog.efi' % SERVER6])
        args = lab.netdev_args('n0') + [
            '-device', '%s,netdev=n0,romfile=%s,bootindex=0' % (device, thin_roms()[device])]
        with Machine('driver-pxe6-' + device, args=args) as vm:
            vm.wait_for(r'>>Start PXE over IPv6', 240)
            try:
                vm.wait_for(TESTPROG_MARKER, PXE6_BOOT_S)
            except TestFailure as failure:
                raise TestFailure('%s\ndnsmasq saw:\n%s' % (failure, dhcpv6_trace(log_path)))
            vm.wait_exit(30)
            return vm.text()


def check_over_our_snp(text, device):
    check('SNP net0: initialize' in text,
          'the firmware did not run PXE over our SNP on %s:\n%s' % (device, text[-3000:]))
    check(text.index('Start PXE over IPv6') < text.index('WIREBOOT-TESTPROG'), text[-3000:])


def test_thin_rom_pxe_over_ipv6_virtio_net():
    check_over_our_snp(pxe6_boot('virtio-net-pci'), 'virtio-net')


def test_thin_rom_pxe_over_ipv6_e1000():
    check_over_our_snp(pxe6_boot('e1000'), 'e1000')
