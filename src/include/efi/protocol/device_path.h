#ifndef EFI_PROTOCOL_DEVICE_PATH_H
#define EFI_PROTOCOL_DEVICE_PATH_H

/* EFI_DEVICE_PATH_PROTOCOL node header (UEFI 2.10, section 10.2). */

#include <efi/efi.h>

typedef struct {
	UINT8 Type;
	UINT8 SubType;
	UINT8 Length[2];	/* little-endian, header included */
} EFI_DEVICE_PATH_PROTOCOL;

#define END_DEVICE_PATH_TYPE 0x7f
#define END_ENTIRE_DEVICE_PATH_SUBTYPE 0xff

#endif
