/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WIREBOOT_CMS_H
#define WIREBOOT_CMS_H

/*
 * Detached CMS (PKCS#7) signatures over images, as `openssl cms -sign
 * -binary -outform DER` makes them (with or without -nodetach), checked
 * against the code-signing roots of the certificate store
 * (wireboot/certstore.h).
 */

#include <stddef.h>
#include <stdint.h>

/* What a check found: why it failed (a sentence a person reads), or on
 * success the signer's common name. */
struct cms_verdict {
	char signer[64];
	char reason[160];
};

/*
 * Verifies the DER SignedData sig over data: the signature itself, the
 * signer's certificate chain up to a root of the store (the certificates
 * the signature carries are the intermediates), every certificate's
 * validity at now (seconds since 1970, UTC), and that the signer's key
 * usage and extended key usage, where present, allow code signing. With
 * signer_cn, the signer's common name must be that. 0 on success, else a
 * negative errno with verdict->reason filled in.
 */
int cms_verify(const uint8_t *sig, size_t sig_len, const uint8_t *data,
	       size_t len, const char *signer_cn, int64_t now,
	       struct cms_verdict *verdict);

#endif
