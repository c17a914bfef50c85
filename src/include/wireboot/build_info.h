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
 *   struct build_info            (160 bytes, begins with BUILD_INFO_MAGIC)
 *   struct build_feature  x N    (16 bytes each, NUL-padded name)
 *   struct build_feature         (all zero: end of list)
 *
 * Every string field is NUL-padded; a reader must still bound every string by
 * its field size, since images may be truncated or corrupted.
 */

/* "2": the record grew the deps field; readers of "1" records must not
 * take their feature list for it. */
#define BUILD_INFO_MAGIC "\177WIREBOOT-INFO2"	/* 15 chars + NUL = 16 bytes */
#define BUILD_INFO_MAGIC_LEN 16

struct build_info {
	char magic[16];
	char version[48];	/* e.g. "0.1.0+g1a2b3c4" */
	char config[32];	/* named configuration, "default" if none */
	char target[32];	/* image name, e.g. "ipxe", "snponly", "virtio-net" */
	char deps[32];		/* outside code built from, e.g. "wolfssl 5.5.4-2+deb12u3" */
};

struct build_feature {
	char name[16];
};

#endif
