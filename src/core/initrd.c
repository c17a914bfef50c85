/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The initramfs a kernel is offered, built from the registered images
 * (see initrd.h). It is built twice for each read, once to count and once
 * to write, so that nothing but the caller's buffer is ever allocated: an
 * initramfs may be hundreds of MiB.
 */

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <wireboot/cpio.h>
#include <wireboot/errfile.h>
#include <wireboot/initrd.h>

#define ERRFILE ERRFILE_initrd

#define INITRD_ALIGN 4
#define DEFAULT_MODE 0644u

bool initrd_includes(struct image *image, const struct image *kernel)
{
	return image != kernel && image_probe(image) != 0;
}

/* From the command line: the first word that starts with '/' is the path,
 * "mode=" gives the permissions in octal. */
static bool placement(const char *cmdline, char *path, size_t path_max,
		      unsigned *mode)
{
	bool found = false;
	const char *word = cmdline;

	*mode = DEFAULT_MODE;
	while (word && *word) {
		size_t len;

		while (*word == ' ')
			word++;
		len = strcspn(word, " ");
		if (!len)
			break;
		if (!found && word[0] == '/') {
			if (len >= path_max)
				len = path_max - 1;	/* refused as too long */
			memcpy(path, word, len);
			path[len] = '\0';
			found = true;
		} else if (len > 5 && strncmp(word, "mode=", 5) == 0) {
			*mode = (unsigned)strtoul(word + 5, NULL, 8) & 07777;
		}
		word += len;
	}
	return found;
}

long initrd_image_build(const struct image *image, void *buf, size_t max)
{
	char path[CPIO_PATH_MAX + 2];
	unsigned mode;

	if (image->cmdline &&
	    placement(image->cmdline, path, sizeof(path), &mode))
		return cpio_wrap(buf, max, path, mode, image->data, image->len);
	if (image->len > (size_t)LONG_MAX)
		return -EUNIQ(EFBIG, 1);
	if (buf) {
		if (image->len > max)
			return -EUNIQ(ENOSPC, 2);
		memcpy(buf, image->data, image->len);
	}
	return (long)image->len;
}

long initrd_build(const struct image *kernel, void *buf, size_t max)
{
	struct image *image;
	size_t offset = 0;

	for_each_image(image) {
		size_t start = (offset + INITRD_ALIGN - 1) &
			       ~(size_t)(INITRD_ALIGN - 1);
		long len;

		if (!initrd_includes(image, kernel))
			continue;
		if (start < offset || (buf && start > max))
			return -EUNIQ(ENOSPC, 3);
		if (buf)
			memset((char *)buf + offset, 0, start - offset);
		len = initrd_image_build(image, buf ? (char *)buf + start : NULL,
					 buf ? max - start : 0);
		if (len < 0)
			return len;
		if ((size_t)len > (size_t)LONG_MAX - start)
			return -EUNIQ(EFBIG, 4);
		offset = start + (size_t)len;
	}
	return (long)offset;
}
