/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The downloader (see wireboot/downloader.h): an object between a
 * protocol's data interface and a waiter's job interface. Data goes
 * straight into the image's buffer at the offset the protocol gives, so a
 * block that arrives twice or out of order lands in its place. A delivery
 * marked XFER_FL_RESTART voids everything before it (a resumed HTTP
 * transfer found that the document changed).
 *
 * A size the server announces is only a hint: it is reserved at once,
 * exactly, only up to DOWNLOAD_HINT_MAX and never beyond three quarters
 * of what the platform reports free; past that the buffer grows with the
 * data that actually arrives, so a lying server cannot pin memory without
 * sending it. Reserving at once matters for large files: growing by
 * doubling needs the old and the new buffer together (1.5 GiB at the step
 * to 1 GiB), which a machine with 2 GiB does not have.
 */

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <wireboot/downloader.h>
#include <wireboot/errfile.h>
#include <wireboot/job.h>
#include <wireboot/open.h>
#include <wireboot/umalloc.h>
#include <wireboot/xfer.h>

#define ERRFILE ERRFILE_downloader

#define DOWNLOAD_HINT_MAX (2048ULL * 1024 * 1024)

struct downloader {
	struct refcnt refcnt;
	struct interface job;
	struct interface xfer;
	struct image *image;
	uint64_t position;	/* where data without an offset goes */
	uint64_t total;		/* announced size, 0 if unknown */
};

static void downloader_free(struct refcnt *refcnt)
{
	struct downloader *dl = container_of(refcnt, struct downloader, refcnt);

	image_put(dl->image);
	free(dl);
}

static void downloader_finish(struct downloader *dl, int rc)
{
	intf_shutdown(&dl->xfer, rc);
	intf_shutdown(&dl->job, rc);
}

static int downloader_deliver(struct interface *xfer, struct io_buffer *iob,
			      struct xfer_metadata *meta)
{
	struct downloader *dl = container_of(xfer, struct downloader, xfer);
	uint64_t offset = (meta->flags & XFER_FL_ABS_OFFSET) ? meta->offset :
							      dl->position;
	size_t len = iob_len(iob);
	int rc;

	if (meta->flags & XFER_FL_RESTART)
		dl->image->len = 0;
	if (offset > SIZE_MAX - len)
		rc = -EUNIQ(EFBIG, 1);
	else
		rc = image_write(dl->image, (size_t)offset, iob->data, len);
	free_iob(iob);
	if (rc) {
		/* Out of memory: stop the sender and end the download. */
		downloader_finish(dl, rc);
		return rc;
	}
	dl->position = offset + len;
	return 0;
}

static void downloader_size_hint(struct interface *xfer, uint64_t total)
{
	struct downloader *dl = container_of(xfer, struct downloader, xfer);

	dl->total = total;
	/* Failing here is harmless: the writes grow the buffer instead. */
	if (total <= DOWNLOAD_HINT_MAX && total <= umalloc_available() / 4 * 3)
		image_reserve_exact(dl->image, (size_t)total);
}

/* Continue at another location: the old transfer is closed, a new one
 * opened on the same interface, and what the old one delivered (an error
 * page, say) is dropped: the contents start again from nothing. */
static int downloader_redirect(struct interface *xfer, struct uri *uri)
{
	struct downloader *dl = container_of(xfer, struct downloader, xfer);
	int rc;

	intf_restart(&dl->xfer, 0);
	uri_put(dl->image->uri);
	dl->image->uri = uri_get(uri);
	dl->position = 0;
	dl->total = 0;
	dl->image->len = 0;
	rc = xfer_open_uri(&dl->xfer, uri);
	if (rc)
		downloader_finish(dl, rc);
	return rc;
}

static void downloader_reason(struct interface *xfer, const char *text)
{
	struct downloader *dl = container_of(xfer, struct downloader, xfer);

	intf_reason(&dl->job, text);
}

static void downloader_xfer_close(struct interface *xfer, int rc)
{
	downloader_finish(container_of(xfer, struct downloader, xfer), rc);
}

static const struct interface_operations downloader_xfer_operations = {
	.deliver = downloader_deliver,
	.size_hint = downloader_size_hint,
	.redirect = downloader_redirect,
	.reason = downloader_reason,
	.close = downloader_xfer_close,
};

static void downloader_progress(struct interface *job,
				struct job_progress *progress)
{
	struct downloader *dl = container_of(job, struct downloader, job);

	progress->completed = dl->image->len;
	progress->total = dl->total;
}

/* The waiter cancelled. */
static void downloader_job_close(struct interface *job, int rc)
{
	downloader_finish(container_of(job, struct downloader, job), rc);
}

static const struct interface_operations downloader_job_operations = {
	.progress = downloader_progress,
	.close = downloader_job_close,
};

int create_downloader(struct interface *job, struct image *image)
{
	struct downloader *dl = zalloc(sizeof(*dl));
	int rc;

	if (!dl)
		return -EUNIQ(ENOMEM, 2);
	ref_init(&dl->refcnt, downloader_free);
	intf_init(&dl->job, &downloader_job_operations, &dl->refcnt);
	intf_init(&dl->xfer, &downloader_xfer_operations, &dl->refcnt);
	image_get(image);
	dl->image = image;
	rc = xfer_open_uri(&dl->xfer, image->uri);
	if (rc == 0)
		intf_plug_plug(&dl->job, job);
	else
		intf_shutdown(&dl->xfer, rc);
	ref_put(&dl->refcnt);
	return rc;
}
