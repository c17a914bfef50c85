/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WIREBOOT_CPIO_H
#define WIREBOOT_CPIO_H

/*
 * The cpio "newc" archive a Linux initramfs is made of (the kernel's
 * Documentation/driver-api/early-userspace/buffer-format.rst): each record
 * is a 110-byte ASCII header, the NUL-terminated name and the data, each
 * padded to 4 bytes. cpio_wrap() writes one file as a complete archive:
 * a record for each directory above it, the file, and the trailer, so
 * that the kernel unpacks it on top of whatever came before.
 */

#include <stddef.h>

/* The longest path accepted (the kernel's own limit is PATH_MAX). */
#define CPIO_PATH_MAX 255

/*
 * Writes into buf (up to max bytes; buf NULL: only counts) the archive that
 * holds data (len bytes) at path with permission bits mode (e.g. 0644).
 * path is absolute or relative ("/etc/x.conf", "etc/x.conf"); empty,
 * "." or ".." components, control characters, and a length over
 * CPIO_PATH_MAX are refused (-EINVAL), as is a file over 4 GiB - 1
 * (-EFBIG). Returns the archive's length, or -ENOSPC when it does not fit
 * in max.
 */
long cpio_wrap(void *buf, size_t max, const char *path, unsigned mode,
	       const void *data, size_t len);

#endif
