# SPDX-License-Identifier: GPL-2.0-or-later
"""IPv6 in the full application under OVMF, on QEMU's user network with
IPv4 switched off: ipxe.efi on virtio-net takes a SLAAC address from
QEMU's router advertisement (fec0::/64), the boot file URL from its
stateless DHCPv6, fetches the script and a file by TFTP over IPv6 from
QEMU's built-in server and chain-loads the test program. On e1000 too,
whose driver must take every multicast group for neighbour discovery."""
import hashlib
import os
import random
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'lib'))
from wbtest import BIN, Machine, boot_esp, check, run_make  # noqa: E402

MAC = '52:54:00:12:34:66'
SCRIPT = '''#!ipxe
echo V6-START ip6=${net0/ip6} gw=${net0/gateway6} dns=${net0/dns6}
imgfetch tftp://[fec0::2]/data.bin
sha256sum data.bin
chain tftp://[fec0::2]/testprog.efi over-ipv6
'''


def check_ipv6_boot(device):
    run_make(['bin-x86_64-efi/ipxe.efi', 'bin-x86_64-efi/testprog.efi'])
    root = tempfile.mkdtemp(prefix='wireboot-ipv6-')
    try:
        with open(os.path.join(root, 'v6.ipxe'), 'w') as f:
            f.write(SCRIPT)
        data = random.Random(6).randbytes(1 << 20)
        with open(os.path.join(root, 'data.bin'), 'wb') as f:
            f.write(data)
        shutil.copy(os.path.join(BIN, 'testprog.efi'), root)
        args = ['-netdev', 'user,id=n0,ipv4=off,tftp=%s,bootfile=v6.ipxe' % root,
                '-device', '%s,netdev=n0,mac=%s,romfile=' % (device, MAC)]
        with Machine('ipv6-' + device, esp=boot_esp(os.path.join(BIN, 'ipxe.efi')),
                     args=args) as vm:
            vm.wait_for(r'WIREBOOT-TESTPROG: started, load options: \[over-ipv6\]\n', 300)
            vm.wait_exit(60)
            text = vm.text()
        check('IPv6 (net0 %s) ok' % MAC in text, 'IPv6 not configured:\n' + text[-3000:])
        check('V6-START ip6=fec0::5054:ff:fe12:3466 gw=fe80::' in text,
              'no SLAAC address:\n' + text[-3000:])
        check('%s  data.bin' % hashlib.sha256(data).hexdigest() in text,
              'wrong or no SHA-256:\n' + text[-3000:])
    finally:
        shutil.rmtree(root, ignore_errors=True)


def test_slaac_dhcpv6_tftp_over_ipv6_on_virtio_net():
    check_ipv6_boot('virtio-net-pci')


def test_slaac_dhcpv6_tftp_over_ipv6_on_e1000():
    check_ipv6_boot('e1000')
