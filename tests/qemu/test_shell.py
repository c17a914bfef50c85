# SPDX-License-Identifier: GPL-2.0-or-later
"""The shell of ipxe.efi under OVMF, typed at through the serial console:

- with nothing to boot (no NIC), the failed autoboot opens the shell; the
  banner offered Ctrl-B once; lines run as script lines, Up brings the
  last line back, Tab completes a command and a setting name and a
  second Tab lists the candidates; "exit" returns to the firmware;
- Ctrl-B while autoboot waits for DHCP (on a network with no server)
  cancels it and opens the shell, where "shell" nests one and "exit"
  leaves only that.
"""
import os
import re
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'lib'))
from wbtest import BIN, Machine, boot_esp, check  # noqa: E402

PROMPT = 'wireboot> '
# Ctrl-B is sent this long after the banner: the NIC is up and DHCP runs
# by then (it waits 30 s for the server that is not there).
DHCP_RUNNING_SECONDS = 4


def type_line(vm, data, expect, timeout=30):
    """Types data and waits for the output pattern expect after it."""
    before = len(vm.text())
    vm.send(data)
    deadline = time.monotonic() + timeout
    while not re.search(expect, vm.text()[before:]):
        check(time.monotonic() < deadline,
              'after typing %r, %r did not appear; console ends:\n%s'
              % (data, expect, vm.tail()))
        time.sleep(0.05)


def test_failed_autoboot_opens_the_shell():
    with Machine('shell-autoboot-failed', esp=boot_esp(os.path.join(BIN, 'ipxe.efi')),
                 args=['-net', 'none'], serial_input=True) as vm:
        vm.wait_for(r'No network devices: nothing to boot from\n' + PROMPT,
                    timeout=180)
        text = vm.text()
        check(text.count('Press Ctrl-B for the wireboot shell...\n') == 1,
              'the banner should offer Ctrl-B once:\n%s' % vm.tail())
        type_line(vm, b'echo one\r', r'echo one\none\n' + PROMPT)
        # Up: the last line again.
        type_line(vm, b'\x1b[A\r', r'echo one\none\n' + PROMPT)
        check(vm.text().count('\none\n') == 2, 'history did not repeat:\n%s' % vm.tail())
        # Tab completes a command...
        type_line(vm, b'ech\tTAB-DONE\r', r'echo TAB-DONE\nTAB-DONE\n' + PROMPT)
        # ...lists candidates on a second Tab...
        type_line(vm, b'imgf\t\t', r'\nimgfetch  imgfree\n' + PROMPT + 'imgf')
        # ...and completes setting names inside ${.
        type_line(vm, b'\x15set abcdef SETTING-DONE\r', PROMPT)
        type_line(vm, b'echo ${abc\t\r', r'echo \$\{abcdef\}\nSETTING-DONE\n' + PROMPT)
        # A failing command says so; the shell stays.
        type_line(vm, b'imgfree nothing\r', r"'imgfree nothing' failed: .*\n" + PROMPT)
        type_line(vm, b'exit\r', r'exit\n')
        # Back in the firmware, which goes on to its next boot option.
        vm.wait_for(r'exit\n[\s\S]*BdsDxe', timeout=60)


def test_ctrl_b_during_autoboot_opens_the_shell():
    args = ['-netdev', 'hubport,id=n0,hubid=0',
            '-device', 'virtio-net-pci,netdev=n0,romfile=']
    with Machine('shell-ctrl-b', esp=boot_esp(os.path.join(BIN, 'ipxe.efi')),
                 args=args, serial_input=True) as vm:
        vm.wait_for(r'Press Ctrl-B for the wireboot shell\.\.\.\n', timeout=180)
        time.sleep(DHCP_RUNNING_SECONDS)
        began = vm.elapsed()
        vm.send(b'\x02')
        vm.wait_for(r'Configuration: Operation canceled\n' + PROMPT, timeout=30)
        check(vm.elapsed() - began < 10, 'Ctrl-B took %.1f s' % (vm.elapsed() - began))
        check('Nothing booted' not in vm.text(),
              'a cancel should not count as a failed boot:\n%s' % vm.tail())
        # A shell in the shell; exit leaves the inner one only.
        type_line(vm, b'shell\r', r'shell\n' + PROMPT)
        type_line(vm, b'exit\r', r'exit\n' + PROMPT)
        type_line(vm, b'echo STILL-HERE\r', r'STILL-HERE\n' + PROMPT)
        vm.send(b'poweroff\r')
        vm.wait_exit(60)
