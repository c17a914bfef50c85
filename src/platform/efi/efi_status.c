/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Translation between UEFI status codes and error numbers. */

#include <errno.h>
#include <wireboot/compiler.h>
#include <wireboot/efi.h>

static const struct {
	EFI_STATUS status;
	int rc;
} status_map[] = {
	{ EFI_LOAD_ERROR, -ENOEXEC },
	{ EFI_INVALID_PARAMETER, -EINVAL },
	{ EFI_UNSUPPORTED, -ENOTSUP },
	{ EFI_BUFFER_TOO_SMALL, -ENOBUFS },
	{ EFI_NOT_READY, -EAGAIN },
	{ EFI_DEVICE_ERROR, -EIO },
	{ EFI_WRITE_PROTECTED, -EACCES },
	{ EFI_OUT_OF_RESOURCES, -ENOMEM },
	{ EFI_NO_MEDIA, -ENODEV },
	{ EFI_NOT_FOUND, -ENOENT },
	{ EFI_ACCESS_DENIED, -EACCES },
	{ EFI_NO_RESPONSE, -ETIMEDOUT },
	{ EFI_TIMEOUT, -ETIMEDOUT },
	{ EFI_NOT_STARTED, -ENOTCONN },
	{ EFI_ALREADY_STARTED, -EALREADY },
	{ EFI_ABORTED, -ECANCELED },
	{ EFI_PROTOCOL_ERROR, -EPROTO },
	{ EFI_SECURITY_VIOLATION, -EPERM },
	{ EFI_CRC_ERROR, -EBADMSG },
};

int efi_status_to_rc(EFI_STATUS status)
{
	size_t i;

	if (!EFI_ERROR(status))
		return 0;
	for (i = 0; i < ARRAY_SIZE(status_map); i++) {
		if (status_map[i].status == status)
			return status_map[i].rc;
	}
	return -EIO;
}

EFI_STATUS efi_rc_to_status(int rc)
{
	size_t i;

	if (rc >= 0)
		return EFI_SUCCESS;
	for (i = 0; i < ARRAY_SIZE(status_map); i++) {
		if (status_map[i].rc == rc)
			return status_map[i].status;
	}
	return EFI_DEVICE_ERROR;
}
