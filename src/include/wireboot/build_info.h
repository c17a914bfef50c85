/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WIREBOOT_BUILD_INFO_H
#define WIREBOOT_BUILD_INFO_H

/*
 * The build record every image carries, so that a person (the banner) and a
 * tool (util/rominfo, util/wbinfo) can tell what a binary is without running it.
 *
 * Layout in the image, contiguous in .rdata (the linker script sorts the
 * ".tbl.build_info.*" input sections by name):
 *
 *   struct build_info            (256 bytes, begins with BUILD_INFO_MAGIC)
 *   struct build_feature  x N    (16 bytes each, NUL-padded name)
 *   struct build_feature         (all zero: end of list)
 *
 * Every string field is NUL-padded; a reader must still bound every string by
 * its field size, since images may be truncated or corrupted.
 */

/*
 * "3": deps grew to 128 bytes to name every outside input, ", " between
 * them: "wolfssl 5.5.4-2+deb12u3, ca-certificates 20230311+deb12u1" (the
 * package whose bundle became the built-in roots), or "..., trust
 * 0123456789ab" (TRUST= files: the start of the SHA-256 of their
 * contents, in order). "2" had a 32-byte deps and a 160-byte header;
 * readers still accept it (struct build_info_v2). "1" had no deps: its
 * feature list must not be taken for one, so it is not read.
 */
#define BUILD_INFO_MAGIC "\177WIREBOOT-INFO3"	/* 15 chars + NUL = 16 bytes */
#define BUILD_INFO_MAGIC_V2 "\177WIREBOOT-INFO2"
#define BUILD_INFO_MAGIC_LEN 16

struct build_info {
	char magic[16];
	char version[48];	/* e.g. "0.1.0+g1a2b3c4" */
	char config[32];	/* named configuration, "default" if none */
	char target[32];	/* image name, e.g. "ipxe", "snponly", "virtio-net" */
	char deps[128];		/* outside inputs, see BUILD_INFO_MAGIC */
};

/* The record as images of magic "2" carry it (readers only). */
struct build_info_v2 {
	char magic[16];
	char version[48];
	char config[32];
	char target[32];
	char deps[32];
};

struct build_feature {
	char name[16];
};

#endif
