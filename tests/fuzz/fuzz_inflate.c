/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/core/inflate.c src/core/gzip.c src/core/string.c
/*
 * gzip and raw DEFLATE decoding of any bytes: the first byte chooses
 * (odd: gzip), the rest is the file. The output grows through the
 * reserve callback (every growth a fresh buffer of exactly the capacity
 * it reports, so the sanitizer sees any write past it) up to a limit,
 * which must hold; a raw stream may not claim more input than it was
 * given.
 */

#include <stdlib.h>
#include <string.h>
#include <wireboot/inflate.h>

int wb_inflate(const uint8_t *in, size_t len, struct inflate_output *out,
	       size_t *used);
int wb_gunzip(const uint8_t *in, size_t len, struct inflate_output *out);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define LIMIT (1 << 20)

/* Doubling, as the firmware's images grow; the buffer is exactly the
 * capacity the decoder is told. */
static int grow(struct inflate_output *out, size_t need)
{
	uint8_t *data;

	if (need < 2 * out->capacity)
		need = 2 * out->capacity;
	data = malloc(need);

	if (!data)
		return -1;
	if (out->len)
		memcpy(data, out->data, out->len);
	free(out->data);
	out->data = data;
	out->capacity = need;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct inflate_output out = { .limit = LIMIT, .reserve = grow };
	size_t used = 0;

	if (!size)
		return 0;
	if (data[0] & 1) {
		wb_gunzip(data + 1, size - 1, &out);
	} else if (wb_inflate(data + 1, size - 1, &out, &used) == 0 &&
		   used > size - 1) {
		abort();
	}
	if (out.len > LIMIT || out.len > out.capacity)
		abort();
	free(out.data);
	return 0;
}
