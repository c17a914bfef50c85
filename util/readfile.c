/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "readfile.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int read_whole_file(const char *path, size_t max_len, uint8_t **data,
		    size_t *len, char *error, size_t error_len)
{
	FILE *file = fopen(path, "rb");
	uint8_t *buffer = NULL;
	size_t size = 0, capacity = 0;

	*data = NULL;
	*len = 0;
	if (!file) {
		snprintf(error, error_len, "%s: %s", path, strerror(errno));
		return -1;
	}
	for (;;) {
		if (size == capacity) {
			size_t grown = capacity ? 2 * capacity : 65536;
			uint8_t *bigger = realloc(buffer, grown);
			if (!bigger) {
				snprintf(error, error_len, "%s: out of memory", path);
				goto fail;
			}
			buffer = bigger;
			capacity = grown;
		}
		size_t got = fread(buffer + size, 1, capacity - size, file);
		size += got;
		if (size > max_len) {
			snprintf(error, error_len,
				 "%s: larger than the %zu-byte limit", path,
				 max_len);
			goto fail;
		}
		if (got == 0)
			break;
	}
	if (ferror(file)) {
		snprintf(error, error_len, "%s: %s", path, strerror(errno));
		goto fail;
	}
	fclose(file);
	*data = buffer;
	*len = size;
	return 0;

fail:
	free(buffer);
	fclose(file);
	return -1;
}
