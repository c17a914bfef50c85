/*
 * Images: named buffers of downloaded or embedded files, their download
 * and their execution (see image.h).
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wireboot/error_name.h>
#include <wireboot/image.h>
#include <wireboot/open.h>
#include <wireboot/process.h>
#include <wireboot/timer.h>
#include <wireboot/umalloc.h>

TABLE_DEFINE(const struct image_type, image_types);

LIST_HEAD(images);

/* Relative URIs resolve against the URI of the image executed last, so a
 * downloaded script can name its neighbours ("chain next.ipxe"). */
static struct uri *working_uri;

/* The first buffer: small files (scripts) need no growth at all. */
#define IMAGE_MIN_CAPACITY (64 * 1024)
#define PROGRESS_INTERVAL_US 500000

static void free_image(struct refcnt *refcnt)
{
	struct image *image = container_of(refcnt, struct image, refcnt);

	ufree(image->data, image->capacity);
	uri_put(image->uri);
	free(image->cmdline);
	free(image);
}

struct image *alloc_image(const char *name)
{
	struct image *image = zalloc(sizeof(*image));

	if (!image)
		return NULL;
	ref_init(&image->refcnt, free_image);
	INIT_LIST_HEAD(&image->list);
	strlcpy(image->name, name ? name : "", sizeof(image->name));
	return image;
}

int image_reserve(struct image *image, size_t len)
{
	size_t capacity = image->capacity ? image->capacity : IMAGE_MIN_CAPACITY;
	void *data;

	if (len <= image->capacity)
		return 0;
	/* Doubling keeps the total copied below twice the final size. */
	while (capacity < len) {
		if (capacity > SIZE_MAX / 2)
			return -ENOMEM;
		capacity *= 2;
	}
	data = umalloc(capacity);
	if (!data)
		return -ENOMEM;
	if (image->len)
		memcpy(data, image->data, image->len);
	ufree(image->data, image->capacity);
	image->data = data;
	image->capacity = capacity;
	return 0;
}

int image_write(struct image *image, size_t offset, const void *data,
		size_t len)
{
	int rc;

	if (offset > SIZE_MAX - len)
		return -ENOSPC;
	rc = image_reserve(image, offset + len);
	if (rc)
		return rc;
	/* A gap (data arriving out of order) reads as zeros until filled. */
	if (offset > image->len)
		memset((char *)image->data + image->len, 0, offset - image->len);
	memcpy((char *)image->data + offset, data, len);
	if (offset + len > image->len)
		image->len = offset + len;
	return 0;
}

int image_set_cmdline(struct image *image, const char *cmdline)
{
	char *copy = NULL;

	if (cmdline && *cmdline) {
		copy = strdup(cmdline);
		if (!copy)
			return -ENOMEM;
	}
	free(image->cmdline);
	image->cmdline = copy;
	return 0;
}

struct image *find_image(const char *name)
{
	struct image *image;

	for_each_image(image) {
		if (strcmp(image->name, name) == 0)
			return image;
	}
	return NULL;
}

/* A new image replaces a registered one of the same name, as a file
 * written again replaces the old contents. */
int register_image(struct image *image)
{
	struct image *old;

	if (!image->name[0]) {
		static unsigned counter;
		snprintf(image->name, sizeof(image->name), "img%u", counter++);
	}
	old = find_image(image->name);
	if (old && old != image)
		unregister_image(old);
	if (old == image)
		return 0;
	image_get(image);
	list_add_tail(&image->list, &images);
	return 0;
}

void unregister_image(struct image *image)
{
	if (list_empty(&image->list))
		return;
	list_del(&image->list);
	image_put(image);
}

/* ---- downloading --------------------------------------------------------- */

struct download {
	struct xfer xfer;
	struct image *image;
	const char *uri_text;
	size_t position;	/* where data without an offset goes */
	size_t total;		/* announced size, 0 if unknown */
	uint64_t last_progress_us;
	bool progress_shown;	/* the line was rewritten with "\r" */
	bool done;
	int rc;
};

static void download_finish(struct download *download, int rc)
{
	if (download->done)
		return;
	download->done = true;
	download->rc = rc;
}

static int download_deliver(struct xfer *xfer, struct io_buffer *iob,
			    const struct xfer_metadata *meta)
{
	struct download *download = container_of(xfer, struct download, xfer);
	size_t offset = (meta && (meta->flags & XFER_FL_ABS_OFFSET)) ?
			meta->offset : download->position;
	size_t len = iob_len(iob);
	int rc = image_write(download->image, offset, iob->data, len);

	free_iob(iob);
	if (rc) {
		/* Out of memory: stop the sender and end the download. */
		xfer_close(&download->xfer, rc);
		download_finish(download, rc);
		return rc;
	}
	download->position = offset + len;
	return 0;
}

