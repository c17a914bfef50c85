# SPDX-License-Identifier: GPL-2.0-or-later
"""A small reader of PE32 and PE32+ headers, enough to check what the
firmware's loader relies on. Raises ValueError on anything malformed."""
import struct

IMAGE_SCN_MEM_EXECUTE = 0x20000000
IMAGE_SCN_MEM_WRITE = 0x80000000
DLL_DYNAMIC_BASE = 0x0040
DLL_NX_COMPAT = 0x0100
DIRECTORY_SECURITY = 4
DIRECTORY_BASERELOC = 5
PE32 = 0x10b
PE32_PLUS = 0x20b
# Base relocation types: 32-bit and 64-bit absolute addresses.
REL_BASED_HIGHLOW = 3
REL_BASED_DIR64 = 10
# Machine types, and what each architecture's images must say.
MACHINES = {'x86_64': (0x8664, PE32_PLUS, REL_BASED_DIR64),
            'arm64': (0xaa64, PE32_PLUS, REL_BASED_DIR64),
            'i386': (0x014c, PE32, REL_BASED_HIGHLOW)}


class Section:
    def __init__(self, name, virtual_size, virtual_address, raw_size,
                 raw_offset, characteristics):
        self.name = name
        self.virtual_size = virtual_size
        self.virtual_address = virtual_address
        self.raw_size = raw_size
        self.raw_offset = raw_offset
        self.characteristics = characteristics

    @property
    def writable(self):
        return bool(self.characteristics & IMAGE_SCN_MEM_WRITE)

    @property
    def executable(self):
        return bool(self.characteristics & IMAGE_SCN_MEM_EXECUTE)


class PEImage:
    def __init__(self, data):
        if len(data) < 0x40 or data[:2] != b'MZ':
            raise ValueError('no MZ header')
        pe_offset = struct.unpack_from('<I', data, 0x3c)[0]
        if data[pe_offset:pe_offset + 4] != b'PE\0\0':
            raise ValueError('no PE signature')
        (self.machine, section_count, self.timestamp, _, _, optional_size,
         self.characteristics) = struct.unpack_from('<HHIIIHH', data, pe_offset + 4)
        optional = pe_offset + 24
        self.magic = struct.unpack_from('<H', data, optional)[0]
        # PE32 has a 32-bit image base (after a BaseOfData field) and 32-bit
        # stack and heap sizes, so its data directories start 16 bytes
        # earlier than PE32+'s; the fields in between are at the same places.
        if self.magic == PE32_PLUS:
            self.image_base = struct.unpack_from('<Q', data, optional + 24)[0]
            directories = optional + 108
        elif self.magic == PE32:
            self.image_base = struct.unpack_from('<I', data, optional + 28)[0]
            directories = optional + 92
        else:
            raise ValueError('neither PE32 nor PE32+ (magic %#x)' % self.magic)
        self.entry_point = struct.unpack_from('<I', data, optional + 16)[0]
        self.section_alignment, self.file_alignment = \
            struct.unpack_from('<II', data, optional + 32)
        self.size_of_image = struct.unpack_from('<I', data, optional + 56)[0]
        self.subsystem, self.dll_characteristics = \
            struct.unpack_from('<HH', data, optional + 68)
        directory_count = struct.unpack_from('<I', data, directories)[0]
        self.directories = [struct.unpack_from('<II', data, directories + 4 + 8 * i)
                            for i in range(min(directory_count, 16))]
        self.sections = []
        table = optional + optional_size
        for i in range(section_count):
            fields = struct.unpack_from('<8sIIII', data, table + 40 * i)
            characteristics = struct.unpack_from('<I', data, table + 40 * i + 36)[0]
            self.sections.append(Section(fields[0].rstrip(b'\0').decode(),
                                         fields[1], fields[2], fields[3],
                                         fields[4], characteristics))
        self.data = data

    def section(self, name):
        """The section called name, or None."""
        return next((s for s in self.sections if s.name == name), None)

    def section_data(self, name):
        """The bytes of a section up to its virtual size (what the file
        holds of it), or None if there is no such section."""
        section = self.section(name)
        if section is None:
            return None
        size = min(section.virtual_size, section.raw_size)
        return self.data[section.raw_offset:section.raw_offset + size]

    @property
    def signed(self):
        """Whether an Authenticode certificate table is attached."""
        offset, size = self.directory(DIRECTORY_SECURITY)
        return offset != 0 and size != 0

    def directory(self, index):
        return self.directories[index] if index < len(self.directories) else (0, 0)

    def base_relocations(self):
        """Yields (rva, type) for every base relocation entry."""
        rva, size = self.directory(DIRECTORY_BASERELOC)
        offset = self.rva_to_offset(rva)
        end = offset + size
        while offset + 8 <= end:
            page, block_size = struct.unpack_from('<II', self.data, offset)
            if block_size < 8:
                raise ValueError('bad base relocation block size %d' % block_size)
            for i in range((block_size - 8) // 2):
                entry = struct.unpack_from('<H', self.data, offset + 8 + 2 * i)[0]
                if entry >> 12:
                    yield page + (entry & 0xfff), entry >> 12
            offset += block_size

    def rva_to_offset(self, rva):
        for section in self.sections:
            if section.virtual_address <= rva < section.virtual_address + max(
                    section.virtual_size, section.raw_size):
                return section.raw_offset + rva - section.virtual_address
        raise ValueError('RVA %#x is in no section' % rva)


def load(path):
    with open(path, 'rb') as f:
        return PEImage(f.read())


def loader_problems(image, arch, subsystem):
    """What would stop the architecture's firmware from loading image
    anywhere, safely and reproducibly: a list of readable problems."""
    machine, magic, relocation = MACHINES[arch]
    problems = []
    if image.machine != machine:
        problems.append('machine %#x, want %#x (%s)' % (image.machine, machine, arch))
    if image.magic != magic:
        problems.append('optional header magic %#x, want %#x' % (image.magic, magic))
    if image.subsystem != subsystem:
        problems.append('subsystem %d, want %d' % (image.subsystem, subsystem))
    if image.section_alignment != 4096:
        problems.append('section alignment %#x' % image.section_alignment)
    if image.timestamp != 0:
        problems.append('header time stamp %d is not deterministic' % image.timestamp)
    if not image.dll_characteristics & DLL_NX_COMPAT:
        problems.append('NX_COMPAT missing')
    if not image.dll_characteristics & DLL_DYNAMIC_BASE:
        problems.append('DYNAMIC_BASE missing')
    for section in image.sections:
        if section.virtual_address % 4096:
            problems.append('section %s at %#x is not 4 KiB aligned'
                            % (section.name, section.virtual_address))
        if section.writable and section.executable:
            problems.append('section %s is both writable and executable' % section.name)
        if section.name.startswith(('.comment', '.note', '.eh_fram')):
            problems.append('non-loadable section %s left in the image' % section.name)
    names = [s.name for s in image.sections]
    if '.text' not in names or '.reloc' not in names:
        problems.append('sections %s' % names)
    rva, size = image.directory(DIRECTORY_BASERELOC)
    relocations = list(image.base_relocations()) if rva and size else []
    if not relocations:
        problems.append('no base relocations')
    kinds = set(kind for _, kind in relocations)
    if kinds - {relocation}:
        problems.append('base relocation kinds %s, want only %d' % (sorted(kinds), relocation))
    for target, _ in relocations:
        try:
            image.rva_to_offset(target)
        except ValueError as error:
            problems.append('base relocation: %s' % error)
            break
    return problems
