/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * CMS SignedData verification (wireboot/cms.h): the glue between an image
 * and wolfSSL's PKCS#7 and X.509 code. Pure: no I/O, no clock (the caller
 * gives the time), the roots come from the certificate store.
 *
 * wolfSSL's PKCS#7 checks the signature with the signer's certificate
 * from the bundle, and with signed attributes their message digest over
 * the content. It knows no trust, so the chain is walked here, from the
 * signer up, each certificate verified by wolfSSL's X.509 code against a
 * certificate manager: first one holding the roots of the store (loaded
 * as TLS loads them, their own dates not checked: RFC 5280 trust
 * anchors), else one holding a single certificate of the bundle that
 * names itself the issuer (an intermediate, which must be a CA and then
 * needs an issuer itself), at most CHAIN_MAX deep. wolfSSL's own date
 * checks are skipped (VERIFY_SKIP_DATE): validity is checked here,
 * against the time the caller gives, with the dates of our X.509 outline
 * parser (wireboot/x509.h).
 *
 * The content is given by the caller (a detached signature); a signature
 * that carries its own content must carry exactly the image's bytes.
 * wolfSSL counts lengths in 32 bits: larger inputs are refused.
 */

#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wireboot/certstore.h>
#include <wireboot/cms.h>
#include <wireboot/errfile.h>
#include <wireboot/wallclock.h>
#include <wireboot/x509.h>

#define ERRFILE ERRFILE_cms

#include <wolfssl/wolfcrypt/settings.h>
#include <wolfssl/wolfcrypt/asn.h>
#include <wolfssl/wolfcrypt/error-crypt.h>
#include <wolfssl/wolfcrypt/pkcs7.h>
#include <wolfssl/ssl.h>

/* The content type signed images have: id-data (1.2.840.113549.1.7.1),
 * as the DER of the OID. */
static const uint8_t id_data[] = {
	0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x01,
};

/* Signer, intermediates, root: deeper chains are refused. */
#define CHAIN_MAX 8

/* A certificate as wolfSSL decodes it (keys, extensions, name hashes)
 * and as our parser outlines it (names and dates as written). */
struct decoded {
	DecodedCert cert;
	struct x509_outline outline;
};

