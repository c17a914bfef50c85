"""Every image is a PE32+ file the firmware can load anywhere, safely."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'lib'))
import pefile  # noqa: E402
from wbtest import BIN, check  # noqa: E402

IMAGE_REL_BASED_DIR64 = 10
IMAGES = {'ipxe.efi': 10, 'testprog.efi': 10, 'testdrv.efidrv': 11}


def check_image(name, subsystem):
    image = pefile.load(os.path.join(BIN, name))
    check(image.machine == 0x8664, '%s: machine %#x, want x86-64' % (name, image.machine))
    check(image.subsystem == subsystem, '%s: subsystem %d, want %d'
          % (name, image.subsystem, subsystem))
    check(image.section_alignment == 4096, '%s: section alignment %#x'
          % (name, image.section_alignment))
    check(image.timestamp == 0, '%s: header timestamp %d is not deterministic'
          % (name, image.timestamp))
    check(image.dll_characteristics & pefile.DLL_NX_COMPAT, '%s: NX_COMPAT missing' % name)
    check(image.dll_characteristics & pefile.DLL_DYNAMIC_BASE, '%s: DYNAMIC_BASE missing' % name)
    for section in image.sections:
        check(section.virtual_address % 4096 == 0, '%s: section %s at %#x is not 4 KiB aligned'
              % (name, section.name, section.virtual_address))
        check(not (section.writable and section.executable),
              '%s: section %s is both writable and executable' % (name, section.name))
        check(not section.name.startswith(('.comment', '.note', '.eh_fram')),
              '%s: non-loadable section %s left in the image' % (name, section.name))
    rva, size = image.directory(pefile.DIRECTORY_BASERELOC)
    check(rva and size, '%s: no base relocation directory' % name)
    relocations = list(image.base_relocations())
    check(relocations, '%s: base relocation directory is empty' % name)
    check(all(kind == IMAGE_REL_BASED_DIR64 for _, kind in relocations),
          '%s: base relocations other than DIR64' % name)
    section_names = [s.name for s in image.sections]
    check('.text' in section_names and '.reloc' in section_names,
          '%s: sections %s' % (name, section_names))


def test_pe_headers_and_sections():
    for name, subsystem in IMAGES.items():
        check_image(name, subsystem)
