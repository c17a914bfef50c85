/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef UTIL_READFILE_H
#define UTIL_READFILE_H

#include <stddef.h>
#include <stdint.h>

/*
 * Read a whole file into a newly allocated buffer (free() it), refusing
 * files over max_len bytes. Returns 0, or -1 with a one-line reason in
 * error that names the file ("foo.rom: No such file or directory").
 */
int read_whole_file(const char *path, size_t max_len, uint8_t **data,
		    size_t *len, char *error, size_t error_len);

#endif
