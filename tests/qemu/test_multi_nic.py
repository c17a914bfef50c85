# SPDX-License-Identifier: GPL-2.0-or-later
"""Two NICs of different models in one machine: both are driven by our own
drivers (net0, net1) and both get an address by DHCP."""
import os
import re
import shutil
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'lib'))
from wbtest import Machine, boot_esp, check, run_make, scratch_tree  # noqa: E402

SCRIPT = '''#!ipxe
dhcp net0 net1
echo NICS ${net0/mac} ${net0/ip} ${net1/mac} ${net1/ip}
echo LAST ${netX/mac}
poweroff
'''


def test_two_nics_of_different_models():
    top, tree = scratch_tree('multi-nic')
    try:
        script = os.path.join(top, 'two.ipxe')
        with open(script, 'w') as f:
            f.write(SCRIPT)
        run_make(['EMBED=' + script, 'DEBUG=netdev', 'bin-x86_64-efi/ipxe.efi'], cwd=tree)
        args = ['-netdev', 'user,id=n0', '-device', 'e1000,netdev=n0,mac=52:54:00:00:00:01,romfile=',
                '-netdev', 'user,id=n1', '-device', 'rtl8139,netdev=n1,mac=52:54:00:00:00:02,romfile=']
        with Machine('multi-nic', esp=boot_esp(os.path.join(tree, 'bin-x86_64-efi', 'ipxe.efi')),
                     args=args) as vm:
            match = vm.wait_for(r'NICS (\S+) (\S+) (\S+) (\S+)\n', 240)
            last = vm.wait_for(r'LAST (\S+)\n', 60)
            vm.wait_exit(60)
            text = vm.text()
        devices = dict(re.findall(r'(net\d): (\S+) at PCI', text))
        check(sorted(devices.values()) == ['e1000', 'rtl8139'],
              'expected e1000 and rtl8139 as net0/net1, got %r:\n%s' % (devices, text[-2000:]))
        check(match.group(1) == '52:54:00:00:00:01' and match.group(3) == '52:54:00:00:00:02'
              or match.group(1) == '52:54:00:00:00:02' and match.group(3) == '52:54:00:00:00:01',
              'MAC addresses %s, %s' % (match.group(1), match.group(3)))
        check(match.group(2) == '10.0.2.15' and match.group(4) == '10.0.2.15',
              'each NIC should have its own lease on its own network: %s %s'
              % (match.group(2), match.group(4)))
        check(last.group(1) == match.group(3),
              '${netX/mac} is %s, want the last opened NIC (net1) %s'
              % (last.group(1), match.group(3)))
        check(len(re.findall(r'DHCP \(net[01] [0-9a-f:]{17}\).*? ok', text, re.S)) == 2,
              'not both NICs finished DHCP:\n%s' % text[-2000:])
    finally:
        shutil.rmtree(top, ignore_errors=True)
