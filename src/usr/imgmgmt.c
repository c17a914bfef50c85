/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Image management (see usr/imgmgmt.h): downloads run as downloader jobs
 * that this waits for; the messages a person reads are written here.
 */

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <usr/imgmgmt.h>
#include <usr/jobwait.h>
#include <wireboot/downloader.h>
#include <wireboot/errfile.h>
#include <wireboot/inflate.h>

#define ERRFILE ERRFILE_imgmgmt

/* The default name: the last segment of the URI's path. */
static void name_from_uri(const struct uri *uri, char *name, size_t len)
{
	const char *path = uri->path ? uri->path : uri->opaque;
	const char *last = path ? strrchr(path, '/') : NULL;

	last = last ? last + 1 : path;
	strlcpy(name, (last && *last) ? last : "image", len);
}

int image_fetch_uri(struct uri *uri, const char *name, struct image **out)
{
	return image_fetch_timeout(uri, name, 0, out);
}

/* Downloads into a new image; registers it when asked, else *out gets
 * the caller's own reference. */
static int fetch_into(struct uri *uri, const char *name, uint64_t timeout_us,
		      bool registered, struct image **out)
{
	struct image *image = alloc_image(name);
	struct job_waiter waiter;
	char shown[256];
	int rc = -EUNIQ(ENOMEM, 1);

	format_uri(uri, shown, sizeof(shown));
	job_waiter_init(&waiter);
	if (!image)
		goto out;
	image->uri = image_resolve_uri(uri);
	if (!image->uri)
		goto out;
	format_uri(image->uri, shown, sizeof(shown));
	if (!name)
		name_from_uri(image->uri, image->name, sizeof(image->name));
	rc = create_downloader(&waiter.job, image);
	if (errno_base(rc) == -ENOTSUP)
		snprintf(waiter.reason, sizeof(waiter.reason),
			 "protocol '%s' is not supported by this build",
			 image->uri->scheme ? image->uri->scheme : "");
	if (rc == 0)
		rc = job_wait(&waiter, shown, timeout_us);
	if (rc == 0 && registered)
		rc = register_image(image);
	if (rc == 0 && out)
		*out = image;
	if (rc == 0 && !registered)
		image_get(image);
out:
	if (rc && errno_base(rc) != -ECANCELED) {
		printf("Could not fetch %s: ", shown);
		print_error(rc, waiter.reason);
	}
	image_put(image);
	return rc;
}

int image_fetch_timeout(struct uri *uri, const char *name,
			uint64_t timeout_us, struct image **out)
{
	return fetch_into(uri, name, timeout_us, true, out);
}

int image_download(struct uri *uri, struct image **out)
{
	return fetch_into(uri, NULL, 0, false, out);
}

int image_fetch(const char *uri_text, const char *name, struct image **out)
{
	return image_fetch_text(uri_text, name, 0, out);
}

int image_fetch_text(const char *uri_text, const char *name,
		     uint64_t timeout_us, struct image **out)
{
	struct uri *uri = parse_uri(uri_text);
	int rc;

	if (!uri) {
		printf("Could not fetch %s: ", uri_text);
		print_error(-EUNIQ(ENOMEM, 2), NULL);
		return -EUNIQ(ENOMEM, 2);
	}
	rc = image_fetch_timeout(uri, name, timeout_us, out);
	uri_put(uri);
	return rc;
}

struct parallel_fetch {
	struct job_waiter waiter;
	struct image *image;
	bool reported;
};

int image_fetch_parallel(const char *const *uri_texts, unsigned count,
			 struct image **images)
{
	struct parallel_fetch *fetches = calloc(count ? count : 1,
						sizeof(*fetches));
	unsigned i, running = 0;
	int rc = 0, cancel = 0;

