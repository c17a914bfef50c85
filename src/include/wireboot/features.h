/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WIREBOOT_FEATURES_H
#define WIREBOOT_FEATURES_H

/*
 * Features announce themselves from the object that implements them: an
 * image lists exactly what was linked into it, in its banner and in the build
 * record that util/wbinfo and util/rominfo read (see build_info.h).
 */

#include <wireboot/build_info.h>
#include <wireboot/tables.h>

/* The record's header opens the table, so the feature entries follow it. */
#define BUILD_INFO_SECTION TABLE_SECTION(build_info, 00)
#define BUILD_INFO_END_SECTION TABLE_SECTION(build_info, 99)

#define FEATURE_ENTRY_NAME_EXPANDED(line) feature_entry_##line
#define FEATURE_ENTRY_NAME(line) FEATURE_ENTRY_NAME_EXPANDED(line)

/* FEATURE("tftp"): at file scope, in the object that implements it. */
#define FEATURE(feature_name)                                                \
	static const struct build_feature FEATURE_ENTRY_NAME(__LINE__)       \
	TABLE_ENTRY(struct build_feature, build_info, 01) = {                \
		.name = feature_name                                         \
	}

extern const struct build_info build_info;
extern const struct build_feature build_features_end;

static inline const struct build_feature *build_features_start(void)
{
	return (const struct build_feature *)(&build_info + 1);
}

#define for_each_build_feature(feature)                                      \
	for ((feature) = build_features_start();                             \
	     (feature) < &build_features_end; (feature)++)

#endif
