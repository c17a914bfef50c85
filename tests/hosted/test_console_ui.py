# SPDX-License-Identifier: GPL-2.0-or-later
"""The shell, "read" and the settings editor in the hosted build, typed
at through stdin (the console decodes what a terminal sends): each step
waits for what the program shows before typing the next keys, as a
person would. Then stdin ends, which the shell takes as Ctrl-D."""
import os
import re
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'lib'))
from wbtest import ROOT, check, run_make  # noqa: E402

PROGRAM = os.path.join(ROOT, 'bin-x86_64-linux', 'wireboot')
ESCAPES = re.compile(r'\x1b\[[0-9;?]*[A-Za-z]')

SCRIPT = '''#!ipxe
set myval one
echo SHELL-NEXT
shell
echo CONFIG-NEXT
config
echo MYVAL=[${myval}]
config nosuch || echo NO-SUCH-SCOPE
read line && echo READ=[${line}]
shell
echo END-OF-INPUT
'''

# (what must have appeared, then what to type)
STEPS = [
    ('SHELL-NEXT\nwireboot> ', b'echo a-b\r'),
    ('a-b\nwireboot> ', b'\x1b[A\x1b[D\x1b[D\x7fX\x1b[F!\r'),
    ('\nX-b!\nwireboot> ', b'se\t\x1b[H\x1b[3~\x1b[3~\x1b[3~\x1b[3~show my\t\r'),
    ('show myval \nmyval = one\nwireboot> ', b'exit\r'),
    # The editor lists settings; End selects the last (myval), Enter edits.
    ('Settings of everything', b'\x1b[F\r'),
    ('myval = one', b'\x15two\r'),
    ('Settings of everything[\\s\\S]*myval +two', b'\x1b'),
    ('READ-NEXT', None),
]


class Program:
    def __init__(self, script):
        self.proc = subprocess.Popen([PROGRAM, '--script', script],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.STDOUT)
        self.output = b''
        self.lock = threading.Lock()
        self.reader = threading.Thread(target=self.read, daemon=True)
        self.reader.start()

    def read(self):
        while True:
            chunk = self.proc.stdout.read1(65536)
            if not chunk:
                break
            with self.lock:
                self.output += chunk

    def text(self):
        with self.lock:
            raw = self.output
        return ESCAPES.sub('', raw.decode('utf-8', 'replace'))

    def wait_for(self, pattern, start=0, timeout=20):
        deadline = time.monotonic() + timeout
        while True:
            match = re.search(pattern, self.text()[start:])
            if match:
                return start + match.end()
            check(time.monotonic() < deadline and self.proc.poll() is None,
                  '%r did not appear; output ends:\n%s' % (pattern, self.text()[-1500:]))
            time.sleep(0.02)

    def send(self, data):
        self.proc.stdin.write(data)
        self.proc.stdin.flush()


def test_shell_read_and_config_hosted():
    run_make(['bin-x86_64-linux/wireboot'])
    with tempfile.NamedTemporaryFile('w', suffix='.ipxe') as script:
        script.write(SCRIPT.replace('read line', 'echo READ-NEXT\nread line'))
        script.flush()
        program = Program(script.name)
        try:
            position = 0
            for pattern, keys in STEPS:
                position = program.wait_for(pattern, position)
                if keys:
                    program.send(keys)
            program.send(b'typed\x1b[Dx\r')
            program.wait_for(r'READ=\[typexd\]\n', position)
            # The end of input: the shell ends, the script goes on.
            program.proc.stdin.close()
            program.wait_for(r'wireboot> \nEND-OF-INPUT\n', position)
            program.proc.wait(20)
            text = program.text()
            check('MYVAL=[two]\n' in text, 'the editor did not store:\n' + text[-1500:])
            check("config: no settings block 'nosuch'\nNO-SUCH-SCOPE\n" in text,
                  'an unknown scope:\n' + text[-1500:])
        finally:
            if program.proc.poll() is None:
                program.proc.kill()
                program.proc.wait()
