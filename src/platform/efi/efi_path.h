/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef PLATFORM_EFI_EFI_PATH_H
#define PLATFORM_EFI_EFI_PATH_H

/*
 * Device paths (UEFI 2.10, section 10): the one walker every part of the
 * platform layer uses. Paths come from the firmware or from other
 * drivers and are not trusted: a node shorter than its own header, a node
 * that runs past the bytes the caller allows, or a path without an end
 * node is refused instead of being followed (a zero length would loop
 * forever, a huge one read out of bounds).
 */

#include <stdbool.h>
#include <stddef.h>
#include <efi/protocol/device_path.h>

/* The bound for a path whose size nobody told us (one handed over by the
 * firmware): well above any real path, small enough to stop a runaway. */
#define EFI_PATH_MAX_LEN 0x10000

static inline bool efi_path_is_end(const EFI_DEVICE_PATH_PROTOCOL *node)
{
	return node->Type == END_DEVICE_PATH_TYPE;
}

/* Validates the path in the first bound bytes at path: on success *len is
 * the bytes before its end node (0 for an empty path). -EINVAL if it is
 * malformed. */
int efi_path_len(const EFI_DEVICE_PATH_PROTOCOL *path, size_t bound,
		 size_t *len);

/* The node after node, in a path efi_path_len() accepted; node must not
 * be the end node. */
static inline const EFI_DEVICE_PATH_PROTOCOL *efi_path_next(
	const EFI_DEVICE_PATH_PROTOCOL *node)
{
	return (const void *)((const UINT8 *)node +
			      efi_device_path_node_length(node));
}

/* Writes a node header. */
void efi_path_set_node(void *node, UINT8 type, UINT8 subtype, size_t len);
/* Writes an end-of-entire-path node. */
void efi_path_set_end(void *node);

#endif
