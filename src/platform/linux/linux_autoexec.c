/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The hosted program's autoexec script is the file named with --script:
 * the boot program runs it as the UEFI application runs autoexec.ipxe.
 */

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <wireboot/autoexec.h>
#include "linux.h"

#define READ_CHUNK 4096

static int read_script(int fd, struct image *image)
{
	char chunk[READ_CHUNK];
	ssize_t got;
	int rc;

	while ((got = read(fd, chunk, sizeof(chunk))) > 0) {
		rc = image_write(image, image->len, chunk, (size_t)got);
		if (rc)
			return rc;
	}
	return got < 0 ? -EIO : 0;
}

int load_autoexec(struct image **out)
{
	struct image *image;
	int fd, rc;

	if (!linux_options.script)
		return -ENOENT;
	fd = open(linux_options.script, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	image = alloc_image(AUTOEXEC_NAME);
	rc = image ? read_script(fd, image) : -ENOMEM;
	close(fd);
	if (rc == 0)
		rc = register_image(image);
	if (rc == 0)
		*out = image;
	image_put(image);
	return rc;
}
