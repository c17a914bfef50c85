/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Large buffers in the hosted build: the C library's heap, where the
 * sanitizers see every overrun (see wireboot/umalloc.h). */

#include <stdlib.h>
#include <unistd.h>
#include <wireboot/umalloc.h>

void *umalloc(size_t len)
{
	return len ? malloc(len) : NULL;
}

void ufree(void *ptr, size_t len)
{
	(void)len;
	free(ptr);
}

size_t umalloc_available(void)
{
	long pages = sysconf(_SC_AVPHYS_PAGES);
	long page_size = sysconf(_SC_PAGESIZE);

	if (pages <= 0 || page_size <= 0)
		return 0;
	return (size_t)pages * (size_t)page_size;
}
