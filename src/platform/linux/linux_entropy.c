/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The platform's entropy source in the hosted build: the kernel's
 * getrandom(), which blocks only until the kernel's pool is first seeded.
 * Built against the system's headers, like every file of this platform.
 */

#include <errno.h>
#include <sys/random.h>
#include <wireboot/entropy.h>

static int linux_getrandom_start(void)
{
	unsigned char probe;

	/* ENOSYS on a kernel older than 3.17: the next source is tried. */
	return getrandom(&probe, sizeof(probe), 0) == 1 ? 0 : -ENODEV;
}

static int linux_getrandom_read(void *buf, size_t len)
{
	unsigned char *out = buf;
	ssize_t got;

	while (len) {
		got = getrandom(out, len, 0);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0)
			return -EIO;
		out += got;
		len -= (size_t)got;
	}
	return 0;
}

static const struct entropy_source linux_getrandom_source ENTROPY_SOURCE(10) = {
	.name = "getrandom",
	.start = linux_getrandom_start,
	.read = linux_getrandom_read,
};

PROVIDE_OBJECT(entropy_platform);
