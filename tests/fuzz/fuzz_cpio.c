/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/core/cpio.c src/core/string.c src/core/vsprintf.c
/*
 * The cpio writer on any path, mode and data: the input is a mode word,
 * then the path up to the first NUL, then the file's data. Counting and
 * writing must agree, into a buffer of exactly that size, a buffer one
 * byte short must be refused, and an accepted path must be one the
 * kernel's unpacker takes (no empty, "." or ".." component).
 */

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <wireboot/cpio.h>
#include "fuzz_input.h"

long wb_cpio_wrap(void *buf, size_t max, const char *path, unsigned mode,
		  const void *data, size_t len);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_path(const char *path)
{
	const char *name = path + (path[0] == '/');

	while (1) {
		size_t len = strcspn(name, "/");

		if (len == 0 || (len == 1 && name[0] == '.') ||
		    (len == 2 && name[0] == '.' && name[1] == '.'))
			abort();
		if (!name[len])
			return;
		name += len + 1;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned mode;
	size_t path_len, file_len;
	char *path;
	uint8_t *file, *buf;
	long len;

	fuzz_input(data, size);
	mode = take32();
	path_len = strnlen((const char *)fuzz_in, fuzz_in_left);
	path = malloc(path_len + 1);
	if (!path)
		return 0;
	take_bytes(path, path_len);
	path[path_len] = '\0';
	take8();
	file_len = fuzz_in_left;
	file = malloc(file_len ? file_len : 1);
	if (!file) {
		free(path);
		return 0;
	}
	take_bytes(file, file_len);
	len = wb_cpio_wrap(NULL, 0, path, mode, file, file_len);
	if (len >= 0) {
		check_path(path);
		buf = malloc((size_t)len);
		if (buf) {
			if (wb_cpio_wrap(buf, (size_t)len, path, mode, file, file_len) != len ||
			    memcmp(buf, "070701", 6) != 0 || len % 4)
				abort();
			if (wb_cpio_wrap(buf, (size_t)len - 1, path, mode, file, file_len) >= 0)
				abort();
			free(buf);
		}
	}
	free(file);
	free(path);
	return 0;
}
