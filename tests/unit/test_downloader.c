/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/core/downloader.c src/core/image.c src/core/interface.c src/core/xfer.c src/core/job.c src/core/iobuf.c src/core/uri.c src/core/string.c src/core/strtoul.c src/core/vsprintf.c
/*
 * The downloader between a protocol and a waiter: data lands at its offset,
 * a size the server announces is only a hint (capped, never beyond what the
 * platform reports free, never pinning memory without data), redirects
 * reopen, a restart voids what was delivered, reasons and results reach the waiter, cancelling stops the
 * protocol. The protocol is a fake plugged in by a fake xfer_open_uri().
 */

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wireboot/downloader.h>
#include <wireboot/image.h>
#include <wireboot/interface.h>
#include <wireboot/job.h>
#include <wireboot/uri.h>
#include <wireboot/xfer.h>
#include "unit.h"

int wb_create_downloader(struct interface *job, struct image *image);
struct image *wb_alloc_image(const char *name);
struct uri *wb_parse_uri(const char *text);
void wb_intf_plug_plug(struct interface *a, struct interface *b);
void wb_intf_shutdown(struct interface *intf, int rc);
void wb_intf_reason(struct interface *intf, const char *text);
int wb_xfer_deliver(struct interface *intf, struct io_buffer *iob,
		    struct xfer_metadata *meta);
void wb_xfer_size_hint(struct interface *intf, uint64_t total);
int wb_xfer_redirect(struct interface *intf, struct uri *uri);
void wb_job_progress(struct interface *intf, struct job_progress *progress);
struct io_buffer *wb_alloc_iob(size_t len);
extern struct interface wb_null_intf;
extern const struct interface_operations wb_null_intf_operations;

/* ---- the platform: page allocations, counted ------------------------------ */

static size_t largest_allocation, available = (size_t)8 << 30;

void *zalloc(size_t size)
{
	return calloc(1, size);
}

void *umalloc(size_t len)
{
	if (len > largest_allocation)
		largest_allocation = len;
	return len ? malloc(len) : NULL;
}

void ufree(void *ptr, size_t len)
{
	(void)len;
	free(ptr);
}

size_t umalloc_available(void)
{
	return available;
}

/* ---- a fake protocol ------------------------------------------------------ */

static struct interface protocol;
static unsigned opens, protocol_closes;
static int protocol_close_rc;
static char opened_uri[128];

static void protocol_close(struct interface *intf, int rc)
{
	protocol_closes++;
	protocol_close_rc = rc;
	wb_intf_shutdown(intf, rc);
}

static const struct interface_operations protocol_operations = {
	.close = protocol_close,
};

int xfer_open_uri(struct interface *receiver, struct uri *uri)
{
	opens++;
	snprintf(opened_uri, sizeof(opened_uri), "%s://%s%s", uri->scheme,
		 uri->host ? uri->host : "", uri->path ? uri->path : "");
	if (strcmp(uri->scheme, "bad") == 0)
		return -ENOTSUP;
	protocol.dest = &wb_null_intf;
	protocol.refcnt = NULL;
	protocol.op = &protocol_operations;
	protocol.saved_op = &protocol_operations;
	wb_intf_plug_plug(&protocol, receiver);
	return 0;
}

/* ---- the waiter ----------------------------------------------------------- */

static struct interface waiter;
static int waiter_rc;
static bool waiter_closed;
static char waiter_reason[64];

static void waiter_close(struct interface *intf, int rc)
{
	waiter_closed = true;
	waiter_rc = rc;
	wb_intf_shutdown(intf, rc);
}

static void waiter_got_reason(struct interface *intf __attribute__((unused)),
			      const char *text)
{
	snprintf(waiter_reason, sizeof(waiter_reason), "%s", text);
}

static const struct interface_operations waiter_operations = {
	.reason = waiter_got_reason,
	.close = waiter_close,
};

static struct image *start(const char *uri_text)
{
	struct image *image = wb_alloc_image("test");

	waiter.dest = &wb_null_intf;
	waiter.refcnt = NULL;
	waiter.op = &waiter_operations;
	waiter.saved_op = &waiter_operations;
	waiter_closed = false;
	waiter_rc = 1;
	waiter_reason[0] = '\0';
	protocol_closes = 0;
	largest_allocation = 0;
	image->uri = wb_parse_uri(uri_text);
	CHECK_INT(wb_create_downloader(&waiter, image), 0);
	return image;
}

static void deliver_at(uint64_t offset, const void *data, size_t len)
{
	struct io_buffer *iob = wb_alloc_iob(len);
	struct xfer_metadata meta = { .offset = offset,
				      .flags = XFER_FL_ABS_OFFSET };

	memcpy(iob_put(iob, len), data, len);
	CHECK_INT(wb_xfer_deliver(&protocol, iob, &meta), 0);
}

static void image_done(struct image *image)
{
	image_put(image);
}

/* ---- tests ---------------------------------------------------------------- */

static void test_data_lands_at_its_offset(void)
{
	struct image *image = start("tftp://server/file");
	struct job_progress progress;

	deliver_at(4, "world", 5);
	deliver_at(0, "hey ", 4);
	deliver_at(4, "world", 5);		/* a duplicate */
	CHECK_INT(image->len, 9);
	CHECK(memcmp(image->data, "hey world", 9) == 0);
	wb_job_progress(&waiter, &progress);
	CHECK_INT(progress.completed, 9);
	wb_intf_shutdown(&protocol, 0);
	CHECK(waiter_closed);
	CHECK_INT(waiter_rc, 0);
	image_done(image);
}