	if (!fetches)
		return -EUNIQ(ENOMEM, 3);
	for (i = 0; i < count; i++) {
		struct parallel_fetch *fetch = &fetches[i];
		struct uri *uri = parse_uri(uri_texts[i]);
		int err = -EUNIQ(ENOMEM, 4);

		images[i] = NULL;
		job_waiter_init(&fetch->waiter);
		fetch->image = alloc_image(NULL);
		if (uri && fetch->image) {
			fetch->image->uri = image_resolve_uri(uri);
			if (fetch->image->uri) {
				name_from_uri(fetch->image->uri,
					      fetch->image->name,
					      sizeof(fetch->image->name));
				err = create_downloader(&fetch->waiter.job,
							fetch->image);
			}
		}
		uri_put(uri);
		if (err) {
			fetch->waiter.done = true;
			fetch->waiter.rc = err;
			fetch->reported = true;
		} else {
			running++;
		}
	}
	/* Every download runs in the same passes of the main loop. */
	while (running && !cancel) {
		cancel = job_wait_step();
		for (i = 0; i < count; i++) {
			if (fetches[i].waiter.done && !fetches[i].reported) {
				fetches[i].reported = true;
				running--;
			}
		}
	}
	for (i = 0; i < count; i++) {
		struct parallel_fetch *fetch = &fetches[i];

		job_waiter_cancel(&fetch->waiter, cancel);
		if (fetch->waiter.rc == 0)
			fetch->waiter.rc = register_image(fetch->image);
		if (fetch->waiter.rc == 0) {
			images[i] = fetch->image;
			printf("%s... ok\n", uri_texts[i]);
		} else {
			if (!rc)
				rc = fetch->waiter.rc;
			printf("Could not fetch %s: ", uri_texts[i]);
			print_error(fetch->waiter.rc, fetch->waiter.reason);
		}
		image_put(fetch->image);
	}
	free(fetches);
	return rc;
}

struct extraction {
	struct inflate_output out;
	struct image *image;
};

/* The decoder writes straight into the new image's buffer. */
static int extraction_reserve(struct inflate_output *out, size_t need)
{
	struct extraction *ext = container_of(out, struct extraction, out);
	int rc;

	ext->image->len = out->len;	/* what a move must keep */
	rc = image_reserve(ext->image, need);
	out->data = ext->image->data;
	out->capacity = ext->image->capacity;
	return rc;
}

/* "initrd.img.gz" -> "initrd.img"; other names stay. */
static void extracted_name(const char *name, char *out, size_t len)
{
	size_t n = strlen(name);

	strlcpy(out, name, len);
	if (n > 3 && n - 3 < len && strcmp(name + n - 3, ".gz") == 0)
		out[n - 3] = '\0';
}

int image_extract(struct image *image, const char *name, struct image **out)
{
	struct extraction ext = {
		.out = { .limit = SIZE_MAX / 2, .reserve = extraction_reserve },
	};
	int rc;

	if (!gzip_probe(image->data, image->len)) {
		printf("%s: not a gzip file\n", image->name);
		return -EUNIQ(ENOEXEC, 5);
	}
	ext.image = alloc_image(NULL);
	if (!ext.image)
		return -EUNIQ(ENOMEM, 6);
	if (name)
		strlcpy(ext.image->name, name, sizeof(ext.image->name));
	else
		extracted_name(image->name, ext.image->name,
			       sizeof(ext.image->name));
	rc = gunzip(image->data, image->len, &ext.out);
	ext.image->len = ext.out.len;
	if (rc == 0)
		rc = image_set_cmdline(ext.image, image->cmdline);
	if (rc == 0 && image->uri)
		ext.image->uri = uri_get(image->uri);
	if (rc == 0)
		rc = register_image(ext.image);
	if (rc == 0 && out)
		*out = ext.image;
	if (rc) {
		printf("Could not extract %s: ", image->name);
		print_error(rc, NULL);
	}
	image_put(ext.image);
	return rc;
}

int image_run(struct image *image)
{
	int rc;

	image_get(image);
	if (image_check_trust(image))
		printf("%s: not trusted (no valid signature)\n", image->name);
	rc = image_exec(image);
	if (errno_base(rc) == -ENOEXEC && !image->type)
		printf("%s: not an image this build can run (unknown format)\n",
		       image->name);
	if (image->autofree)
		unregister_image(image);
	image_put(image);
	return rc;
}

int image_run_once(struct image *image)
{
	image->autofree = true;
	return image_run(image);
}
