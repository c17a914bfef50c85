// FIRMWARE_SOURCES: src/core/image.c src/core/xfer.c src/core/iobuf.c src/core/uri.c src/core/errors.c src/core/string.c src/core/strtoul.c src/core/vsprintf.c
/*
 * Images through their public interface (wireboot/image.h): sequences of
 * image_reserve() and image_write() at offsets and sizes from the input,
 * huge ones included, and downloads by image_fetch() from a sender that
 * delivers blocks at input-chosen offsets (in order or at absolute
 * positions, as TFTP and HTTP ranges do), announces sizes and closes.
 *
 * A shadow copy of every image is kept beside it: after each step the
 * image must hold exactly what the writes that succeeded put there (gaps
 * read as zeros), and a failed step must leave it as it was. The page
 * allocator is a fake that gives exact-size blocks (so AddressSanitizer
 * sees a byte past the buffer), checks that every block is freed with the
 * size it was allocated with, and refuses more than SHADOW_MAX bytes, as a
 * machine with little memory would.
 */

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wireboot/image.h>
#include <wireboot/open.h>
#include <wireboot/process.h>
#include <wireboot/xfer.h>
#include "fuzz_input.h"

struct image *wb_alloc_image(const char *name);
int wb_image_reserve(struct image *image, size_t len);
int wb_image_write(struct image *image, size_t offset, const void *data, size_t len);
int wb_image_set_cmdline(struct image *image, const char *cmdline);
int wb_register_image(struct image *image);
void wb_unregister_image(struct image *image);
struct image *wb_find_image(const char *name);
int wb_image_fetch(const char *uri_text, const char *name, struct image **image);
extern struct list_head wb_images;
void wb_xfer_plug(struct xfer *a, struct xfer *b);
int wb_xfer_deliver(struct xfer *xfer, struct io_buffer *iob,
		    const struct xfer_metadata *meta);
void wb_xfer_close(struct xfer *xfer, int rc);
void wb_xfer_size_hint(struct xfer *xfer, size_t total);
struct io_buffer *wb_alloc_iob(size_t len);

#define SHADOW_MAX (1024 * 1024)

/* ---- the input ------------------------------------------------------------ */

/* A size or offset: small, near the allocator's steps, or near the top of
 * the address space, where sums overflow. */
static size_t take_size(void)
{
	uint8_t kind = take8();
	size_t near = take16();

	switch (kind % 6) {
	case 0: return near;
	case 1: return (size_t)(64 * 1024) - 8 + near % 16;
	case 2: return ((size_t)1 << (12 + near % 9)) - 8 + (near >> 8) % 16;
	case 3: return SIZE_MAX - near;
	case 4: return SIZE_MAX / 2 + 1 - near % 4;
	default: {
		size_t value = 0;
		unsigned i;

		for (i = 0; i < sizeof(value); i++)
			value = value << 8 | take8();
		return value;
	}
	}
}

/* ---- platform fakes ---------------------------------------------------------- */

static struct { void *ptr; size_t len; } blocks[16];
static unsigned live_blocks;

void *umalloc(size_t len)
{
	unsigned i;

	if (len > SHADOW_MAX)
		return NULL;
	for (i = 0; i < 16; i++) {
		if (!blocks[i].ptr) {
			blocks[i].ptr = malloc(len);
			blocks[i].len = len;
			live_blocks++;
			return blocks[i].ptr;
		}
	}
	return NULL;
}

void ufree(void *ptr, size_t len)
{
	unsigned i;

	if (!ptr)
		return;
	for (i = 0; i < 16; i++) {
		if (blocks[i].ptr == ptr) {
			if (blocks[i].len != len) {
				fprintf(stderr, "ufree of %zu bytes with length %zu\n",
					blocks[i].len, len);
				abort();
			}
			free(ptr);
			blocks[i].ptr = NULL;
			live_blocks--;
			return;
		}
	}
	fprintf(stderr, "ufree of a block umalloc did not give\n");
	abort();
}

void *zalloc(size_t size)
{
	return calloc(1, size);
}

uint64_t monotonic_us(void)
{
	return 0;
}

/* ---- the model ------------------------------------------------------------- */

struct shadow {
	uint8_t *data;
	size_t len;
};

static void check(int ok, const char *what)
{
	if (!ok) {
		fprintf(stderr, "image model: %s\n", what);
		abort();
	}
}

static void check_image(const struct image *image, const struct shadow *shadow)
{
	check(image->len == shadow->len, "length differs from the writes");
	check(image->len <= image->capacity, "length beyond capacity");
	check(!image->len || memcmp(image->data, shadow->data, image->len) == 0,
	      "contents differ from the writes");
}

/* What image_write() must do, given that it succeeded. */
static void shadow_write(struct shadow *shadow, size_t offset, const void *data,
			 size_t len)
{
	check(offset <= SHADOW_MAX && len <= SHADOW_MAX - offset,
	      "a write beyond what the allocator gives succeeded");
	if (offset > shadow->len)
		memset(shadow->data + shadow->len, 0, offset - shadow->len);
	memcpy(shadow->data + offset, data, len);
	if (offset + len > shadow->len)
		shadow->len = offset + len;
}