static int fail(struct cms_verdict *verdict, int rc, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int fail(struct cms_verdict *verdict, int rc, const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	vsnprintf(verdict->reason, sizeof(verdict->reason), fmt, args);
	va_end(args);
	return rc;
}

static struct decoded *decode(const uint8_t *der, size_t len)
{
	struct decoded *d = zalloc(sizeof(*d));

	if (!d)
		return NULL;
	InitDecodedCert(&d->cert, der, (word32)len, NULL);
	if (ParseCertRelative(&d->cert, CERT_TYPE, NO_VERIFY, NULL) != 0 ||
	    x509_outline(der, len, &d->outline) != 0) {
		FreeDecodedCert(&d->cert);
		free(d);
		return NULL;
	}
	return d;
}

static void release(struct decoded *d)
{
	if (!d)
		return;
	FreeDecodedCert(&d->cert);
	free(d);
}

/* The certificate's common name (or its whole subject) for messages. */
static void cert_name(const struct decoded *d, char *out, size_t len)
{
	const struct x509_outline *o = &d->outline;

	if (x509_name_cn(o->subject, o->subject_len, out, len) < 0)
		x509_name_format(o->subject, o->subject_len, out, len);
}

/* A certificate manager (inside a context, which is what loads CAs with
 * the flag that leaves their dates alone). */
static WOLFSSL_CTX *new_manager(void)
{
	if (wolfSSL_Init() != WOLFSSL_SUCCESS)
		return NULL;
	return wolfSSL_CTX_new(wolfSSLv23_client_method());
}

static bool add_ca(WOLFSSL_CTX *ctx, const uint8_t *der, size_t len)
{
	return len <= UINT32_MAX &&
	       wolfSSL_CTX_load_verify_buffer_ex(ctx, der, (long)len,
						 WOLFSSL_FILETYPE_ASN1, 0,
						 WOLFSSL_LOAD_FLAG_DATE_ERR_OKAY) ==
		       WOLFSSL_SUCCESS;
}

static int add_root(const struct cert_entry *entry, void *ctx)
{
	/* A root wolfSSL refuses (a weak key) cannot vouch for anyone. */
	add_ca(ctx, entry->der, entry->len);
	return 0;
}

/* Whether der (a certificate) is signed by a CA of the manager. */
static bool issued_by(const uint8_t *der, size_t len, WOLFSSL_CTX *ctx)
{
	DecodedCert *cert = malloc(sizeof(*cert));
	bool ok;

	if (!cert)
		return false;
	InitDecodedCert(cert, der, (word32)len, NULL);
	ok = ParseCertRelative(cert, CERT_TYPE, VERIFY_SKIP_DATE,
			       wolfSSL_CTX_GetCertManager(ctx)) == 0;
	FreeDecodedCert(cert);
	free(cert);
	return ok;
}

/* An X.509 time as seconds since 1970; times before 1970 read as 0. */
static int64_t time_seconds(const struct x509_time *t)
{
	int64_t seconds;

	if (t->year < 1970 ||
	    wallclock_from_civil(&seconds, t->year, t->month, t->day, t->hour,
				 t->minute, t->second) != 0)
		return 0;
	return seconds;
}

/* The certificate's dates against now. */
static int check_validity(const struct decoded *d, int64_t now,
			  struct cms_verdict *verdict)
{
	char name[64];

	cert_name(d, name, sizeof(name));
	if (now < time_seconds(&d->outline.not_before))
		return fail(verdict, -EUNIQ(EACCES, 7),
			    "certificate not yet valid (%s)", name);
	if (now > time_seconds(&d->outline.not_after))
		return fail(verdict, -EUNIQ(EACCES, 8),
			    "certificate expired (%s)", name);
	return 0;
}

/* A CA may issue certificates: basic constraints say so, and its key
 * usage, where present, includes certificate signing. */
static bool may_issue(const DecodedCert *ca)
{
	return ca->isCA &&
	       (!ca->extKeyUsageSet || (ca->extKeyUsage & KEYUSE_KEY_CERT_SIGN));
}

/* The signer's key may sign code. */
static bool code_signing(const DecodedCert *cert)
{
	if (cert->extKeyUsageSet && !(cert->extKeyUsage & KEYUSE_DIGITAL_SIG))
		return false;
	if (cert->extExtKeyUsageSet &&
	    !(cert->extExtKeyUsage & EXTKEYUSE_CODESIGN))
		return false;
	return true;
}

/* The certificate of the bundle, other than cert itself, that issued it
 * (an intermediate), or NULL; *len gets its length. */
static const uint8_t *bundle_issuer(PKCS7 *pkcs7, const uint8_t *der,
				    size_t der_len, const struct decoded *cert,
				    size_t *len)
{
	unsigned i;

	for (i = 0; i < MAX_PKCS7_CERTS && pkcs7->cert[i]; i++) {
		struct decoded *issuer;
		WOLFSSL_CTX *ctx;
		bool found;

		if (pkcs7->cert[i] == der)
			continue;
		issuer = decode(pkcs7->cert[i], pkcs7->certSz[i]);
		found = issuer &&
			memcmp(issuer->cert.subjectHash, cert->cert.issuerHash,
			       KEYID_SIZE) == 0 &&
			may_issue(&issuer->cert);
		release(issuer);
		if (!found)
			continue;
		ctx = new_manager();
		found = ctx && add_ca(ctx, pkcs7->cert[i], pkcs7->certSz[i]) &&
			issued_by(der, der_len, ctx);
		wolfSSL_CTX_free(ctx);
		if (found) {
			*len = pkcs7->certSz[i];
			return pkcs7->cert[i];
		}
	}
	return NULL;
}

/* From the signer's certificate up to a root. */
static int check_chain(PKCS7 *pkcs7, int64_t now, struct cms_verdict *verdict)
{
	const uint8_t *der = pkcs7->verifyCert;
	size_t len = pkcs7->verifyCertSz;
	struct decoded *cert = NULL;
	WOLFSSL_CTX *roots = new_manager();
	unsigned depth;
	int rc;

	if (!roots)
		return fail(verdict, -EUNIQ(ENOMEM, 9), "out of memory");
	certstore_foreach(add_root, roots);
	for (depth = 0; depth < CHAIN_MAX; depth++) {
		char name[96];

		release(cert);
		cert = decode(der, len);
		if (!cert) {
			rc = fail(verdict, -EUNIQ(EINVAL, 10),
				  "malformed signature (a certificate does "
				  "not parse)");
			goto out;
		}
		rc = check_validity(cert, now, verdict);
		if (rc)
			goto out;
		cert_name(cert, name, sizeof(name));
		if (depth == 0) {
			strlcpy(verdict->signer, name, sizeof(verdict->signer));
			if (!code_signing(&cert->cert)) {
				rc = fail(verdict, -EUNIQ(EACCES, 11),
					  "certificate not for code signing "
					  "(%s)", name);
				goto out;
			}
		}
		if (issued_by(der, len, roots))
			goto out;
		der = bundle_issuer(pkcs7, der, len, cert, &len);
		if (!der) {
			x509_name_format(cert->outline.issuer,
					 cert->outline.issuer_len, name,
					 sizeof(name));
			rc = fail(verdict, -EUNIQ(EACCES, 13),
				  "signer not trusted (issuer %s)", name);
			goto out;
		}
	}
	rc = fail(verdict, -EUNIQ(EACCES, 14),
		  "signer not trusted (chain longer than %u)", CHAIN_MAX);
out:
	release(cert);
	wolfSSL_CTX_free(roots);
	return rc;
}

/* wolfSSL's verdict on the signature, in words. */
static int signature_failure(int ret, struct cms_verdict *verdict)
{
	switch (ret) {
	case SIG_VERIFY_E:
	case BAD_PADDING_E:
	case RSA_BUFFER_E:
	case ASN_SIG_CONFIRM_E:
		return fail(verdict, -EUNIQ(EACCES, 15),
			    "signature does not match the image");
	case PKCS7_NO_SIGNER_E:
		return fail(verdict, -EUNIQ(EINVAL, 16),
			    "malformed signature (no signer)");
	case MEMORY_E:
		return fail(verdict, -EUNIQ(ENOMEM, 17), "out of memory");
	default:
		return fail(verdict, -EUNIQ(EINVAL, 18),
			    "malformed signature (not a CMS SignedData, "
			    "wolfSSL error %d)", ret);
	}
}

int cms_verify(const uint8_t *sig, size_t sig_len, const uint8_t *data,
	       size_t len, const char *signer_cn, int64_t now,
	       struct cms_verdict *verdict)
{
	PKCS7 *pkcs7;
	int ret, rc;

	memset(verdict, 0, sizeof(*verdict));
	if (sig_len > UINT32_MAX || len > UINT32_MAX)
		return fail(verdict, -EUNIQ(EFBIG, 19),
			    "image or signature larger than 4 GiB");
	if (sig_len == 0)
		return fail(verdict, -EUNIQ(EINVAL, 20),
			    "malformed signature (empty)");
	pkcs7 = wc_PKCS7_New(NULL, INVALID_DEVID);
	if (!pkcs7)
		return fail(verdict, -EUNIQ(ENOMEM, 21), "out of memory");
	ret = wc_PKCS7_InitWithCert(pkcs7, NULL, 0);
	if (ret != 0) {
		rc = signature_failure(ret, verdict);
		goto out;
	}
	/* The detached content. wolfSSL only reads it. */
	pkcs7->content = (byte *)data;
	pkcs7->contentSz = (word32)len;
	ret = wc_PKCS7_VerifySignedData(pkcs7, (byte *)sig, (word32)sig_len);
	if (ret != 0) {
		rc = signature_failure(ret, verdict);
		goto out;
	}
	if (!pkcs7->verifyCert || !pkcs7->verifyCertSz) {
		rc = fail(verdict, -EUNIQ(EINVAL, 22),
			  "malformed signature (no signer certificate)");
		goto out;
	}
	if (pkcs7->contentTypeSz != sizeof(id_data) ||
	    memcmp(pkcs7->contentType, id_data, sizeof(id_data)) != 0) {
		rc = fail(verdict, -EUNIQ(EINVAL, 23),
			  "malformed signature (content is not data)");
		goto out;
	}
	/* Content carried inside the signature (-nodetach) is what was
	 * signed: it must be the image. */
	if (pkcs7->content != data &&
	    (pkcs7->contentSz != len ||
	     (len && memcmp(pkcs7->content, data, len) != 0))) {
		rc = fail(verdict, -EUNIQ(EACCES, 24),
			  "signature does not match the image");
		goto out;
	}
	rc = check_chain(pkcs7, now, verdict);
	if (rc == 0 && signer_cn && strcmp(signer_cn, verdict->signer) != 0)
		rc = fail(verdict, -EUNIQ(EACCES, 25),
			  "signer is \"%s\", not \"%s\"", verdict->signer,
			  signer_cn);
out:
	wc_PKCS7_Free(pkcs7);
	return rc;
}
