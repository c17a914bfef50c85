/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WIREBOOT_IMAGE_H
#define WIREBOOT_IMAGE_H

/*
 * Images: files downloaded (by the downloader, wireboot/downloader.h) or
 * embedded, kept in memory by name until executed or freed. The contents live in one buffer from the firmware's
 * page allocator that grows geometrically (or is sized once from a size
 * hint), so a download of hundreds of MiB is copied O(n) times in total.
 *
 * Image types (EFI executable, script) register in the "image_types" table:
 * probe() recognises the contents, exec() runs them.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <wireboot/list.h>
#include <wireboot/refcnt.h>
#include <wireboot/tables.h>
#include <wireboot/uri.h>

struct image_type;

struct image {
	struct refcnt refcnt;
	struct list_head list;		/* registered images */
	char name[64];
	struct uri *uri;		/* where it came from, if downloaded */
	char *cmdline;			/* arguments for exec, or NULL */
	void *data;
	size_t len;
	size_t capacity;
	const struct image_type *type;	/* NULL until probed */
	bool selected;			/* the one "boot" runs (imgselect) */
	bool autofree;			/* unregistered once it has run */
	/* A shim (the shim command): an EFI program started in place of
	 * the EFI image being run, which it is handed to load and verify. */
	bool shim;
	/* A valid signature over these bytes was verified (imgverify), or
	 * the image is part of the firmware (embedded). */
	bool trusted;
};

struct image_type {
	const char *name;
	/* 0 if the image is of this type, -ENOEXEC otherwise. */
	int (*probe)(struct image *image);
	int (*exec)(struct image *image);
};
TABLE_DECLARE(const struct image_type, image_types);
#define IMAGE_TYPE(name) \
	const struct image_type name TABLE_ENTRY(const struct image_type, image_types, 01)

struct image *alloc_image(const char *name);
static inline void image_get(struct image *image) { ref_get(&image->refcnt); }
static inline void image_put(struct image *image) { if (image) ref_put(&image->refcnt); }
/* Grows the buffer to hold at least len bytes (geometric growth). */
int image_reserve(struct image *image, size_t len);
/* Grows the buffer to exactly len bytes (a size known in advance). */
int image_reserve_exact(struct image *image, size_t len);
/* Writes data at offset, growing as needed. */
int image_write(struct image *image, size_t offset, const void *data, size_t len);
int image_set_cmdline(struct image *image, const char *cmdline);

int register_image(struct image *image);
void unregister_image(struct image *image);
struct image *find_image(const char *name);
/* Makes image the one "boot" runs (no other stays selected). */
void image_select(struct image *image);
/* The selected image, or NULL. */
struct image *find_selected_image(void);
/* The image being executed innermost, or NULL. */
struct image *current_image(void);
/* Makes image the shim (none other is), or none with NULL. */
void image_set_shim(struct image *image);
/* The registered shim, or NULL. */
struct image *find_shim_image(void);
extern struct list_head images;
#define for_each_image(image) list_for_each_entry(image, &images, list)

/* uri made absolute against the URI of the running image (a script names
 * its neighbours relative to itself); a new reference, NULL if out of
 * memory. */
struct uri *image_resolve_uri(struct uri *uri);
/*
 * Trusted execution (imgtrust): while required, image_exec() refuses an
 * image that is not trusted. A permanent choice cannot be changed again:
 * image_require_trust() then fails with -EACCES.
 */
int image_require_trust(bool require, bool permanent);
bool image_trust_required(void);
/* 0 if the image may run now, -EACCES if trust is required and it is not
 * trusted. */
int image_check_trust(const struct image *image);

/* Finds the image's type (sets image->type); -ENOEXEC if none fits. */
int image_probe(struct image *image);
/* Probes the type and executes. */
int image_exec(struct image *image);

#endif
