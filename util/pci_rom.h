/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef UTIL_PCI_ROM_H
#define UTIL_PCI_ROM_H

/*
 * PCI expansion ROM layout (PCI Firmware Specification 3.0; UEFI
 * specification, "EFI PCI Option ROMs"). Fields are given as byte offsets
 * and read with byteorder.h, since ROM files are untrusted input and
 * packed structures are not portable C.
 *
 * A ROM is a chain of images, each starting on a 512-byte boundary with a
 * header; the header points at a PCI data structure ("PCIR") that gives
 * the image length and whether this is the last image.
 */

#include <stddef.h>
#include <stdint.h>

#define PCI_ROM_BLOCK_SIZE 512
#define PCI_ROM_MAX_BLOCKS 0xffff	/* 16-bit length fields */

/* Header common to every image. */
#define PCI_ROM_SIGNATURE 0xaa55	/* bytes 0x55 0xaa */
#define PCI_ROM_OFF_SIGNATURE 0x00
#define PCI_ROM_OFF_PCIR 0x18		/* uint16, offset of the PCIR */
#define PCI_ROM_HEADER_SIZE 0x1a

/* Legacy (x86 BIOS) image: initialization size, uint8 in 512-byte units. */
#define PCI_ROM_OFF_LEGACY_SIZE 0x02

/* EFI image header. */
#define PCI_ROM_OFF_EFI_INIT_SIZE 0x02	/* uint16, 512-byte units */
#define PCI_ROM_OFF_EFI_SIGNATURE 0x04	/* uint32 */
#define PCI_ROM_OFF_EFI_SUBSYSTEM 0x08	/* uint16, PE subsystem */
#define PCI_ROM_OFF_EFI_MACHINE 0x0a	/* uint16, PE machine */
#define PCI_ROM_OFF_EFI_COMPRESSION 0x0c /* uint16 */
#define PCI_ROM_OFF_EFI_RESERVED 0x0e	/* 8 bytes, zero */
#define PCI_ROM_OFF_EFI_IMAGE 0x16	/* uint16, offset of the PE image */
#define PCI_ROM_EFI_SIGNATURE 0x0ef1
#define PCI_ROM_EFI_UNCOMPRESSED 0
#define PCI_ROM_EFI_COMPRESSED 1	/* UEFI compression algorithm */

/* PCI data structure. Revision 3 added the fields from 0x08 on that
 * earlier revisions reserved, and the 0x16..0x1b fields. */
#define PCIR_SIGNATURE "PCIR"
#define PCIR_OFF_SIGNATURE 0x00
#define PCIR_OFF_VENDOR 0x04		/* uint16 */
#define PCIR_OFF_DEVICE 0x06		/* uint16 */
#define PCIR_OFF_DEVICE_LIST 0x08	/* uint16, from the PCIR start */
#define PCIR_OFF_LENGTH 0x0a		/* uint16, structure length */
#define PCIR_OFF_REVISION 0x0c		/* uint8 */
#define PCIR_OFF_CLASS 0x0d		/* 3 bytes: interface, sub, base */
#define PCIR_OFF_IMAGE_LENGTH 0x10	/* uint16, 512-byte units */
#define PCIR_OFF_CODE_REVISION 0x12	/* uint16 */
#define PCIR_OFF_CODE_TYPE 0x14		/* uint8 */
#define PCIR_OFF_INDICATOR 0x15		/* uint8 */
#define PCIR_OFF_MAX_RUNTIME 0x16	/* uint16, 512-byte units (rev 3) */
#define PCIR_OFF_CONFIG_UTILITY 0x18	/* uint16 (rev 3) */
#define PCIR_OFF_DMTF_CLP 0x1a		/* uint16 (rev 3) */
#define PCIR_SIZE_V2 0x18
#define PCIR_SIZE_V3 0x1c
#define PCIR_REVISION_3 3

#define PCIR_CODE_TYPE_X86 0
#define PCIR_CODE_TYPE_OPEN_FIRMWARE 1
#define PCIR_CODE_TYPE_HP_PA_RISC 2
#define PCIR_CODE_TYPE_EFI 3
#define PCIR_INDICATOR_LAST 0x80

/* Revision 3 device list: uint16 device IDs, ended by a zero entry. */
#define PCIR_DEVICE_LIST_END 0

/* Byte sum of a region; a valid image sums to 0 mod 256. */
static inline uint8_t pci_rom_byte_sum(const uint8_t *data, size_t len)
{
	uint8_t sum = 0;

	while (len--)
		sum = (uint8_t)(sum + *data++);
	return sum;
}

#endif
