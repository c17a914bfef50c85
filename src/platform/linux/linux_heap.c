/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The heap of the hosted program is the C library's: malloc, calloc,
 * realloc and free come from it as they are; the core's zalloc is added.
 */

#include <stdlib.h>

void *zalloc(size_t size);

void *zalloc(size_t size)
{
	return calloc(1, size);
}
