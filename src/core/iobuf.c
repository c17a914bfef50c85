/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * I/O buffer allocation. Buffer and descriptor come from one allocation:
 * the data area is aligned to IOB_ALIGN for DMA, and the descriptor sits
 * after it, so one free releases both.
 *
 * Packet buffers come and go at line rate, and under UEFI every heap
 * allocation is a firmware pool call. Buffers up to IOB_CACHED_LEN all get
 * that capacity, and freed ones are kept (up to IOB_CACHE_LIMIT) for the
 * next allocation, so the steady state of a transfer allocates nothing.
 * The limit is about a TCP receive window of full-sized frames (2 MiB by
 * default): on a lossy link the segments beyond a hole are held until it
 * fills, hundreds at a time, and all come back together; a smaller cache
 * sent most of them through the firmware's pool, a fifth of the receiver's
 * time under QEMU/TCG.
 *
 * Under AddressSanitizer (the host unit and fuzz builds) that speed hides
 * the bugs the sanitizer is there to find: a write past the requested size
 * lands in the spare capacity or in the descriptor, and a buffer used after
 * free_iob() is a live cached one. There every buffer is instead a fresh
 * heap block of exactly the requested size, its descriptor a block of its
 * own, and nothing is reused: the sanitizer's red zones catch a byte past
 * the tailroom and its quarantine catches a use after free, of the data
 * and of the descriptor alike. (Poisoning the spare capacity and the cached
 * buffers by hand would leave the descriptor unguarded, since the cache
 * links buffers through it.)
 */

#include <stdint.h>
#include <stdlib.h>
#include <wireboot/iobuf.h>
#include <wireboot/sanitizer.h>

#if WB_ADDRESS_SANITIZER

/* Host builds only: the C library's aligned allocation. */
int posix_memalign(void **ptr, size_t alignment, size_t size);

/* Larger requests fail as an exhausted firmware pool would, rather than
 * make the sanitizer abort on an impossible size. */
#define IOB_HOST_MAX_LEN (1u << 30)

struct io_buffer *alloc_iob(size_t len)
{
	struct io_buffer *iob;
	void *head;

	if (len > IOB_HOST_MAX_LEN)
		return NULL;
	iob = malloc(sizeof(*iob));
	if (!iob)
		return NULL;
	if (posix_memalign(&head, IOB_ALIGN, len) != 0) {
		free(iob);
		return NULL;
	}
	INIT_LIST_HEAD(&iob->list);
	iob->head = iob->data = iob->tail = head;
	iob->end = (char *)head + len;
	iob->allocation = head;
	return iob;
}

void free_iob(struct io_buffer *iob)
{
	if (!iob)
		return;
	free(iob->allocation);
	free(iob);
}

/* Nothing is kept for reuse in this mode. */
void iob_cache_flush(void)
{
}

#else

#define IOB_CACHED_LEN 2048
#define IOB_CACHE_LIMIT 1024U

static LIST_HEAD(iob_cache);
static unsigned iob_cached;

static bool iob_is_cacheable(const struct io_buffer *iob)
{
	return (size_t)((const char *)iob - (const char *)iob->head) == IOB_CACHED_LEN;
}

struct io_buffer *alloc_iob(size_t len)
{
	struct io_buffer *iob;
	size_t data_len, total;
	uintptr_t head;
	void *allocation;

	if (len <= IOB_CACHED_LEN && iob_cached) {
		iob = list_entry(iob_cache.next, struct io_buffer, list);
		list_del(&iob->list);
		iob_cached--;
		iob->data = iob->tail = iob->head;
		iob->end = (char *)iob->head + len;
		return iob;
	}
	/* Round up so that the descriptor after the data stays aligned. */
	data_len = len <= IOB_CACHED_LEN ? IOB_CACHED_LEN :
		   (len + IOB_ALIGN - 1) & ~(size_t)(IOB_ALIGN - 1);
	if (data_len < len || data_len > SIZE_MAX - IOB_ALIGN - sizeof(*iob))
		return NULL;
	total = data_len + IOB_ALIGN + sizeof(*iob);
	allocation = malloc(total);
	if (!allocation)
		return NULL;
	head = ((uintptr_t)allocation + IOB_ALIGN - 1) & ~(uintptr_t)(IOB_ALIGN - 1);
	iob = (struct io_buffer *)(head + data_len);
	INIT_LIST_HEAD(&iob->list);
	iob->head = iob->data = iob->tail = (void *)head;
	iob->end = (char *)head + len;
	iob->allocation = allocation;
	return iob;
}

void free_iob(struct io_buffer *iob)
{
	if (!iob)
		return;
	if (iob_is_cacheable(iob) && iob_cached < IOB_CACHE_LIMIT) {
		list_add(&iob->list, &iob_cache);
		iob_cached++;
		return;
	}
	free(iob->allocation);
}

void iob_cache_flush(void)
{
	struct io_buffer *iob, *next;

	list_for_each_entry_safe(iob, next, &iob_cache, list) {
		list_del(&iob->list);
		free(iob->allocation);
	}
	iob_cached = 0;
}

#endif

struct io_buffer *alloc_net_iob(size_t len)
{
	struct io_buffer *iob;
	size_t room = len < IOB_NET_MIN_FRAME ? IOB_NET_MIN_FRAME : len;

	if (room > SIZE_MAX - IOB_NET_HEADROOM)
		return NULL;
	iob = alloc_iob(IOB_NET_HEADROOM + room);
	if (iob)
		iob_reserve(iob, IOB_NET_HEADROOM);
	return iob;
}
