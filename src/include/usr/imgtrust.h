/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef USR_IMGTRUST_H
#define USR_IMGTRUST_H

#include <stdbool.h>
#include <wireboot/image.h>

/* Checks the detached CMS signature (an image too) over image against the
 * certificate store and the wall clock (wireboot/cms.h); with signer, the
 * signer's common name must be that. On success the image is trusted and,
 * unless keep, the signature image is unregistered. Says what it found. */
int imgverify(struct image *image, struct image *signature,
	      const char *signer, bool keep);

/* Requires trusted images from now on, or allows every image again;
 * permanent locks that choice. Says so when it is locked. */
int imgtrust(bool allow, bool permanent);

#endif
