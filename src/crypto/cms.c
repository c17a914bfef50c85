/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * CMS SignedData verification (wireboot/cms.h): the glue between an image
 * and wolfSSL's PKCS#7 and X.509 code. Pure: no I/O, no clock (the caller
 * gives the time), the roots come from the certificate store.
 *
 * wolfSSL's PKCS#7 checks the signature with the signer's certificate
 * from the bundle, and with signed attributes their message digest over
 * the content. It knows no trust: wolfCrypt alone has no certificate
 * manager, and its X.509 parser verifies a certificate against whatever
 * "signer" (a public key and the hash of a subject name) it is handed as
 * the manager. So the chain is walked here, from the signer up: each
 * certificate's issuer is looked for among the roots (subject name hash
 * equal to the certificate's issuer hash, signature verifying), else
 * among the other certificates of the bundle (an intermediate, which must
 * be a CA and then needs an issuer itself), at most CHAIN_MAX deep.
 * wolfSSL is built without a clock (NO_ASN_TIME): validity dates come
 * from our X.509 outline parser (wireboot/x509.h) and are compared here.
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

/* Whether der (a certificate) is signed by issuer's key: wolfSSL verifies
 * against a Signer it is handed as the certificate manager. */
static bool issued_by(const uint8_t *der, size_t len, const DecodedCert *issuer)
{
	Signer signer;
	DecodedCert *cert;
	bool ok;

	memset(&signer, 0, sizeof(signer));
	signer.publicKey = issuer->publicKey;
	signer.pubKeySize = issuer->pubKeySize;
	signer.keyOID = issuer->keyOID;
	signer.keyUsage = issuer->extKeyUsage;
	/* Path lengths are checked by the walk (path_allows()). */
	signer.maxPathLen = WOLFSSL_MAX_PATH_LEN;
	_Static_assert(sizeof(signer.subjectNameHash) ==
		       sizeof(issuer->subjectHash), "name hashes differ");
	memcpy(signer.subjectNameHash, issuer->subjectHash,
	       sizeof(signer.subjectNameHash));
	cert = malloc(sizeof(*cert));
	if (!cert)
		return false;
	InitDecodedCert(cert, der, (word32)len, NULL);
	ok = ParseCertRelative(cert, CERT_TYPE, VERIFY, &signer) == 0;
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

struct root_search {
	const uint8_t *der;		/* the certificate to find an issuer of */
	size_t len;
	const DecodedCert *cert;
	struct decoded *root;		/* the root found, decoded */
};

static int try_root(const struct cert_entry *entry, void *ctx)
{
	struct root_search *search = ctx;
	struct decoded *root;

	if (entry->len > UINT32_MAX)
		return 0;
	root = decode(entry->der, entry->len);
	if (!root)
		return 0;
	if (memcmp(root->cert.subjectHash, search->cert->issuerHash,
		   KEYID_SIZE) == 0 &&
	    may_issue(&root->cert) &&
	    issued_by(search->der, search->len, &root->cert)) {
		search->root = root;
		return 1;
	}
	release(root);
	return 0;
}

/* A CA with below CAs between it and the signer: its path length
 * constraint, if any, allows that many. */
static bool path_allows(const DecodedCert *ca, unsigned below)
{
	return !ca->pathLengthSet || below <= ca->pathLength;
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

/* The certificate of the bundle, other than the one searched for, that
 * issued it (an intermediate), or NULL; *len gets its length. */
static const uint8_t *bundle_issuer(PKCS7 *pkcs7, const struct decoded *cert,
				    const struct root_search *search,
				    size_t *len)
{
	unsigned i;

	for (i = 0; i < MAX_PKCS7_CERTS && pkcs7->cert[i]; i++) {
		struct decoded *issuer;
		bool found;

		if (pkcs7->cert[i] == search->der)
			continue;
		issuer = decode(pkcs7->cert[i], pkcs7->certSz[i]);
		found = issuer &&
			memcmp(issuer->cert.subjectHash, cert->cert.issuerHash,
			       KEYID_SIZE) == 0 &&
			issued_by(search->der, search->len, &issuer->cert);
		release(issuer);
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
	struct decoded *chain[CHAIN_MAX] = { NULL };
	unsigned depth, i;
	int rc = -EUNIQ(EACCES, 9);

	for (depth = 0; depth < CHAIN_MAX; depth++) {
		struct root_search search = { .der = der, .len = len };
		struct decoded *cert = decode(der, len);

		if (!cert) {
			rc = fail(verdict, -EUNIQ(EINVAL, 10),
				  "malformed signature (a certificate does "
				  "not parse)");
			goto out;
		}
		chain[depth] = cert;
		rc = check_validity(cert, now, verdict);
		if (rc)
			goto out;
		if (depth == 0) {
			cert_name(cert, verdict->signer,
				  sizeof(verdict->signer));
			if (!code_signing(&cert->cert)) {
				rc = fail(verdict, -EUNIQ(EACCES, 11),
					  "certificate not for code signing "
					  "(%s)", verdict->signer);
				goto out;
			}
		} else if (!may_issue(&cert->cert) ||
			   !path_allows(&cert->cert, depth - 1)) {
			char name[64];

			cert_name(cert, name, sizeof(name));
			rc = fail(verdict, -EUNIQ(EACCES, 12),
				  "signer not trusted (issuer %s may not "
				  "issue this chain)", name);
			goto out;
		}
		search.cert = &cert->cert;
		certstore_foreach(try_root, &search);
		if (search.root) {
			rc = check_validity(search.root, now, verdict);
			if (rc == 0 && !path_allows(&search.root->cert, depth)) {
				char name[64];

				cert_name(search.root, name, sizeof(name));
				rc = fail(verdict, -EUNIQ(EACCES, 26),
					  "signer not trusted (root %s allows "
					  "fewer intermediates)", name);
			}
			release(search.root);
			goto out;
		}
		der = bundle_issuer(pkcs7, cert, &search, &len);
		if (!der) {
			char issuer[96];

			x509_name_format(cert->outline.issuer,
					 cert->outline.issuer_len, issuer,
					 sizeof(issuer));
			rc = fail(verdict, -EUNIQ(EACCES, 13),
				  "signer not trusted (issuer %s)", issuer);
			goto out;
		}
	}
	rc = fail(verdict, -EUNIQ(EACCES, 14),
		  "signer not trusted (chain longer than %u)", CHAIN_MAX);
out:
	for (i = 0; i < CHAIN_MAX; i++)
		release(chain[i]);
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