static void download_close(struct xfer *xfer, int rc)
{
	download_finish(container_of(xfer, struct download, xfer), rc);
}

static void download_size_hint(struct xfer *xfer, size_t total)
{
	struct download *download = container_of(xfer, struct download, xfer);

	download->total = total;
	/* Failing here is harmless: the writes grow the buffer instead. */
	image_reserve(download->image, total);
}

static const struct xfer_operations download_operations = {
	.deliver = download_deliver,
	.close = download_close,
	.size_hint = download_size_hint,
};

static void show_progress(struct download *download)
{
	size_t received = download->image->len;

	printf("\r%s...", download->uri_text);
	if (download->total && received <= download->total)
		printf(" %u%%", (unsigned)(received * 100ULL / download->total));
	else
		printf(" %zu kB", received / 1024);
}

static bool download_done(void *context)
{
	struct download *download = context;
	uint64_t now = monotonic_us();

	if (!download->done &&
	    now - download->last_progress_us >= PROGRESS_INTERVAL_US) {
		download->last_progress_us = now;
		download->progress_shown = true;
		show_progress(download);
	}
	return download->done;
}

/* The default name: the last segment of the URI's path. */
static void name_from_uri(const struct uri *uri, char *name, size_t len)
{
	const char *path = uri->path ? uri->path : uri->opaque;
	const char *last = path ? strrchr(path, '/') : NULL;

	last = last ? last + 1 : path;
	strlcpy(name, (last && *last) ? last : "image", len);
}

static struct uri *resolve_working(struct uri *uri)
{
	if (!working_uri)
		return uri_get(uri);
	return resolve_uri(working_uri, uri);
}

static int fetch_into(struct image *image, const char *uri_text)
{
	struct download download = {
		.image = image,
		.uri_text = uri_text,
		.last_progress_us = monotonic_us(),
	};
	int rc;

	xfer_init(&download.xfer, &download_operations);
	rc = xfer_open_uri(&download.xfer, image->uri);
	if (rc)
		return rc;
	printf("%s...", uri_text);
	rc = wait_for(download_done, &download, 0);
	if (rc == 0)
		rc = download.rc;
	else
		/* Cancelled: tell the sender to stop. */
		xfer_close(&download.xfer, rc);
	/* Short downloads print one clean line, also in serial logs. */
	if (download.progress_shown)
		printf("\r%s...", uri_text);
	printf(" %s\n", rc ? "failed" : "ok");
	return rc;
}

int image_fetch(const char *uri_text, const char *name, struct image **out)
{
	struct uri *parsed = parse_uri(uri_text);
	struct image *image = alloc_image(name);
	char shown[256];
	int rc = -ENOMEM;

	strlcpy(shown, uri_text, sizeof(shown));
	if (!parsed || !image)
		goto out;
	image->uri = resolve_working(parsed);
	if (!image->uri)
		goto out;
	if (!name)
		name_from_uri(image->uri, image->name, sizeof(image->name));
	format_uri(image->uri, shown, sizeof(shown));
	rc = fetch_into(image, shown);
	if (rc == 0)
		rc = register_image(image);
	if (rc == 0 && out)
		*out = image;
out:
	if (rc) {
		const char *detail = take_error_detail();

		printf("Could not fetch %s: %s (%s)%s%s\n", shown, strerror(rc),
		       error_name(rc), *detail ? ": " : "", detail);
	}
	image_put(image);
	uri_put(parsed);
	return rc;
}

/* ---- execution ------------------------------------------------------------- */

int image_probe(struct image *image)
{
	const struct image_type *type;

	for_each_table_entry(type, image_types) {
		if (type->probe(image) == 0) {
			image->type = type;
			return 0;
		}
	}
	return -ENOEXEC;
}

int image_exec(struct image *image)
{
	struct uri *previous_uri;
	int rc;

	if (!image->type && image_probe(image) != 0) {
		printf("%s: not an image this build can run (unknown format)\n",
		       image->name);
		return -ENOEXEC;
	}
	/* The image may be freed while it runs (imgfree in a script). */
	image_get(image);
	previous_uri = working_uri;
	if (image->uri)
		working_uri = uri_get(image->uri);
	else if (working_uri)
		uri_get(working_uri);
	rc = image->type->exec(image);
	uri_put(working_uri);
	working_uri = previous_uri;
	image_put(image);
	return rc;
}
