/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WIREBOOT_CERTSTORE_H
#define WIREBOOT_CERTSTORE_H

/*
 * The trusted root certificates: one store for TLS server verification and
 * for signed images. Entries are DER X.509 certificates from three origins:
 * built in (TRUST= at build time, or the build machine's ca-certificates
 * bundle by default), the EFI TlsCaCertificate variable (read once, when
 * first asked), and those added at run time (certstore). The store owns its
 * copies; a caller's pointer stays valid until certstore_remove() or
 * certstore_clear() drops that entry, so users copy what they keep.
 */

#include <stddef.h>
#include <stdint.h>

enum cert_origin {
	CERT_BUILTIN,	/* compiled into the image */
	CERT_EFI,	/* from the TlsCaCertificate variable */
	CERT_RUNTIME,	/* added by certstore */
};

struct cert_entry {
	const uint8_t *der;
	size_t len;
	enum cert_origin origin;
};

/* Calls fn for each trusted certificate, in store order, until fn returns
 * nonzero; returns that value, or 0 when all were visited. */
int certstore_foreach(int (*fn)(const struct cert_entry *cert, void *ctx),
		      void *ctx);

/* Adds a DER certificate (a copy); 0, -EINVAL for what is not one
 * certificate, -EEXIST if already present, -ENOMEM. */
int certstore_add(const uint8_t *der, size_t len, enum cert_origin origin);

/* Removes the certificate equal to der; 0 or -ENOENT. */
int certstore_remove(const uint8_t *der, size_t len);

/* Removes every run-time entry (and, with all, every entry). */
void certstore_clear(int all);

/* Adds the certificates of a file: one DER certificate, or PEM text with
 * any number of them. *added counts those new to the store (repeats are
 * skipped). 0, -EINVAL if it holds no certificate or a malformed one
 * (those before it stay added), -ENOMEM. */
int certstore_add_file(const void *data, size_t len, enum cert_origin origin,
		       unsigned *added);

/* A number that changes whenever the store does (for those who keep a
 * prepared copy of it, such as TLS). */
unsigned certstore_generation(void);

/* Platform: the content of the TlsCaCertificate variable (a sequence of
 * EFI_SIGNATURE_LIST) in a new buffer the caller frees, or -ENOENT when
 * there is none. */
int platform_tls_ca_certificates(void **data, size_t *len);

#endif