static void test_hint_is_capped(void)
{
	struct image *image = start("tftp://server/huge");
	struct job_progress progress;

	/* 2^31 + 1 bytes announced, nothing sent: nothing that size is
	 * reserved, and what data arrives still fits. */
	wb_xfer_size_hint(&protocol, (1ULL << 31) + 1);
	CHECK(largest_allocation < (1U << 20));
	deliver_at(0, "abc", 3);
	CHECK_INT(image->len, 3);
	CHECK(largest_allocation < (1U << 20));
	wb_job_progress(&waiter, &progress);
	CHECK_INT(progress.total, (1ULL << 31) + 1);
	wb_intf_shutdown(&protocol, 0);
	image_done(image);

	/* A plausible size is reserved at once, exactly: one allocation, no
	 * growth. */
	image = start("tftp://server/fits");
	wb_xfer_size_hint(&protocol, (3 << 20) + 5);
	CHECK_INT(image->capacity, (3U << 20) + 5);
	wb_intf_shutdown(&protocol, 0);
	image_done(image);

	/* 1 GiB on a machine with 2 GiB free: reserved, not grown by
	 * doubling (which would need 1.5 GiB at the last step). */
	available = (size_t)2 << 30;
	image = start("http://server/1g");
	wb_xfer_size_hint(&protocol, 1ULL << 30);
	CHECK_INT(image->capacity, 1ULL << 30);
	CHECK_INT(largest_allocation, 1ULL << 30);
	wb_intf_shutdown(&protocol, 0);
	image_done(image);

	/* But never more than three quarters of what the platform has free. */
	available = 4 << 20;
	image = start("tftp://server/tight");
	wb_xfer_size_hint(&protocol, 7 << 19);
	CHECK(image->capacity < (7U << 19));
	available = (size_t)8 << 30;
	wb_intf_shutdown(&protocol, 0);
	image_done(image);
}

static void test_reason_and_error_reach_the_waiter(void)
{
	struct image *image = start("tftp://server/missing");

	wb_intf_reason(&protocol, "TFTP error 1: File not found");
	wb_intf_shutdown(&protocol, -ENOENT);
	CHECK(waiter_closed);
	CHECK_INT(waiter_rc, -ENOENT);
	CHECK_STR(waiter_reason, "TFTP error 1: File not found");
	image_done(image);
}

static void test_cancel_stops_the_protocol(void)
{
	struct image *image = start("tftp://server/slow");

	wb_intf_shutdown(&waiter, -ECANCELED);
	CHECK_INT(protocol_closes, 1);
	CHECK_INT(protocol_close_rc, -ECANCELED);
	image_done(image);
}

static void test_redirect_reopens(void)
{
	struct image *image = start("http://old/file");
	struct uri *target = wb_parse_uri("http://new/file");

	opens = 0;
	deliver_at(0, "stale", 5);
	CHECK_INT(wb_xfer_redirect(&protocol, target), 0);
	/* The old transfer was closed, the new one opened on the same
	 * downloader. */
	CHECK_INT(protocol_closes, 1);
	CHECK_INT(opens, 1);
	CHECK_STR(opened_uri, "http://new/file");
	CHECK_STR(image->uri->host, "new");
	CHECK_INT(image->len, 0);	/* nothing of the old transfer is kept */
	CHECK(!waiter_closed);
	wb_intf_shutdown(&protocol, 0);
	CHECK(waiter_closed);
	uri_put(target);
	image_done(image);
}

/* A resumed transfer found the document changed: what it had is void,
 * even where the new version is shorter. */
static void test_restart_voids_contents(void)
{
	struct image *image = start("http://server/changed");
	struct io_buffer *iob = wb_alloc_iob(3);
	struct xfer_metadata meta = { .offset = 0,
				      .flags = XFER_FL_ABS_OFFSET |
					       XFER_FL_RESTART };

	deliver_at(0, "old version", 11);
	memcpy(iob_put(iob, 3), "new", 3);
	CHECK_INT(wb_xfer_deliver(&protocol, iob, &meta), 0);
	CHECK_INT(image->len, 3);
	CHECK(memcmp(image->data, "new", 3) == 0);
	deliver_at(3, "er", 2);
	CHECK_INT(image->len, 5);
	wb_intf_shutdown(&protocol, 0);
	image_done(image);
}

static void test_unknown_scheme_fails_at_once(void)
{
	struct image *image = wb_alloc_image("bad");

	waiter.dest = &wb_null_intf;
	waiter.op = &waiter_operations;
	image->uri = wb_parse_uri("bad://x/y");
	CHECK_INT(wb_create_downloader(&waiter, image), -ENOTSUP);
	CHECK(waiter.dest == &wb_null_intf);
	image_done(image);
}

int main(void)
{
	test_data_lands_at_its_offset();
	test_hint_is_capped();
	test_reason_and_error_reach_the_waiter();
	test_restart_voids_contents();
	test_cancel_stops_the_protocol();
	test_redirect_reopens();
	test_unknown_scheme_fails_at_once();
	return unit_finish();
}
