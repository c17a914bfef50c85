# SPDX-License-Identifier: GPL-2.0-or-later
"""The console under OVMF through its serial terminal: screen operations
come out as the terminal driver's escape sequences, and keys typed on the
serial console are decoded; the key test program (tests/efi/keytest.c)
names every key it reads.

What this proves runs through the real path: OVMF's terminal driver
decodes the few sequences of its PC-ANSI terminal type (ESC [ A..D, H, F)
into scan codes, and passes every other sequence on as an Esc scan code
followed by the sequence's characters, which our decoder reassembles
(VT220 keys, F-keys, modifiers). A lone Esc comes through only after the
terminal driver's and our decoder's timeouts; a truncated or unknown
sequence must vanish without typing its tail."""
import os
import re
import shutil
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'lib'))
from wbtest import BIN, Machine, boot_esp, check, run_make, scratch_tree  # noqa: E402

# (bytes typed, the keys they must give)
TYPED = [
    (b'\x1b[A', ['Up']), (b'\x1b[B', ['Down']), (b'\x1bOC', ['Right']),
    (b'\x1b[D', ['Left']), (b'\x1b[H', ['Home']), (b'\x1b[F', ['End']),
    (b'\x1b[1~', ['Home']), (b'\x1b[4~', ['End']), (b'\x1b[2~', ['Insert']),
    (b'\x1b[3~', ['Delete']), (b'\x1b[5~', ['PgUp']), (b'\x1b[6~', ['PgDn']),
    (b'\x1bOP', ['F1']), (b'\x1bOQ', ['F2']), (b'\x1bOR', ['F3']),
    (b'\x1bOS', ['F4']), (b'\x1b[15~', ['F5']), (b'\x1b[17~', ['F6']),
    (b'\x1b[18~', ['F7']), (b'\x1b[19~', ['F8']), (b'\x1b[20~', ['F9']),
    (b'\x1b[21~', ['F10']), (b'\x1b[23~', ['F11']), (b'\x1b[24~', ['F12']),
    (b'\x1b[1;5C', ['Ctrl-Right']), (b'\x1b[1;2A', ['Shift-Up']),
    (b'\x1b[3;5~', ['Ctrl-Delete']), (b'\x1b[Z', ['Shift-Tab']),
    (b'\t', ['Tab']), (b'\r', ['Enter']), (b'\x08', ['Backspace']),
    (b'\x01', ['Ctrl-A']), (b'\x03', ['Ctrl-C']), (b'x', ['x']),
    # Several keys in one write, and Ctrl-C cutting a sequence short.
    (b'\x1b[A\x1b[1;5Dab', ['Up', 'Ctrl-Left', 'a', 'b']),
    (b'\x1b[1\x03', ['Ctrl-C']),
    # Well-formed but unknown: swallowed whole.
    (b'\x1b[99~z', ['z']), (b'\x1b[12;40Rz', ['z']),
    # Overlong parameters.
    (b'\x1b[' + b'1' * 40 + b'~z', ['z']),
    # Truncated: nothing of it comes through, the next key does (typed
    # after a pause far longer than the decoder's timeout: right after,
    # "y" would be the final byte of one unknown sequence).
    (b'\x1b[1;', []), (b'y', ['y']),
    # A lone Esc.
    (b'\x1b', ['Esc']),
]


# The decoder's timeout is 0.25 s of idle input.
PAUSE_SECONDS = 3


def keys_after_ready(vm, count, timeout):
    match = vm.wait_for(r'KEYTEST: ready\n((?:KEY: .*\n){%d})' % count,
                        timeout=timeout)
    return re.findall(r'KEY: (.*)\n', match.group(1))


