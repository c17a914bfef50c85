/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WIREBOOT_UMALLOC_H
#define WIREBOOT_UMALLOC_H

/*
 * Large buffers (downloaded images) straight from the platform's page
 * allocator (UEFI AllocatePages; mmap or malloc when hosted), so that
 * hundreds of MiB neither strain nor fragment the heap. ufree() must be
 * given the length umalloc() was asked for. The memory is not zeroed.
 */

#include <stddef.h>

void *umalloc(size_t len);
void ufree(void *ptr, size_t len);
/* About how much umalloc() could still give (free memory the platform
 * reports), so that a size a server merely announces is never reserved
 * beyond what exists. */
size_t umalloc_available(void);

#endif
