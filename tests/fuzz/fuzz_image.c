/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/core/image.c src/core/downloader.c src/core/interface.c src/core/xfer.c src/core/job.c src/core/iobuf.c src/core/uri.c src/core/errors.c src/core/string.c src/core/strtoul.c src/core/vsprintf.c
/*
 * Images through their public interface (wireboot/image.h): sequences of
 * image_reserve() and image_write() at offsets and sizes from the input,
 * huge ones included, and downloads through the downloader from a sender
 * that delivers blocks at input-chosen offsets (in order or at absolute
 * positions, as TFTP and HTTP ranges do), announces sizes (honest or not),
 * redirects, closes, or is cancelled by the waiter.
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
#include <wireboot/downloader.h>
#include <wireboot/image.h>
#include <wireboot/interface.h>
#include <wireboot/open.h>
#include <wireboot/uri.h>
#include <wireboot/xfer.h>
#include "fuzz_input.h"

struct image *wb_alloc_image(const char *name);
int wb_image_reserve(struct image *image, size_t len);
int wb_image_write(struct image *image, size_t offset, const void *data, size_t len);
int wb_image_set_cmdline(struct image *image, const char *cmdline);
int wb_register_image(struct image *image);
void wb_unregister_image(struct image *image);
struct image *wb_find_image(const char *name);
int wb_create_downloader(struct interface *job, struct image *image);
struct uri *wb_parse_uri(const char *text);
extern struct list_head wb_images;
extern struct interface wb_null_intf;
void wb_intf_plug_plug(struct interface *a, struct interface *b);
void wb_intf_shutdown(struct interface *intf, int rc);
int wb_xfer_deliver(struct interface *intf, struct io_buffer *iob,
		    struct xfer_metadata *meta);
void wb_xfer_size_hint(struct interface *intf, uint64_t total);
int wb_xfer_redirect(struct interface *intf, struct uri *uri);
struct io_buffer *wb_alloc_iob(size_t len);

#define SHADOW_MAX (1024 * 1024)

/* The kind of an error, without its failure site (as errno_base() of the
 * firmware's errno.h, which this program's system headers hide). */
static int error_base(int rc)
{
	return rc < 0 ? -(-rc & 0xff) : rc;
}

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
		check(error_base(rc) == -ENOSPC || error_base(rc) == -ENOMEM, "an impossible write succeeded");
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
		check(error_base(rc) == -ENOSPC || error_base(rc) == -ENOMEM, "unexpected write error");
	check_image(image, shadow);
}

/* ---- a sender and a waiter around the downloader ------------------------------ */

static struct shadow fetch_shadow;
static struct interface sender, waiter;
static int sender_closed, waiter_closed, waiter_rc;

static void sender_close(struct interface *intf, int rc)
{
	(void)rc;
	sender_closed = 1;
	wb_intf_shutdown(intf, rc);
}

static const struct interface_operations sender_operations = {
	.close = sender_close,
};

static void waiter_close(struct interface *intf, int rc)
{
	waiter_closed = 1;
	waiter_rc = rc;
	wb_intf_shutdown(intf, rc);
}

static const struct interface_operations waiter_operations = {
	.close = waiter_close,
};

static void intf_fresh(struct interface *intf,
		       const struct interface_operations *op)
{
	intf->dest = &wb_null_intf;
	intf->refcnt = NULL;
	intf->op = intf->saved_op = op;
}

/* Every open (the first, and each redirect) plugs the sender anew. */
int xfer_open_uri(struct interface *receiver, struct uri *uri)
{
	(void)uri;
	if (take8() == 0xff)
		return -ENOENT;
	intf_fresh(&sender, &sender_operations);
	sender_closed = 0;
	wb_intf_plug_plug(&sender, receiver);
	return 0;
}

/* The platform reports as much memory free as the fake allocator has. */
size_t umalloc_available(void)
{
	return SHADOW_MAX;
}

/* Plays the transfer from the input until the downloader is done. */
static void play_transfer(void)
{
	uint64_t position = 0;

	while (!waiter_closed) {
		struct xfer_metadata meta = { 0 };
		struct io_buffer *iob;
		size_t len;
		uint64_t offset;
		uint8_t op;

		if (sender_closed || !fuzz_in_left) {
			/* The sender is gone: the download must have ended. */
			if (!sender_closed)
				wb_intf_shutdown(&sender, 0);
			check(waiter_closed, "the sender ended, the download did not");
			return;
		}
		op = take8();
		switch (op % 9) {
		case 0:
			wb_xfer_size_hint(&sender, (uint64_t)take_size() << (op >> 7) * 20);
			break;
		case 1:
			wb_intf_shutdown(&sender, (op & 0x80) ? -EIO : 0);
			break;
		case 2:
			wb_intf_shutdown(&waiter, -ECANCELED);	/* Ctrl-C */
			check(sender_closed, "a cancelled download left its sender open");
			return;
		case 3: {
			struct uri *uri = wb_parse_uri("tftp://10.0.0.2/other.efi");

			/* A redirect restarts the contents from nothing. */
			if (uri && wb_xfer_redirect(&sender, uri) == 0) {
				fetch_shadow.len = 0;
				position = 0;
			}
			uri_put(uri);
			break;
		}
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
}

static void fetch_step(void)
{
	char name[4] = { 'f', (char)('a' + take8() % 4), 0 };
	struct image *image = wb_alloc_image(name);
	int rc;

	if (!image)
		return;
	fetch_shadow.len = 0;
	intf_fresh(&waiter, &waiter_operations);
	waiter_closed = 0;
	image->uri = wb_parse_uri("tftp://10.0.0.1/boot/file.efi");
	rc = wb_create_downloader(&waiter, image);
	if (rc == 0) {
		play_transfer();
		if (waiter_rc == 0)
			check_image(image, &fetch_shadow);
	}
	image_put(image);
}

/* ---- the target ----------------------------------------------------------- */

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
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