/* One write: data from the input (or a pattern when it runs short). */
static void write_step(struct image *image, struct shadow *shadow, size_t offset,
		       size_t len)
{
	static uint8_t pattern[65536];
	const uint8_t *data = pattern;
	int rc;

	if (len > SHADOW_MAX) {
		/* More than the allocator gives: must fail before reading. */
		rc = wb_image_write(image, offset, pattern, len);
		check(rc == -ENOSPC || rc == -ENOMEM, "an impossible write succeeded");
		check_image(image, shadow);
		return;
	}
	if (len > sizeof(pattern))
		len = sizeof(pattern);
	if (len <= fuzz_in_left) {
		data = fuzz_in;
		fuzz_skip(len);
	} else {
		memset(pattern, (int)len, len);
	}
	rc = wb_image_write(image, offset, data, len);
	if (rc == 0)
		shadow_write(shadow, offset, data, len);
	else
		check(rc == -ENOSPC || rc == -ENOMEM, "unexpected write error");
	check_image(image, shadow);
}

/* ---- a sender for image_fetch() -------------------------------------------- */

static struct shadow fetch_shadow;
static struct xfer sender;
static int sender_closed;

static void sender_close(struct xfer *xfer, int rc)
{
	(void)xfer;
	(void)rc;
	sender_closed = 1;
}

static const struct xfer_operations sender_operations = { .close = sender_close };

int xfer_open_uri(struct xfer *receiver, struct uri *uri)
{
	(void)uri;
	if (take8() == 0xff)
		return -ENOENT;
	xfer_init(&sender, &sender_operations);
	sender_closed = 0;
	wb_xfer_plug(&sender, receiver);
	return 0;
}

/* Plays the transfer from the input until the receiver is done. */
int wait_for(bool (*done)(void *context), void *context, uint64_t timeout_us)
{
	size_t position = 0;

	(void)timeout_us;
	while (!done(context)) {
		struct xfer_metadata meta = { 0 };
		struct io_buffer *iob;
		size_t len, offset;
		uint8_t op;

		if (sender_closed)
			return -ECANCELED;	/* the receiver stopped without ending */
		if (!fuzz_in_left) {
			wb_xfer_close(&sender, 0);
			continue;
		}
		op = take8();
		switch (op % 8) {
		case 0:
			wb_xfer_size_hint(&sender, take_size());
			break;
		case 1:
			wb_xfer_close(&sender, (op & 0x80) ? -EIO : 0);
			break;
		case 2:
			return -ECANCELED;	/* Ctrl-C */
		default:
			len = take16() % 1500;
			if (len > fuzz_in_left)
				len = fuzz_in_left;
			offset = position;
			if (op & 0x80) {
				meta.flags = XFER_FL_ABS_OFFSET;
				meta.offset = offset = take_size();
				if (len > fuzz_in_left)
					len = fuzz_in_left;
			}
			iob = wb_alloc_iob(len);
			if (!iob)
				break;
			memcpy(iob_put(iob, len), fuzz_in, len);
			if (wb_xfer_deliver(&sender, iob, &meta) == 0) {
				shadow_write(&fetch_shadow, offset, fuzz_in, len);
				position = offset + len;
			}
			fuzz_skip(len);
			break;
		}
	}
	return 0;
}

static void fetch_step(void)
{
	struct image *image = NULL;
	char name[4] = { 'f', (char)('a' + take8() % 4), 0 };
	int rc;

	fetch_shadow.len = 0;
	rc = wb_image_fetch("tftp://10.0.0.1/boot/file.efi", take8() & 1 ? name : NULL,
			    &image);
	if (rc == 0) {
		check(image != NULL, "a fetch succeeded without an image");
		check(wb_find_image(image->name) == image, "fetched image not registered");
		check_image(image, &fetch_shadow);
		wb_unregister_image(image);
	}
}

/* ---- the target ----------------------------------------------------------- */

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	/* image_fetch() reports progress on the console. */
	if (!freopen("/dev/null", "w", stdout))
		abort();
	fetch_shadow.data = malloc(SHADOW_MAX);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct shadow shadow;
	struct image *image = wb_alloc_image("fuzz");
	unsigned steps = 0;

	if (!shadow.data)
		shadow.data = malloc(SHADOW_MAX);
	shadow.len = 0;
	fuzz_input(data, size);
	while (fuzz_in_left && steps++ < 64) {
		uint8_t op = take8();
		size_t before_capacity = image->capacity;
		size_t offset, len;
		char text[8];

		switch (op % 6) {
		case 0:
			len = take_size();
			if (wb_image_reserve(image, len) == 0)
				check(image->capacity >= len, "reserve gave less");
			else
				check(image->capacity == before_capacity,
				      "failed reserve changed the buffer");
			check_image(image, &shadow);
			break;
		case 1:
		case 2:
			offset = take_size();
			len = (op & 0x80) ? take_size() : take16();
			write_step(image, &shadow, offset, len);
			break;
		case 3:
			snprintf(text, sizeof(text), "%.*s", (int)(take8() % 8),
				 fuzz_in_left >= 8 ? (const char *)fuzz_in : "");
			check(wb_image_set_cmdline(image, text) == 0, "cmdline failed");
			check(!*text || (image->cmdline && strcmp(image->cmdline, text) == 0),
			      "cmdline not kept");
			break;
		case 4:
			wb_register_image(image);
			check(wb_find_image(image->name) == image, "not registered");
			wb_unregister_image(image);
			check(wb_find_image(image->name) != image, "still registered");
			break;
		default:
			fetch_step();
			break;
		}
	}
	image_put(image);
	check(list_empty(&wb_images), "images left registered");
	check(live_blocks == 0, "image buffer leaked");
	return 0;
}
