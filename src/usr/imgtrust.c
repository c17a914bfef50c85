/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Signed images at the user level (usr/imgtrust.h): the CMS check
 * (src/crypto/cms.c) is given the time now, and its verdict is what the
 * console shows; trust itself is a flag of the image and a policy of
 * image execution (wireboot/image.h).
 */

#include <errno.h>
#include <stdio.h>
#include <usr/imgtrust.h>
#include <wireboot/cms.h>
#include <wireboot/errfile.h>
#include <wireboot/wallclock.h>

#define ERRFILE ERRFILE_imgtrust

int imgverify(struct image *image, struct image *signature,
	      const char *signer, bool keep)
{
	struct cms_verdict verdict;
	int rc;

	if (image == signature) {
		printf("%s: an image cannot be its own signature\n",
		       image->name);
		return -EUNIQ(EINVAL, 1);
	}
	rc = cms_verify(signature->data, signature->len, image->data,
			image->len, signer, wallclock_now(), &verdict);
	if (rc) {
		printf("%s: %s\n", image->name, verdict.reason);
		return rc;
	}
	image->trusted = true;
	printf("%s: signature verified (signed by %s)\n", image->name,
	       verdict.signer);
	if (!keep)
		unregister_image(signature);
	return 0;
}

int imgtrust(bool allow, bool permanent)
{
	int rc = image_require_trust(!allow, permanent);

	if (rc)
		printf("imgtrust: the choice of trusted images is permanent "
		       "(images %s)\n",
		       image_trust_required() ? "must be trusted" :
						"need not be trusted");
	return rc;
}