def check_screen_operations(vm):
    """SetCursorPosition, SetAttribute, QueryMode and our clear-to-end-of-line
    (spaces, then the cursor back) as the terminal driver renders them."""
    with vm.lock:
        raw = vm.output
    match = re.search(rb'KEYTEST: screen (\d+)x(\d+)\r\n(.*?)\r\nKEYTEST: ready',
                      raw, re.S)
    check(match, 'no screen report; console ends:\n%s' % vm.tail())
    columns, rows = int(match.group(1)), int(match.group(2))
    check(columns >= 80 and rows >= 25, 'screen %dx%d' % (columns, rows))
    drawn = match.group(3)
    # Row 5, column 10 (1-based on the wire); bright yellow on blue: the
    # firmware's bold + yellow + blue background.
    start = b'\x1b[06;11H\x1b[1m\x1b[33m\x1b[44mAT-10-5\x1b[0m\x1b[37m\x1b[40m'
    check(drawn.startswith(start), 'screen operations gave %r' % drawn)
    rest = drawn[len(start):]
    blanks = columns - len('AT-10-5') - 10
    check(rest.startswith(b' ' * blanks + b'\x1b[06;18H'),
          'clear to end of line gave %r (%d columns)' % (rest, columns))


def test_serial_console_keys_and_screen():
    with Machine('console-keys', esp=boot_esp(os.path.join(BIN, 'keytest.efi')),
                 args=['-net', 'none'], serial_input=True) as vm:
        vm.wait_for(r'KEYTEST: ready\n', timeout=180)
        check_screen_operations(vm)
        want = []
        for typed, keys in TYPED:
            vm.send(typed)
            want += keys
            if not keys:
                time.sleep(PAUSE_SECONDS)
                continue
            # Waiting for each group's keys keeps groups apart; the lone
            # Esc takes the firmware's two seconds and our timeout.
            got = keys_after_ready(vm, len(want), timeout=60)
            check(got == want, 'after %r: keys %s, want %s' % (typed, got, want))
        vm.send(b'q')
        vm.wait_for(r'KEYTEST: done\n', timeout=60)
        got = keys_after_ready(vm, len(want) + 1, timeout=10)
        check(got == want + ['q'], 'keys %s, want %s' % (got, want + ['q']))
        vm.wait_exit(60)


CTRL_C_SCRIPT = '''#!ipxe
echo WAITING-FOR-DHCP
imgexec dhcp.ipxe || echo DHCP-SCRIPT-FAILED
poweroff
'''


def test_ctrl_c_on_serial_interrupts_a_wait():
    """Ctrl-C typed on the serial console ends a wait (DHCP on a network
    with no server, which would otherwise end after 30 s with ETIMEDOUT,
    not ECANCELED); keys before it are read and ignored, escape sequences
    included. This is the main loop's check, console_getkey() == 0x03."""
    top, tree = scratch_tree('console-ctrl-c')
    try:
        paths = []
        for name, text in (('main.ipxe', CTRL_C_SCRIPT),
                           ('dhcp.ipxe', '#!ipxe\ndhcp\n')):
            paths.append(os.path.join(top, name))
            with open(paths[-1], 'w') as f:
                f.write(text)
        target = 'bin-x86_64-efi/ipxe.efi'
        run_make(['EMBED=' + ','.join(paths), target], cwd=tree)
        with Machine('console-ctrl-c', esp=boot_esp(os.path.join(tree, target)),
                     args=['-netdev', 'hubport,id=n0,hubid=0',
                           '-device', 'virtio-net-pci,netdev=n0,romfile='],
                     serial_input=True) as vm:
            vm.wait_for(r'WAITING-FOR-DHCP\n', timeout=180)
            vm.send(b'\x1b[Ax\x1b[1;5C')
            vm.send(b'\x03')
            vm.wait_for(r"dhcp\.ipxe line 2: 'dhcp' failed: Operation cancelled "
                        r'\(ECANCELED\)\nDHCP-SCRIPT-FAILED\n', timeout=60)
            vm.wait_exit(60)
    finally:
        shutil.rmtree(top, ignore_errors=True)
