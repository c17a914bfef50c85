/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WIREBOOT_EMBEDDED_H
#define WIREBOOT_EMBEDDED_H

/*
 * Files linked into the image with EMBED=file[,file] (util/mkembed writes
 * the entries). Each one's data is followed by a NUL byte not counted in len.
 */

#include <stddef.h>
#include <wireboot/tables.h>

struct embedded_image {
	const char *name;
	const void *data;
	size_t len;
};

TABLE_DECLARE(const struct embedded_image, embedded_images);

#endif
