/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef PLATFORM_EFI_EFI_SHIM_LOCK_H
#define PLATFORM_EFI_EFI_SHIM_LOCK_H

#include <stddef.h>

/* 0 if shim is not there or accepts the image; otherwise an error, with a
 * message naming the image and shim's status. */
int efi_shim_lock_verify(const char *name, const void *data, size_t len);

#endif
