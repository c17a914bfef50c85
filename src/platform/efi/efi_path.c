/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Device path walking and node writing (see efi_path.h). Pure code over
 * bytes: no firmware call, so the host unit tests run it as it is.
 */

#include <errno.h>
#include <platform/efi/efi_path.h>

int efi_path_len(const EFI_DEVICE_PATH_PROTOCOL *path, size_t bound,
		 size_t *len)
{
	const UINT8 *start = (const UINT8 *)path;
	size_t offset = 0, node_len;

	for (;;) {
		const EFI_DEVICE_PATH_PROTOCOL *node = (const void *)(start + offset);

		if (bound - offset < sizeof(*node))
			return -EINVAL;
		node_len = efi_device_path_node_length(node);
		if (node_len < sizeof(*node) || node_len > bound - offset)
			return -EINVAL;
		if (efi_path_is_end(node)) {
			*len = offset;
			return 0;
		}
		offset += node_len;
	}
}

void efi_path_set_node(void *node, UINT8 type, UINT8 subtype, size_t len)
{
	UINT8 *bytes = node;

	bytes[0] = type;
	bytes[1] = subtype;
	bytes[2] = (UINT8)len;
	bytes[3] = (UINT8)(len >> 8);
}

void efi_path_set_end(void *node)
{
	efi_path_set_node(node, END_DEVICE_PATH_TYPE,
			  END_ENTIRE_DEVICE_PATH_SUBTYPE,
			  sizeof(EFI_DEVICE_PATH_PROTOCOL));
}
