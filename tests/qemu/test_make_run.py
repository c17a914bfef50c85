# SPDX-License-Identifier: GPL-2.0-or-later
"""`make run` as a person starts it, with the serial console typed into:
ipxe.efi boots under OVMF, gets an address from QEMU's DHCP server, runs
examples/menu.ipxe (the boot file QEMU hands out) from the TFTP copy of
examples/, whose menu opens the settings view (left with Esc) and then
chain-loads the EFI test program, which prints the arguments the menu
gave it and powers the machine off. Nothing comes from outside the
machine."""
import os
import re
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'lib'))
from wbtest import BANNER, ROOT, Machine, check  # noqa: E402

MENU_ITEM = 'Chain-load the EFI test program'


def wait_after(vm, start, pattern, timeout):
    """Waits for pattern in what the console printed after offset start."""
    deadline = time.monotonic() + timeout
    while not re.search(pattern, vm.text()[start:]):
        check(time.monotonic() < deadline and vm.process.poll() is None,
              '%r did not appear; console ends:\n%s' % (pattern, vm.tail()))
        time.sleep(0.05)


def test_make_run_reaches_the_menu_and_chain_loads():
    command = ['make', '--no-print-directory', '-s', '-C', ROOT, 'run']
    with Machine('make-run', command=command, serial_input=True) as vm:
        vm.wait_for(BANNER, 600)
        vm.wait_for(r'DHCP \(net0 [0-9a-f:]{17}\) ok', 120)
        vm.wait_for(r'tftp://10\.0\.2\.2/menu\.ipxe\.\.\. ok', 60)
        vm.wait_for(r'Booted menu\.ipxe from 10\.0\.2\.2: this machine is '
                    r'10\.0\.2\.15 \(52:54:00:12:34:56\)', 60)
        vm.wait_for(MENU_ITEM, 60)
        # The settings view (config), left with Esc back to the menu.
        start = len(vm.text())
        vm.send(b's')
        wait_after(vm, start, r'chip\s+virtio-net', 60)
        start = len(vm.text())
        vm.send(b'\x1b')
        wait_after(vm, start, MENU_ITEM, 60)
        vm.send(b't')
        vm.wait_for(r'WIREBOOT-TESTPROG: started, load options: '
                    r'\[chain-loaded from the make run menu\]', 120)
        vm.wait_exit(60)
        check('Leave to the firmware' in vm.text(), 'the menu lost an item')
        print('make run: menu to test program in %.0f s' % vm.elapsed())
