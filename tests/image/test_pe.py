# SPDX-License-Identifier: GPL-2.0-or-later
"""Every image is a PE32+ file the firmware can load anywhere, safely."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'lib'))
import pefile  # noqa: E402
from wbtest import BIN, check  # noqa: E402

IMAGES = {'ipxe.efi': 10, 'testprog.efi': 10, 'testdrv.efidrv': 11}


def test_pe_headers_and_sections():
    for name, subsystem in IMAGES.items():
        problems = pefile.loader_problems(pefile.load(os.path.join(BIN, name)),
                                          'x86_64', subsystem)
        check(not problems, '%s: %s' % (name, '; '.join(problems)))
