/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The certificate store for people and scripts (see usr/certmgmt.h). A
 * certificate is named by its SHA-256 fingerprint, as browsers and
 * "openssl x509 -fingerprint -sha256" show it, so that a script can name
 * the one it added without knowing the store's order.
 */

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <usr/certmgmt.h>
#include <usr/imgmgmt.h>
#include <wireboot/certstore.h>
#include <wireboot/image.h>
#include <wireboot/sha256.h>
#include <wireboot/errfile.h>
#include <wireboot/x509.h>

#define ERRFILE ERRFILE_certmgmt

PROVIDE_OBJECT(certmgmt);

static const char *const origin_names[] = {
	[CERT_BUILTIN] = "built-in",
	[CERT_EFI] = "TlsCaCertificate",
	[CERT_RUNTIME] = "certstore",
};

static void fingerprint_hex(const struct cert_entry *cert,
			    char hex[2 * SHA256_DIGEST_LEN + 1])
{
	struct sha256_context ctx;
	uint8_t digest[SHA256_DIGEST_LEN];
	unsigned i;

	sha256_init(&ctx);
	sha256_update(&ctx, cert->der, cert->len);
	sha256_final(&ctx, digest);
	for (i = 0; i < SHA256_DIGEST_LEN; i++)
		snprintf(hex + 2 * i, 3, "%02x", digest[i]);
}

static int show(const struct cert_entry *cert, void *ctx)
{
	char hex[2 * SHA256_DIGEST_LEN + 1], text[256];
	char from[X509_TIME_TEXT], to[X509_TIME_TEXT];
	struct x509_outline outline;
	unsigned *count = ctx;

	(*count)++;
	fingerprint_hex(cert, hex);
	if (x509_outline(cert->der, cert->len, &outline))
		return 0;	/* the store holds only what parses */
	if (x509_name_cn(outline.subject, outline.subject_len, text,
			 sizeof(text)) < 0)
		snprintf(text, sizeof(text), "(no common name)");
	printf("%s : %s [%s]\n", text, hex, origin_names[cert->origin]);
	x509_name_format(outline.subject, outline.subject_len, text, sizeof(text));
	printf("  subject %s\n", text);
	x509_name_format(outline.issuer, outline.issuer_len, text, sizeof(text));
	printf("  issuer  %s\n", text);
	x509_time_format(&outline.not_before, from);
	x509_time_format(&outline.not_after, to);
	printf("  valid   %s to %s UTC\n", from, to);
	return 0;
}

int certstat(void)
{
	unsigned count = 0;

	certstore_foreach(show, &count);
	printf("%u certificate%s\n", count, count == 1 ? "" : "s");
	return 0;
}

int certstore_image(const char *name)
{
	struct image *image = find_image(name);
	bool fetched = false;
	unsigned added;
	int rc;

	if (!image) {
		rc = image_fetch(name, NULL, &image);
		if (rc)
			return rc;
		fetched = true;
	}
	image_get(image);
	rc = certstore_add_file(image->data, image->len, CERT_RUNTIME, &added);
	if (rc)
		printf("%s: %s\n", image->name,
		       rc == -EINVAL ? "not a certificate (DER or PEM)" : strerror(rc));
	else
		printf("%s: %u certificate%s added\n", image->name, added,
		       added == 1 ? "" : "s");
	if (fetched)
		unregister_image(image);
	image_put(image);
	return rc;
}

struct free_match {
	const char *prefix;
	size_t len;
	const struct cert_entry *found;
	unsigned matches;
};

static int match(const struct cert_entry *cert, void *ctx)
{
	struct free_match *want = ctx;
	char hex[2 * SHA256_DIGEST_LEN + 1];
	size_t i;

	fingerprint_hex(cert, hex);
	for (i = 0; i < want->len; i++) {
		char c = want->prefix[i];

		if (c >= 'A' && c <= 'F')
			c = (char)(c - 'A' + 'a');
		if (c != hex[i])
			return 0;
	}
	want->found = cert;
	want->matches++;
	return 0;
}

int certfree(const char *fingerprint)
{
	struct free_match want = { fingerprint, 0, NULL, 0 };

	if (!fingerprint) {
		certstore_clear(0);
		return 0;
	}
	want.len = strlen(fingerprint);
	if (want.len < 8 || want.len > 2 * SHA256_DIGEST_LEN ||
	    strspn(fingerprint, "0123456789abcdefABCDEF") != want.len) {
		printf("%s: not a SHA-256 fingerprint (8 to 64 hex digits)\n",
		       fingerprint);
		return -EUNIQ(EINVAL, 1);
	}
	certstore_foreach(match, &want);
	if (!want.matches) {
		printf("%s: no such certificate\n", fingerprint);
		return -EUNIQ(ENOENT, 2);
	}
	if (want.matches > 1) {
		printf("%s: more than one certificate has this fingerprint prefix\n",
		       fingerprint);
		return -EUNIQ(EINVAL, 3);
	}
	if (want.found->origin != CERT_RUNTIME) {
		printf("%s: a %s certificate, not removed\n", fingerprint,
		       origin_names[want.found->origin]);
		return -EUNIQ(EPERM, 4);
	}
	return certstore_remove(want.found->der, want.found->len);
}
