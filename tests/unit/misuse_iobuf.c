/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/core/iobuf.c
// ALSO_CLANG
/*
 * Misuses of I/O buffers that AddressSanitizer must stop in the test
 * builds (the firmware's buffer cache would hide them): a write one byte
 * past the tailroom, and a read of a freed buffer's data or descriptor.
 * tests/sanitizer/ runs this program per misuse and expects it to die
 * with the sanitizer's report; "inbounds" does everything up to the limit
 * and must succeed.
 *
 *   misuse_iobuf inbounds|overrun|overrun-net|use-after-free|descriptor-after-free
 */

#include <stdio.h>
#include <string.h>
#include <wireboot/iobuf.h>

struct io_buffer *wb_alloc_iob(size_t len);
struct io_buffer *wb_alloc_net_iob(size_t len);
void wb_free_iob(struct io_buffer *iob);

/* Writes through a volatile pointer, so the compiler keeps every store. */
static void fill(void *start, size_t len)
{
	volatile unsigned char *p = start;
	size_t i;

	for (i = 0; i < len; i++)
		p[i] = 0x5a;
}

int main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "";
	struct io_buffer *iob;
	size_t room;

	if (strcmp(mode, "overrun-net") == 0) {
		/* A transmit buffer: headroom plus the payload asked for. */
		iob = wb_alloc_net_iob(1500);
		room = iob_tailroom(iob);
		fill(iob_put(iob, room), room + 1);
	} else {
		/* 100 bytes: not a multiple of the alignment, nor of the
		 * sanitizer's 8-byte granule. */
		iob = wb_alloc_iob(100);
		iob_reserve(iob, 10);
		room = iob_tailroom(iob);
		if (strcmp(mode, "overrun") == 0) {
			fill(iob_put(iob, room), room + 1);
		} else if (strcmp(mode, "inbounds") == 0) {
			fill(iob->head, 10);
			fill(iob_put(iob, room), room);
		} else if (strcmp(mode, "use-after-free") == 0) {
			volatile unsigned char *data = iob->data;

			wb_free_iob(iob);
			/* A new buffer of the same size must not be the old one. */
			iob = wb_alloc_iob(100);
			return data[0];
		} else if (strcmp(mode, "descriptor-after-free") == 0) {
			struct io_buffer *volatile stale = iob;

			wb_free_iob(iob);
			iob = wb_alloc_iob(100);
			return (int)iob_len(stale);
		} else {
			fprintf(stderr, "unknown mode \"%s\"\n", mode);
			return 2;
		}
	}
	wb_free_iob(iob);
	printf("misuse_iobuf %s: done\n", mode);
	return 0;
}
