/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The image's build record (see build_info.h). The build compiles this file
 * once per image with BUILD_VERSION, BUILD_CONFIG, BUILD_TARGET and
 * BUILD_DEPS (the outside inputs the image is built from: wolfSSL, the
 * roots' source; see build_info.h) defined.
 */

#include <wireboot/features.h>

#if !defined(BUILD_VERSION) || !defined(BUILD_CONFIG) || !defined(BUILD_TARGET) || \
	!defined(BUILD_DEPS)
#error "build_info.c needs BUILD_VERSION, BUILD_CONFIG, BUILD_TARGET and BUILD_DEPS"
#endif

/* Explicit alignment 1: the feature entries must follow with no gap. */
const struct build_info build_info
	__attribute__((used, section(BUILD_INFO_SECTION), aligned(1))) = {
	.magic = BUILD_INFO_MAGIC,
	.version = BUILD_VERSION,
	.config = BUILD_CONFIG,
	.target = BUILD_TARGET,
	.deps = BUILD_DEPS,
};

const struct build_feature build_features_end
	__attribute__((used, section(BUILD_INFO_END_SECTION), aligned(1))) = {
	.name = "",
};

_Static_assert(sizeof(struct build_info) == 256, "build record header size");
_Static_assert(sizeof(struct build_feature) == 16, "build feature size");
