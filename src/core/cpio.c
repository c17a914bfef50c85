/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * cpio "newc" writer (see cpio.h): a downloaded file placed at a path in
 * the initramfs ("initrd URI /etc/x.conf"). The path is checked before
 * anything is written, since it comes from a script that may have read it
 * from the network; each directory above the file gets its own record, as
 * the kernel creates no missing parents.
 */

#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <wireboot/cpio.h>
#include <wireboot/errfile.h>

#define ERRFILE ERRFILE_cpio

#define CPIO_MAGIC "070701"
#define CPIO_HEADER_LEN 110
#define CPIO_TRAILER "TRAILER!!!"
#define MODE_DIR 0040000u
#define MODE_FILE 0100000u
#define DIR_PERMISSIONS 0755u

static size_t pad4(size_t len)
{
	return (len + 3) & ~(size_t)3;
}

/* A path is an optional '/' and '/'-separated names, none of them empty,
 * "." or "..". */
static int check_path(const char *path, size_t *len)
{
	size_t i, n = strlen(path);
	const char *name = path + (path[0] == '/');

	if (n > CPIO_PATH_MAX)
		return -EUNIQ(EINVAL, 1);
	for (i = 0; i < n; i++) {
		if ((unsigned char)path[i] < 0x20 || path[i] == 0x7f)
			return -EUNIQ(EINVAL, 2);
	}
	while (1) {
		const char *end = strchr(name, '/');
		size_t name_len = end ? (size_t)(end - name) : strlen(name);

		if (name_len == 0 || (name_len == 1 && name[0] == '.') ||
		    (name_len == 2 && name[0] == '.' && name[1] == '.'))
			return -EUNIQ(EINVAL, 3);
		if (!end)
			break;
		name = end + 1;
	}
	*len = n;
	return 0;
}

struct cpio_out {
	unsigned char *buf;	/* NULL: counting only */
	size_t max, len;
	unsigned ino;
};

static void out_bytes(struct cpio_out *out, const void *data, size_t len)
{
	if (out->buf && out->len <= out->max && len <= out->max - out->len)
		memcpy(out->buf + out->len, data, len);
	out->len += len;
}

static void out_pad(struct cpio_out *out)
{
	static const unsigned char zeros[4];

	out_bytes(out, zeros, pad4(out->len) - out->len);
}

/* One record: header, name (name_len bytes, not NUL-terminated), data. */
static void out_record(struct cpio_out *out, const char *name, size_t name_len,
		       unsigned mode, const void *data, size_t len)
{
	char header[CPIO_HEADER_LEN + 1];
	static const char nul;

	snprintf(header, sizeof(header),
		 "%s%08x%08x%08x%08x%08x%08x%08x%08x%08x%08x%08x%08x%08x",
		 CPIO_MAGIC, out->ino++, mode, 0u, 0u, 1u, 0u, (unsigned)len,
		 0u, 0u, 0u, 0u, (unsigned)(name_len + 1), 0u);
	out_bytes(out, header, CPIO_HEADER_LEN);
	out_bytes(out, name, name_len);
	out_bytes(out, &nul, 1);
	out_pad(out);
	if (len)
		out_bytes(out, data, len);
	out_pad(out);
}

long cpio_wrap(void *buf, size_t max, const char *path, unsigned mode,
	       const void *data, size_t len)
{
	struct cpio_out out = { .buf = buf, .max = max, .ino = 1 };
	size_t path_len, i;
	int rc;

	rc = check_path(path, &path_len);
	if (rc)
		return rc;
	if (len > UINT32_MAX)
		return -EUNIQ(EFBIG, 4);
	if (*path == '/') {
		path++;
		path_len--;
	}
	for (i = 1; i < path_len; i++) {
		if (path[i] == '/')
			out_record(&out, path, i, MODE_DIR | DIR_PERMISSIONS,
				   NULL, 0);
	}
	out_record(&out, path, path_len, MODE_FILE | (mode & 07777), data, len);
	out_record(&out, CPIO_TRAILER, strlen(CPIO_TRAILER), 0, NULL, 0);
	if (buf && out.len > max)
		return -EUNIQ(ENOSPC, 5);
	if (out.len > (size_t)LONG_MAX)
		return -EUNIQ(EFBIG, 6);
	return (long)out.len;
}
