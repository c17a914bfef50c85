# SPDX-License-Identifier: GPL-2.0-or-later
"""Writes a variable into a copy of OVMF's variable store file (the
pflash image of unit 1, e.g. Debian's OVMF_VARS_4M.fd), so that the
firmware finds it there at its first boot, as if set and kept from an
earlier one.

The layout, from edk2's MdeModulePkg/Include/Guid/VariableFormat.h and
the PI specification's firmware volume header:

  firmware volume header  "_FVH" at offset 40, its length (u16) at 48
  variable store header   signature GUID (the authenticated format's, as
                          Debian's build uses), u32 size (header included),
                          u8 format 0x5a, u8 state 0xfe, 6 reserved bytes
  variables               each 4-byte aligned: the authenticated header
                          (60 bytes: u16 0x55aa, u8 state, u8 reserved,
                          u32 attributes, u64 monotonic count, 16-byte
                          EFI_TIME, u32 public key index, u32 name size,
                          u32 data size, vendor GUID), the UCS-2 name with
                          its NUL, the data; unused space is all 0xff.
"""
import struct
import uuid

from wbtest import check

AUTHENTICATED_STORE = uuid.UUID('aaf32c78-947b-439a-a180-2e144ec37792').bytes_le
STORE_HEADER = struct.Struct('<16sIBBHI')
VARIABLE_HEADER = struct.Struct('<HBBIQ16sIII16s')
START_ID = 0x55aa
VAR_ADDED = 0x3f
VAR_DELETED_MASK = 0xfd          # a state bit cleared: the variable is obsolete

NON_VOLATILE = 0x1
BOOTSERVICE_ACCESS = 0x2
RUNTIME_ACCESS = 0x4


def _align4(n):
    return (n + 3) & ~3


def _store(image):
    """(offset of the first variable, end of the store) after checking
    the headers."""
    check(len(image) >= 0x48 and image[40:44] == b'_FVH',
          'not a firmware volume (no _FVH signature)')
    fv_len, = struct.unpack_from('<H', image, 48)
    check(fv_len + STORE_HEADER.size <= len(image), 'firmware volume header too long')
    signature, size, fmt, state, _, _ = STORE_HEADER.unpack_from(image, fv_len)
    check(signature == AUTHENTICATED_STORE,
          'not an authenticated variable store (signature %s)' % signature.hex())
    check(fmt == 0x5a and state == 0xfe, 'variable store not formatted and healthy '
          '(format %#x, state %#x)' % (fmt, state))
    check(fv_len + size <= len(image), 'variable store larger than the file')
    return _align4(fv_len + STORE_HEADER.size), fv_len + size


def _walk(image):
    """(every variable: (offset, state, name, vendor GUID, attributes,
    data), the offset after the last one, the end of the store)."""
    pos, end = _store(image)
    found = []
    while pos + VARIABLE_HEADER.size <= end:
        (start, state, _, attributes, _, _, _, name_size, data_size,
         guid) = VARIABLE_HEADER.unpack_from(image, pos)
        if start != START_ID:
            break
        name_at = pos + VARIABLE_HEADER.size
        check(name_at + name_size + data_size <= end, 'variable at %#x overruns' % pos)
        name = image[name_at:name_at + name_size].decode('utf-16-le').rstrip('\0')
        data = bytes(image[name_at + name_size:name_at + name_size + data_size])
        found.append((pos, state, name, uuid.UUID(bytes_le=guid), attributes, data))
        pos = _align4(name_at + name_size + data_size)
    return found, pos, end


def variables(image):
    """Every variable in the store: (offset, state, name, vendor GUID,
    attributes, data)."""
    return _walk(image)[0]


def set_variable(path, name, guid, data, attributes=NON_VOLATILE | BOOTSERVICE_ACCESS):
    """Adds variable name (vendor GUID guid, a string) with data to the
    store file at path; an earlier one of that name and GUID is marked
    deleted, as the firmware does when it replaces one."""
    with open(path, 'rb') as f:
        image = bytearray(f.read())
    found, pos, end = _walk(image)
    vendor = uuid.UUID(guid)
    for offset, state, old_name, old_guid, _, _ in found:
        if state == VAR_ADDED and old_name == name and old_guid == vendor:
            image[offset + 2] &= VAR_DELETED_MASK
    encoded = (name + '\0').encode('utf-16-le')
    header = VARIABLE_HEADER.pack(START_ID, VAR_ADDED, 0, attributes, 0, bytes(16), 0,
                                  len(encoded), len(data), vendor.bytes_le)
    record = header + encoded + bytes(data)
    check(pos + len(record) <= end, 'no room for %s in the variable store' % name)
    check(all(b == 0xff for b in image[pos:pos + len(record)]),
          'the space after the last variable is not free')
    image[pos:pos + len(record)] = record
    with open(path, 'wb') as f:
        f.write(image)
