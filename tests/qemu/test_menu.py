# SPDX-License-Identifier: GPL-2.0-or-later
"""Menus, prompts and the console's look under OVMF, typed at through
the serial console (one boot of ipxe.efi running an autoexec.ipxe):

- a menu left alone chooses its default when the timeout passes;
- an item's key chooses it at once;
- arrow keys move the selection (over a gap) and Enter chooses;
- Esc makes "choose" fail;
- "cpair" recolours the selection, as the firmware's terminal renders it;
- "prompt" takes its key (also by the established number of F12) or
  times out, "read" and "login" edit settings with the line editor (the
  password shown as '*'), "read" times out;
- "console --picture" fails on a text console, saying why;
- escape sequences a script prints are the firmware's screen operations,
  not '?' characters.
"""
import os
import re
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'lib'))
from wbtest import BIN, Machine, boot_esp, check  # noqa: E402

SCRIPT = '''#!ipxe
echo \x1b[1;31mRED-TEXT\x1b[0m plain
menu Menu one
item --gap -- Section
item first First item
item --key x keyed Keyed item
item --default second Second item
choose --timeout 1500 chosen && echo CHOSE1-${chosen}
menu Menu two
item first First item
item --key x keyed Keyed item
choose chosen && echo CHOSE2-${chosen}
cpair --foreground 3 --background 0 2
menu Menu three
item first First item
item --gap
item second Second item
item third Third item
choose --default first --keep chosen && echo CHOSE3-${chosen}
choose --menu nosuch chosen || echo NO-SUCH-MENU
choose chosen || echo CHOOSE-CANCELLED
prompt --key y Press y && echo PROMPT-YES
prompt --timeout 300 Waiting || echo PROMPT-TIMEOUT
prompt --key 0x197e Press F12 && echo PROMPT-F12
read --timeout 300 name || echo READ-TIMEOUT
read name && echo READ-[${name}]
login && echo LOGIN-[${username}]-[${password}]
console --picture back.png || echo CONSOLE-NO-PICTURE
poweroff
'''


def test_menus_prompts_and_console():
    top = tempfile.mkdtemp(prefix='wireboot-menu-')
    try:
        path = os.path.join(top, 'autoexec.ipxe')
        with open(path, 'w') as f:
            f.write(SCRIPT)
        esp = boot_esp(os.path.join(BIN, 'ipxe.efi'))
        esp['EFI/BOOT/autoexec.ipxe'] = path
        with Machine('menu', esp=esp, args=['-net', 'none'],
                     serial_input=True) as vm:
            start = vm.wait_for(r'RED-TEXT plain\n', timeout=180)
            with vm.lock:
                raw = vm.output
            # Bold red on the default background, as SetAttribute gives it.
            check(re.search(rb'\x1b\[1m\x1b\[31m\x1b\[40mRED-TEXT', raw)
                  and b'?[1;31m' not in raw,
                  'the colour sequence was not done as the firmware does it: %r'
                  % raw[-400:])
            began = vm.elapsed()
            vm.wait_for(r'CHOSE1-second\n', timeout=60)
            check(vm.elapsed() - began > 1.0, 'the timeout did not wait')
            vm.wait_for(r'CHOSE1-second\n[\s\S]*Menu two[\s\S]*Keyed item', 30)
            vm.send(b'x')
            vm.wait_for(r'CHOSE2-keyed\n', timeout=30)
            vm.wait_for(r'CHOSE2-keyed\n[\s\S]*Menu three[\s\S]*Third item', 30)
            # Down over the gap to "second", Down to "third", Up, Down.
            vm.send(b'\x1b[B')
            vm.send(b'\x1b[B\x1b[A\x1b[B')
            vm.send(b'\r')
            vm.wait_for(r'CHOSE3-third\n', timeout=30)
            with vm.lock:
                raw = vm.output
            # The selection in the pair "cpair" set: yellow on black.
            check(re.search(rb'\x1b\[33m\x1b\[40mThird item', raw),
                  'the selected item was not drawn in cpair 2:\n%r' % raw[-800:])
            vm.wait_for(r'NO-SUCH-MENU\n[\s\S]*Menu three[\s\S]*Third item', 30)
            vm.send(b'\x1b')
            vm.wait_for(r'CHOOSE-CANCELLED\n', timeout=30)
            vm.wait_for(r'Press y', timeout=30)
            vm.send(b'y')
            vm.wait_for(r'PROMPT-YES\n', timeout=30)
            vm.wait_for(r'PROMPT-TIMEOUT\n', timeout=30)
            # The established number of F12, typed as a VT220 terminal does.
            vm.wait_for(r'Press F12', timeout=30)
            vm.send(b'\x1b[24~')
            vm.wait_for(r'PROMPT-F12\n', timeout=30)
            vm.wait_for(r'READ-TIMEOUT\n', timeout=30)
            vm.send(b'abd\x08c\r')
            vm.wait_for(r'READ-\[abc\]\n', timeout=30)
            vm.wait_for(r'Username: ', timeout=30)
            vm.send(b'me\r')
            vm.wait_for(r'Password: ', timeout=30)
            vm.send(b'pw1\r')
            vm.wait_for(r'LOGIN-\[me\]-\[pw1\]\n', timeout=30)
            text = vm.text()
            check('Password: ***\n' in text and 'pw1\n' not in text,
                  'the password showed: %s' % vm.tail())
            vm.wait_for(r'console: a text console shows no picture \(--picture\)\n'
                        r'CONSOLE-NO-PICTURE\n', timeout=30)
            vm.wait_exit(60)
            del start
    finally:
        shutil.rmtree(top, ignore_errors=True)
