/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Images: named buffers of downloaded or embedded files and their
 * execution (see image.h). Downloading them is the downloader's job.
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wireboot/errfile.h>
#include <wireboot/image.h>
#include <wireboot/umalloc.h>

#define ERRFILE ERRFILE_image

TABLE_DEFINE(const struct image_type, image_types);

LIST_HEAD(images);

/* Relative URIs resolve against the URI of the image executed last, so a
 * downloaded script can name its neighbours ("chain next.ipxe"). */
static struct uri *working_uri;
/* What image_exec() runs now (the innermost, when scripts nest). */
static struct image *executing;

/* imgtrust: whether only trusted images run, and whether that choice
 * is locked. */
static bool trust_required;
static bool trust_locked;

/* The first buffer: small files (scripts) need no growth at all. */
#define IMAGE_MIN_CAPACITY (64 * 1024)

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

/* Moves the contents into a buffer of exactly capacity bytes. */
static int image_resize(struct image *image, size_t capacity)
{
	void *data = umalloc(capacity);

	if (!data)
		return -EUNIQ(ENOMEM, 3);
	if (image->len)
		memcpy(data, image->data, image->len);
	ufree(image->data, image->capacity);
	image->data = data;
	image->capacity = capacity;
	return 0;
}

int image_reserve(struct image *image, size_t len)
{
	size_t capacity = image->capacity ? image->capacity : IMAGE_MIN_CAPACITY;

	if (len <= image->capacity)
		return 0;
	/* Doubling keeps the total copied below twice the final size. */
	while (capacity < len) {
		if (capacity > SIZE_MAX / 2)
			return -EUNIQ(ENOMEM, 2);
		capacity *= 2;
	}
	return image_resize(image, capacity);
}

int image_reserve_exact(struct image *image, size_t len)
{
	return len <= image->capacity ? 0 : image_resize(image, len);
}

int image_write(struct image *image, size_t offset, const void *data,
		size_t len)
{
	int rc;

	if (offset > SIZE_MAX - len)
		return -EUNIQ(ENOSPC, 4);
	rc = image_reserve(image, offset + len);
	if (rc)
		return rc;
	/* What was verified is not what is there any more. */
	image->trusted = false;
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

void image_select(struct image *image)
{
	struct image *other;

	for_each_image(other)
		other->selected = false;
	image->selected = true;
}

struct image *find_selected_image(void)
{
	struct image *image;

	for_each_image(image) {
		if (image->selected)
			return image;
	}
	return NULL;
}

struct image *current_image(void)
{
	return executing;
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

/* Relative URIs resolve against the URI of the image executed last. */
struct uri *image_resolve_uri(struct uri *uri)
{
	if (!working_uri)
		return uri_get(uri);
	return resolve_uri(working_uri, uri);
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

int image_require_trust(bool require, bool permanent)
{
	if (trust_locked && require != trust_required)
		return -EUNIQ(EACCES, 5);
	trust_required = require;
	trust_locked = trust_locked || permanent;
	return 0;
}

bool image_trust_required(void)
{
	return trust_required;
}

int image_check_trust(const struct image *image)
{
	return trust_required && !image->trusted ? -EUNIQ(EACCES, 6) : 0;
}

int image_exec(struct image *image)
{
	struct image *previous_image;
	struct uri *previous_uri;
	int rc;

	rc = image_check_trust(image);
	if (rc)
		return rc;
	if (!image->type && image_probe(image) != 0)
		return -EUNIQ(ENOEXEC, 1);	/* a format this build cannot run */
	/* The image may be freed while it runs (imgfree in a script). */
	image_get(image);
	previous_uri = working_uri;
	if (image->uri)
		working_uri = uri_get(image->uri);
	else if (working_uri)
		uri_get(working_uri);
	previous_image = executing;
	executing = image;
	rc = image->type->exec(image);
	executing = previous_image;
	uri_put(working_uri);
	working_uri = previous_uri;
	image_put(image);
	return rc;
}

void image_set_shim(struct image *image)
{
	struct image *other;

	list_for_each_entry(other, &images, list)
		other->shim = false;
	if (image)
		image->shim = true;
}

struct image *find_shim_image(void)
{
	struct image *image;

	list_for_each_entry(image, &images, list) {
		if (image->shim)
			return image;
	}
	return NULL;
}
