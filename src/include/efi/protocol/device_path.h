/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef EFI_PROTOCOL_DEVICE_PATH_H
#define EFI_PROTOCOL_DEVICE_PATH_H

/* EFI_DEVICE_PATH_PROTOCOL node header (UEFI 2.10, section 10.2). */

#include <efi/efi.h>

#define EFI_DEVICE_PATH_PROTOCOL_GUID                                        \
	{ 0x09576e91, 0x6d3f, 0x11d2,                                        \
	  { 0x8e, 0x39, 0x00, 0xa0, 0xc9, 0x69, 0x72, 0x3b } }

typedef struct {
	UINT8 Type;
	UINT8 SubType;
	UINT8 Length[2];	/* little-endian, header included */
} EFI_DEVICE_PATH_PROTOCOL;

#define END_DEVICE_PATH_TYPE 0x7f
#define END_ENTIRE_DEVICE_PATH_SUBTYPE 0xff

/* Media device path, file path node (section 10.3.5.4): a NUL-terminated
 * UCS-2 path follows the header. */
#define MEDIA_DEVICE_PATH 0x04
#define MEDIA_FILEPATH_DP 0x04

/* Vendor-defined nodes (sections 10.3.2.4 and 10.3.5.3): a GUID follows
 * the header, then vendor data. */
#define HARDWARE_DEVICE_PATH 0x01
#define HW_VENDOR_DP 0x04
#define MEDIA_VENDOR_DP 0x03

/* Messaging device path, MAC address node (section 10.3.4.11): the
 * 32-byte address field of EFI_MAC_ADDRESS, then the interface type
 * (1: Ethernet), 37 bytes in all. */
#define MESSAGING_DEVICE_PATH 0x03
#define MSG_MAC_ADDR_DP 0x0b

static inline UINT16 efi_device_path_node_length(
	const EFI_DEVICE_PATH_PROTOCOL *node)
{
	return (UINT16)(node->Length[0] | (node->Length[1] << 8));
}

#endif
