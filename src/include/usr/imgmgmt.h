/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef USR_IMGMGMT_H
#define USR_IMGMGMT_H

/*
 * Image management for people and scripts: download with a progress line
 * and a clear error, run with a clear error.
 */

#include <stdint.h>
#include <wireboot/image.h>
#include <wireboot/uri.h>

/* Downloads uri_text (relative to the running image's URI) into a new
 * registered image named name (NULL: the URI's last segment); *image, if
 * given, receives it (the registration holds the reference). */
int image_fetch(const char *uri_text, const char *name, struct image **image);
/* The same for a parsed URI. */
int image_fetch_uri(struct uri *uri, const char *name, struct image **image);
/* The same, given up after timeout_us (0: never) with -ETIMEDOUT. */
int image_fetch_timeout(struct uri *uri, const char *name,
			uint64_t timeout_us, struct image **image);
int image_fetch_text(const char *uri_text, const char *name,
		     uint64_t timeout_us, struct image **image);
/* Downloads uri into an image that is not registered (for a firmware
 * protocol that hands the contents on); *image is the caller's reference. */
int image_download(struct uri *uri, struct image **image);
/* Downloads several URIs at once, each into an image named by the last
 * segment of its URI (distinct names are the caller's concern), and says
 * how each ended. Returns 0 if all succeeded, else the first error;
 * images[i] receives each registered image, or NULL. */
int image_fetch_parallel(const char *const *uri_texts, unsigned count,
			 struct image **images);
/* Decompresses a gzip image into a new registered image named name (NULL:
 * the same name without ".gz"), with the same command line; *image, if
 * given, receives it. Says why when it cannot. */
int image_extract(struct image *image, const char *name, struct image **image_out);
/* Probes and executes, saying why when it cannot; an image marked
 * autofree is unregistered (freed) once it returns. */
int image_run(struct image *image);
/* The same for an image fetched only to be run (chain, autoboot): it is
 * unregistered (freed) once it returns. */
int image_run_once(struct image *image);

#endif
