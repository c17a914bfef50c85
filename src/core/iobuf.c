/*
 * I/O buffer allocation. Buffer and descriptor come from one allocation:
 * the data area is aligned to IOB_ALIGN for DMA, and the descriptor sits
 * after it, so one free releases both.
 */

#include <stdint.h>
#include <stdlib.h>
#include <wireboot/iobuf.h>

struct io_buffer *alloc_iob(size_t len)
{
	struct io_buffer *iob;
	size_t data_len, total;
	uintptr_t head;
	void *allocation;

	/* Round up so that the descriptor after the data stays aligned. */
	data_len = (len + IOB_ALIGN - 1) & ~(size_t)(IOB_ALIGN - 1);
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

struct io_buffer *alloc_net_iob(size_t len)
{
	struct io_buffer *iob;

	if (len > SIZE_MAX - IOB_NET_HEADROOM)
		return NULL;
	iob = alloc_iob(IOB_NET_HEADROOM + len);
	if (iob)
		iob_reserve(iob, IOB_NET_HEADROOM);
	return iob;
}

void free_iob(struct io_buffer *iob)
{
	if (iob)
		free(iob->allocation);
}
