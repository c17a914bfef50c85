# SPDX-License-Identifier: GPL-2.0-or-later
"""The script suites (tests/qemu/scripts/): a script whose output, from a
first marker line to a last one, must equal an expected file line by
line; an expected line starting with "~" is a regular expression instead
(for what varies between runs, such as a time). Shared by the hosted run (tests/hosted/test_script_language.py) and
the QEMU one (tests/qemu/test_script_suite.py)."""
import os
import re

from wbtest import ROOT, check

SCRIPTS = os.path.join(ROOT, 'tests', 'qemu', 'scripts')


def read(name):
    with open(os.path.join(SCRIPTS, name)) as f:
        return f.read()


def section(output, first, last):
    """The lines of output from the line first to the line last (both
    included)."""
    lines = output.split('\n')
    check(first in lines, 'no line %r in the output:\n%s' % (first, output[-3000:]))
    start = lines.index(first)
    check(last in lines[start:], 'no line %r after %r in the output:\n%s'
          % (last, first, '\n'.join(lines[start:])[-3000:]))
    return lines[start:lines.index(last, start) + 1]


def compare(output, expected_name):
    """Compares the section of output that expected_name (a file beside
    the scripts) spans, line by line; fails naming the first difference."""
    expected = read(expected_name).rstrip('\n').split('\n')
    got = section(output, expected[0], expected[-1])
    for number, (want, line) in enumerate(zip(expected, got), 1):
        same = re.fullmatch(want[1:], line) if want.startswith('~') else want == line
        check(same, '%s line %d: expected %r, got %r; output:\n%s'
              % (expected_name, number, want, line, '\n'.join(got)))
    check(len(got) == len(expected), '%s: %d lines expected, got %d:\n%s'
          % (expected_name, len(expected), len(got), '\n'.join(got)))
