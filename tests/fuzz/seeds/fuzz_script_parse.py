# SPDX-License-Identifier: GPL-2.0-or-later
"""Seeds for fuzz_script_parse: the script suites' own scripts (every
construct of the language), and lines with what the parser must survive."""
import os

SCRIPTS = os.path.join(os.path.dirname(__file__), '..', '..', 'qemu', 'scripts')


def script_seeds():
    seeds = []
    for name in sorted(os.listdir(SCRIPTS)):
        if name.endswith('.ipxe'):
            with open(os.path.join(SCRIPTS, name), 'rb') as f:
                seeds.append((name, f.read()))
    return seeds


def seeds():
    return script_seeds() + [
        ('nesting', b'#!ipxe\necho ${a${b${c}}} ${${${!x}}} ${unterminated\n'),
        ('continuations', b'#!ipxe\r\necho a \\\r\nb \\\n\\'),
        ('separators', b':l || && ; # x\n||\n&&;\n'),
    ]
