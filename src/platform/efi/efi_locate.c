/* Finding related handles through device paths. */

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <platform/efi/efi_locate.h>
#include <wireboot/efi.h>

/* Device paths come from the firmware; a bound stops a malformed one. */
#define MAX_PATH_NODES 64

static EFI_DEVICE_PATH_PROTOCOL *device_path(EFI_HANDLE handle)
{
	static EFI_GUID device_path_guid = EFI_DEVICE_PATH_PROTOCOL_GUID;
	VOID *interface;

	if (EFI_ERROR(efi_boot_services->HandleProtocol(
		    handle, &device_path_guid, &interface)))
		return NULL;
	return interface;
}

static size_t node_length(const EFI_DEVICE_PATH_PROTOCOL *node)
{
	return node->Length[0] | (size_t)node->Length[1] << 8;
}

static bool is_end(const EFI_DEVICE_PATH_PROTOCOL *node)
{
	return node->Type == END_DEVICE_PATH_TYPE;
}

int efi_locate_on_path(EFI_HANDLE handle, EFI_GUID *protocol,
		       EFI_HANDLE *found)
{
	EFI_DEVICE_PATH_PROTOCOL *path = device_path(handle);

	/* LocateDevicePath() advances path past the part it matched. */
	if (!path || EFI_ERROR(efi_boot_services->LocateDevicePath(
			     protocol, &path, found)))
		return -ENOENT;
	return 0;
}

/* The handle whose device path is exactly prefix, if it has protocol. */
static bool locate_exact(EFI_DEVICE_PATH_PROTOCOL *prefix, EFI_GUID *protocol,
			 EFI_HANDLE *found)
{
	EFI_DEVICE_PATH_PROTOCOL *rest = prefix;

	return !EFI_ERROR(efi_boot_services->LocateDevicePath(protocol, &rest,
							      found)) &&
	       is_end(rest);
}

int efi_locate_outermost(EFI_HANDLE handle, EFI_GUID *protocol,
			 EFI_HANDLE *found)
{
	EFI_DEVICE_PATH_PROTOCOL *path = device_path(handle), *node, *end;
	size_t prefix_len = 0, len;
	unsigned nodes;
	uint8_t *copy;
	int rc = -ENOENT;

	if (!path)
		return -ENOENT;
	/* Try ever longer prefixes of the path: the first that names a
	 * handle with the protocol is the outermost. */
	for (node = path, nodes = 0; nodes < MAX_PATH_NODES; nodes++) {
		len = node_length(node);
		if (len < sizeof(*node))
			return -ENOENT;
		prefix_len += is_end(node) ? 0 : len;
		copy = malloc(prefix_len + sizeof(*end));
		if (!copy)
			return -ENOMEM;
		memcpy(copy, path, prefix_len);
		end = (EFI_DEVICE_PATH_PROTOCOL *)(copy + prefix_len);
		end->Type = END_DEVICE_PATH_TYPE;
		end->SubType = END_ENTIRE_DEVICE_PATH_SUBTYPE;
		end->Length[0] = sizeof(*end);
		end->Length[1] = 0;
		if (locate_exact((EFI_DEVICE_PATH_PROTOCOL *)copy, protocol, found))
			rc = 0;
		free(copy);
		if (rc == 0 || is_end(node))
			return rc;
		node = (EFI_DEVICE_PATH_PROTOCOL *)((uint8_t *)node + len);
	}
	return -ENOENT;
}
