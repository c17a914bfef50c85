/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Translation between UEFI status codes, error numbers and the
 * specification's names of the codes (for messages). */

#include <errno.h>
#include <wireboot/compiler.h>
#include <wireboot/efi.h>

static const struct {
	EFI_STATUS status;
	int rc;
	const char *name;
} status_map[] = {
	{ EFI_LOAD_ERROR, -ENOEXEC, "EFI_LOAD_ERROR" },
	{ EFI_INVALID_PARAMETER, -EINVAL, "EFI_INVALID_PARAMETER" },
	{ EFI_UNSUPPORTED, -ENOTSUP, "EFI_UNSUPPORTED" },
	{ EFI_BUFFER_TOO_SMALL, -ENOBUFS, "EFI_BUFFER_TOO_SMALL" },
	{ EFI_NOT_READY, -EAGAIN, "EFI_NOT_READY" },
	{ EFI_DEVICE_ERROR, -EIO, "EFI_DEVICE_ERROR" },
	{ EFI_WRITE_PROTECTED, -EACCES, "EFI_WRITE_PROTECTED" },
	{ EFI_OUT_OF_RESOURCES, -ENOMEM, "EFI_OUT_OF_RESOURCES" },
	{ EFI_NO_MEDIA, -ENODEV, "EFI_NO_MEDIA" },
	{ EFI_NOT_FOUND, -ENOENT, "EFI_NOT_FOUND" },
	{ EFI_ACCESS_DENIED, -EACCES, "EFI_ACCESS_DENIED" },
	{ EFI_NO_RESPONSE, -ETIMEDOUT, "EFI_NO_RESPONSE" },
	{ EFI_TIMEOUT, -ETIMEDOUT, "EFI_TIMEOUT" },
	{ EFI_NOT_STARTED, -ENOTCONN, "EFI_NOT_STARTED" },
	{ EFI_ALREADY_STARTED, -EALREADY, "EFI_ALREADY_STARTED" },
	{ EFI_ABORTED, -ECANCELED, "EFI_ABORTED" },
	{ EFI_PROTOCOL_ERROR, -EPROTO, "EFI_PROTOCOL_ERROR" },
	{ EFI_SECURITY_VIOLATION, -EPERM, "EFI_SECURITY_VIOLATION" },
	{ EFI_CRC_ERROR, -EBADMSG, "EFI_CRC_ERROR" },
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

const char *efi_status_name(EFI_STATUS status)
{
	size_t i;

	if (!EFI_ERROR(status))
		return "EFI_SUCCESS";
	for (i = 0; i < ARRAY_SIZE(status_map); i++) {
		if (status_map[i].status == status)
			return status_map[i].name;
	}
	return "an unknown EFI error";
}
