/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "build_record.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * A field is valid when it is printable text up to the first NUL and only
 * NULs after it (a full field without NUL is allowed). This also rejects
 * stray copies of the magic, such as a reader's own string constant.
 */
static bool valid_field(const char *field, size_t size, bool may_be_empty)
{
	size_t len = 0;

	while (len < size && field[len]) {
		if (field[len] < 0x20 || field[len] > 0x7e)
			return false;
		len++;
	}
	for (size_t i = len; i < size; i++)
		if (field[i])
			return false;
	return len || may_be_empty;
}

static void copy_field(char *to, const char *field, size_t size)
{
	memcpy(to, field, size);
	to[size] = '\0';
}

static bool all_zero(const uint8_t *p, size_t len)
{
	while (len--)
		if (*p++)
			return false;
	return true;
}

/*
 * The header fields of either layout (see build_info.h), by offset: only
 * deps differs in size, and it comes last.
 */
struct layout {
	const char *magic;
	size_t header_len, deps_len;
};

static const struct layout layouts[] = {
	{ BUILD_INFO_MAGIC, sizeof(struct build_info),
	  sizeof(((struct build_info *)0)->deps) },
	{ BUILD_INFO_MAGIC_V2, sizeof(struct build_info_v2),
	  sizeof(((struct build_info_v2 *)0)->deps) },
};

_Static_assert(offsetof(struct build_info, deps) ==
	       offsetof(struct build_info_v2, deps), "layouts share their start");

/* Parse the record at offset; 1 found, 0 not a record, -1 truncated. */
static int parse_at(const uint8_t *image, size_t len, size_t offset,
		    const struct layout *layout, struct build_record *record,
		    char *error, size_t error_len)
{
	struct build_info info;
	struct build_feature feature;
	size_t count = 0, pos;

	if (len - offset < layout->header_len) {
		snprintf(error, error_len,
			 "build record at offset 0x%zx is truncated", offset);
		return -1;
	}
	memset(&info, 0, sizeof(info));
	memcpy(&info, image + offset, layout->header_len);
	if (!valid_field(info.version, sizeof(info.version), false) ||
	    !valid_field(info.config, sizeof(info.config), false) ||
	    !valid_field(info.target, sizeof(info.target), false) ||
	    !valid_field(info.deps, layout->deps_len, true))
		return 0;

	/* First pass: validate and count the features up to the end marker. */
	for (pos = offset + layout->header_len;; pos += sizeof(feature)) {
		if (len - pos < sizeof(feature)) {
			snprintf(error, error_len,
				 "build record at offset 0x%zx: feature list has no end marker",
				 offset);
			return -1;
		}
		if (all_zero(image + pos, sizeof(feature)))
			break;
		memcpy(&feature, image + pos, sizeof(feature));
		if (!valid_field(feature.name, sizeof(feature.name), false))
			return 0;
		count++;
	}

	record->features = malloc((count ? count : 1) * sizeof(*record->features));
	if (!record->features) {
		snprintf(error, error_len, "out of memory reading build record");
		return -1;
	}
	copy_field(record->version, info.version, sizeof(info.version));
	copy_field(record->config, info.config, sizeof(info.config));
	copy_field(record->target, info.target, sizeof(info.target));
	/* A v2 deps is shorter: the rest of info is zero, so it ends. */
	copy_field(record->deps, info.deps, sizeof(info.deps));
	record->feature_count = count;
	pos = offset + layout->header_len;
	for (size_t i = 0; i < count; i++, pos += sizeof(feature))
		copy_field(record->features[i], (const char *)image + pos,
			   sizeof(feature.name));
	return 1;
}

/* The layout whose magic is at p (BUILD_INFO_MAGIC_LEN bytes), or NULL. */
static const struct layout *layout_of(const uint8_t *p)
{
	for (size_t i = 0; i < sizeof(layouts) / sizeof(layouts[0]); i++)
		if (!memcmp(p, layouts[i].magic, BUILD_INFO_MAGIC_LEN))
			return &layouts[i];
	return NULL;
}

int build_record_find(const uint8_t *image, size_t len,
		      struct build_record *record, char *error,
		      size_t error_len)
{
	const uint8_t *magic = (const uint8_t *)BUILD_INFO_MAGIC;

	memset(record, 0, sizeof(*record));
	for (size_t offset = 0; len - offset >= BUILD_INFO_MAGIC_LEN; offset++) {
		const uint8_t *hit = memchr(image + offset, magic[0],
					    len - offset - BUILD_INFO_MAGIC_LEN + 1);
		if (!hit)
			break;
		offset = (size_t)(hit - image);
		const struct layout *layout = layout_of(hit);
		if (!layout)
			continue;
		int rc = parse_at(image, len, offset, layout, record, error,
				  error_len);
		if (rc)
			return rc;
	}
	return 0;
}

void build_record_free(struct build_record *record)
{
	free(record->features);
	record->features = NULL;
	record->feature_count = 0;
}
