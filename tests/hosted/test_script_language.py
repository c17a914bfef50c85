# SPDX-License-Identifier: GPL-2.0-or-later
"""The script language in the hosted program (no network needed, so it
runs in a fraction of a second): tests/qemu/scripts/language.ipxe must
print language.expected line by line, as it does under OVMF; the digest
commands must agree with Python's hashlib; and the script's status is the
program's."""
import hashlib
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'lib'))
from wbtest import ROOT, check  # noqa: E402
from scriptsuite import SCRIPTS, compare  # noqa: E402

PROGRAM = os.path.join(ROOT, 'bin-x86_64-linux', 'wireboot')


def run(script_path):
    proc = subprocess.run([PROGRAM, '--script', script_path],
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          stdin=subprocess.DEVNULL, text=True, timeout=60)
    return proc.returncode, proc.stdout


def run_text(text):
    with tempfile.NamedTemporaryFile('w', suffix='.ipxe', delete=False) as f:
        f.write(text)
    try:
        return run(f.name) + (text.encode(),)
    finally:
        os.unlink(f.name)


def test_script_language_hosted():
    status, output = run(os.path.join(SCRIPTS, 'language.ipxe'))
    check(status == 0, 'the suite failed (%d):\n%s' % (status, output[-3000:]))
    compare(output, 'language.expected')


def test_script_digests_hosted():
    status, output, data = run_text('#!ipxe\nmd5sum\nsha1sum\nsha256sum autoexec.ipxe\n')
    check(status == 0, 'digests failed (%d):\n%s' % (status, output))
    for algorithm in ('md5', 'sha1', 'sha256'):
        line = '%s  autoexec.ipxe' % hashlib.new(algorithm, data).hexdigest()
        check(line in output.split('\n'), 'no line %r in:\n%s' % (line, output))


def test_script_failure_status_hosted():
    status, output, _ = run_text('#!ipxe\necho start\nimgfree nothing\necho never\n')
    check(status != 0, 'a failed script exited 0:\n' + output)
    check("autoexec.ipxe line 3: 'imgfree nothing' failed: No such file or "
          'directory (ENOENT)' in output and 'never' not in output,
          'unexpected output:\n' + output)
    status, output, _ = run_text('#!ipxe\nexit 0\nxyzzy\n')
    check(status == 0 and 'xyzzy' not in output, 'exit 0 did not end it:\n' + output)
