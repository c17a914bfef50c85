/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The certificate store (see wireboot/certstore.h).
 *
 * The store fills itself the first time anything asks: the built-in roots
 * (util/mktrust turns TRUST= or the build machine's bundle into the arrays
 * below; they stay in the image's read-only data and are not copied), then
 * the certificates of the TlsCaCertificate variable, which the platform
 * reads and efi_siglist.c takes apart. Everything else is copied in. A
 * linked list in store order is enough: a store holds some hundred roots
 * and is walked once per verification.
 */

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wireboot/certstore.h>
#include <wireboot/efi_siglist.h>
#include <wireboot/list.h>
#include <wireboot/pem.h>
#include <wireboot/tables.h>
#include <wireboot/x509.h>

PROVIDE_OBJECT(certstore);

/* Written by util/mktrust (the object is made from TRUST=). */
struct certstore_builtin {
	const uint8_t *der;
	size_t len;
};
extern const struct certstore_builtin certstore_builtins[];
extern const size_t certstore_builtin_count;

struct stored_cert {
	struct list_head list;
	struct cert_entry entry;
	bool owned;		/* entry.der is ours to free */
};

static LIST_HEAD(store);
static bool loaded;
static unsigned generation;

static struct stored_cert *find(const uint8_t *der, size_t len)
{
	struct stored_cert *cert;

	list_for_each_entry(cert, &store, list)
		if (cert->entry.len == len && memcmp(cert->entry.der, der, len) == 0)
			return cert;
	return NULL;
}

static int insert(const uint8_t *der, size_t len, enum cert_origin origin,
		  bool copy)
{
	struct x509_outline outline;
	struct stored_cert *cert;
	uint8_t *own = NULL;

	if (x509_outline(der, len, &outline))
		return -EINVAL;
	if (find(der, len))
		return -EEXIST;
	cert = malloc(sizeof(*cert));
	if (copy)
		own = malloc(len);
	if (!cert || (copy && !own)) {
		free(cert);
		free(own);
		return -ENOMEM;
	}
	if (copy)
		memcpy(own, der, len);
	cert->entry.der = copy ? own : der;
	cert->entry.len = len;
	cert->entry.origin = origin;
	cert->owned = copy;
	list_add_tail(&cert->list, &store);
	generation++;
	return 0;
}

static int add_efi(const uint8_t *der, size_t len, void *ctx)
{
	int rc = insert(der, len, CERT_EFI, true);

	if (rc && rc != -EEXIST)
		printf("TlsCaCertificate: an entry is not a certificate (%s)\n",
		       strerror(rc));
	return 0;
}

static void load(void)
{
	void *data;
	size_t len, i;

	if (loaded)
		return;
	loaded = true;
	for (i = 0; i < certstore_builtin_count; i++)
		insert(certstore_builtins[i].der, certstore_builtins[i].len,
		       CERT_BUILTIN, false);
	if (platform_tls_ca_certificates(&data, &len) != 0)
		return;
	if (efi_siglist_x509(data, len, add_efi, NULL) == -EINVAL)
		printf("TlsCaCertificate: not a signature list, ignored\n");
	free(data);
}

int certstore_foreach(int (*fn)(const struct cert_entry *cert, void *ctx),
		      void *ctx)
{
	struct stored_cert *cert, *next;
	int rc;

	load();
	list_for_each_entry_safe(cert, next, &store, list) {
		rc = fn(&cert->entry, ctx);
		if (rc)
			return rc;
	}
	return 0;
}

unsigned certstore_generation(void)
{
	load();
	return generation;
}

int certstore_add(const uint8_t *der, size_t len, enum cert_origin origin)
{
	load();
	return insert(der, len, origin, true);
}

static void drop(struct stored_cert *cert)
{
	generation++;
	list_del(&cert->list);
	if (cert->owned)
		free((void *)cert->entry.der);
	free(cert);
}

int certstore_remove(const uint8_t *der, size_t len)
{
	struct stored_cert *cert;

	load();
	cert = find(der, len);
	if (!cert)
		return -ENOENT;
	drop(cert);
	return 0;
}

void certstore_clear(int all)
{
	struct stored_cert *cert, *next;

	load();
	list_for_each_entry_safe(cert, next, &store, list)
		if (all || cert->entry.origin == CERT_RUNTIME)
			drop(cert);
}

int certstore_add_file(const void *data, size_t len, enum cert_origin origin,
		       unsigned *added)
{
	size_t offset = 0;
	uint8_t *der;
	size_t der_len;
	int rc, found = 0;

	*added = 0;
	if (len && ((const uint8_t *)data)[0] == 0x30) {
		rc = certstore_add(data, len, origin);
		*added = rc == 0;
		return rc == -EEXIST ? 0 : rc;
	}
	while ((rc = pem_next_certificate(data, len, &offset, &der, &der_len)) == 0) {
		found = 1;
		rc = certstore_add(der, der_len, origin);
		free(der);
		if (rc == 0)
			(*added)++;
		else if (rc != -EEXIST)
			return rc;
	}
	if (rc == -ENOENT)
		return found ? 0 : -EINVAL;
	return rc;
}
