/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef UTIL_BUILD_RECORD_H
#define UTIL_BUILD_RECORD_H

/*
 * Reader for the build record wireboot images carry (see
 * src/include/wireboot/build_info.h for the layout): version,
 * configuration, target and the list of linked features.
 */

#include <stddef.h>
#include <stdint.h>

#include <wireboot/build_info.h>

/* Each string is the NUL-padded field, cut at its size and terminated. */
struct build_record {
	char version[sizeof(((struct build_info *)0)->version) + 1];
	char config[sizeof(((struct build_info *)0)->config) + 1];
	char target[sizeof(((struct build_info *)0)->target) + 1];
	char deps[sizeof(((struct build_info *)0)->deps) + 1];	/* may be empty */
	size_t feature_count;
	char (*features)[sizeof(struct build_feature) + 1];	/* malloc()ed */
};

/*
 * Search image for the record. Returns 1 when found (free it with
 * build_record_free()), 0 when the image holds no record, -1 with a
 * one-line reason in error when a record is cut short or its feature
 * list has no end marker.
 */
int build_record_find(const uint8_t *image, size_t len,
		      struct build_record *record, char *error,
		      size_t error_len);

void build_record_free(struct build_record *record);

#endif
