# SPDX-License-Identifier: GPL-2.0-or-later
"""The licence: GPL-2.0-or-later for the whole tree.

COPYING holds the GPL version 2 text, and every tracked source file (C,
headers, assembly, linker scripts, Makefiles, python, shell and other
scripts, the RPM spec, manual pages) names the licence with an SPDX line
in its own comment syntax, first in the file or right after a "#!" line.
Data and documents (README, COPYING, the Debian control files) carry none.
"""
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'lib'))
from wbtest import ROOT, check, clean_env  # noqa: E402

SPDX = 'SPDX-License-Identifier: GPL-2.0-or-later'
C_LINE = '/* %s */' % SPDX
HASH_LINE = '# %s' % SPDX
ROFF_LINE = '.\\" %s' % SPDX
C_SUFFIXES = ('.c', '.h', '.S', '.lds')
HASH_SUFFIXES = ('.py', '.mk', '.spec', '.sh')
ROFF_SUFFIXES = ('.1', '.5', '.7', '.8')


def spdx_line(path, first_line):
    """The SPDX line a file must carry (in its comment syntax), or None
    when it is not a source file."""
    name = os.path.basename(path)
    if name.endswith(C_SUFFIXES):
        return C_LINE
    if name.endswith(ROFF_SUFFIXES):
        return ROFF_LINE
    if name.endswith(HASH_SUFFIXES) or name == 'Makefile' or name.startswith('Makefile.'):
        return HASH_LINE
    if first_line.startswith('#!'):
        return HASH_LINE
    return None


def spdx_index(lines):
    """Where the SPDX line belongs: after a "#!" line, else first."""
    return 1 if lines and lines[0].startswith('#!') else 0


def lacking_spdx(top, paths):
    """The source files among paths (relative to top) without their SPDX
    line in its place, with the line each needs."""
    lacking = []
    for path in paths:
        full = os.path.join(top, path)
        if not os.path.isfile(full) or os.path.islink(full):
            continue
        with open(full, 'rb') as f:
            head = f.read(4096)
        lines = head.decode('utf-8', 'replace').splitlines()
        want = spdx_line(path, lines[0] if lines else '')
        if want is None:
            continue
        index = spdx_index(lines)
        if len(lines) <= index or lines[index] != want:
            lacking.append((path, want))
    return lacking


def tracked_files(top):
    """The files of the tree: git's list, or (an unpacked source tarball)
    every file outside the build outputs."""
    if os.path.exists(os.path.join(top, '.git')):
        out = subprocess.run(['git', 'ls-files', '-z'], cwd=top, stdout=subprocess.PIPE,
                             env=clean_env(), check=True).stdout
        return [p for p in out.decode().split('\0') if p]
    files = []
    for d, dirs, names in os.walk(top):
        dirs[:] = [x for x in dirs if not x.startswith('bin-') and x != '__pycache__']
        files += [os.path.relpath(os.path.join(d, n), top) for n in names]
    return files


def test_every_source_file_names_the_licence():
    lacking = lacking_spdx(ROOT, tracked_files(ROOT))
    check(not lacking, '%d source files lack their SPDX line:\n  %s' % (
        len(lacking), '\n  '.join('%s (wants: %s)' % item for item in lacking)))


def test_licence_check_finds_what_is_missing():
    """The check itself on a made-up tree: it must notice a missing or
    misplaced line in each comment syntax, and ignore data files."""
    with tempfile.TemporaryDirectory(prefix='wireboot-spdx-') as top:
        files = {
            'good.c': C_LINE + '\n/* code */\n',
            'bad.c': '/* code */\n' + C_LINE + '\n',
            'good.py': HASH_LINE + '\n"""doc"""\n',
            'script': '#!/bin/sh\n' + HASH_LINE + '\necho\n',
            'bad-script': '#!/bin/sh\necho\n',
            'Makefile.foo': 'all:\n',
            'tool.1': ROFF_LINE + '\n.TH TOOL 1\n',
            'bad.1': '.TH TOOL 1\n',
            'README.md': '# wireboot\n',
            'data.bin': '\x00\x01',
        }
        for name, text in files.items():
            with open(os.path.join(top, name), 'w') as f:
                f.write(text)
        found = sorted(path for path, _ in lacking_spdx(top, sorted(files)))
        check(found == ['Makefile.foo', 'bad-script', 'bad.1', 'bad.c'],
              'the SPDX check found %s' % found)


def test_copying_is_the_gpl_version_2():
    with open(os.path.join(ROOT, 'COPYING')) as f:
        text = f.read()
    check('GNU GENERAL PUBLIC LICENSE' in text and 'Version 2, June 1991' in text
          and 'END OF TERMS AND CONDITIONS' in text, 'COPYING is not the GPL version 2 text')
