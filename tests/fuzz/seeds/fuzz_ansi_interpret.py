# SPDX-License-Identifier: GPL-2.0-or-later
"""Seeds for fuzz_ansi_interpret: text with the sequences scripts print
and the ones ansi_output.c writes."""


def seeds():
    return [
        ('colours', b'\x1b[1;33;44mTitle\x1b[0m plain \x1b[92mgreen\x1b[39m\n'),
        ('screen', b'\x1b[2J\x1b[H\x1b[5;10Hhere\x1b[K\x1b[?25l\x1b[?25h'),
        ('utf8', 'caf\u00e9 \x1b[31m\u2500\u2500\x1b[m'.encode()),
        ('broken', b'\x1b[12\n\x1b(B\x1b[1;2;3;4;5;6;7;8;9;10m\x1b'),
    ]
