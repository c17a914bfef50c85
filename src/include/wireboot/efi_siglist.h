/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WIREBOOT_EFI_SIGLIST_H
#define WIREBOOT_EFI_SIGLIST_H

/*
 * EFI_SIGNATURE_LIST (UEFI specification, "Signature Database"): the
 * content of variables such as TlsCaCertificate, db and dbx. A list is
 * { SignatureType GUID, SignatureListSize, SignatureHeaderSize,
 * SignatureSize (all UINT32 little-endian), the header, then entries of
 * SignatureSize bytes: the owner GUID and the data }, and lists follow
 * each other to the end of the variable.
 */

#include <stddef.h>
#include <stdint.h>

/* EFI_CERT_X509_GUID a5c059a1-94e4-4aa7-87b5-ab155c2bf072, as stored. */
extern const uint8_t efi_cert_x509_guid[16];

/* Checks every list of data[0..len) and then calls fn with each entry of
 * type EFI_CERT_X509_GUID (its data: one DER certificate), in order, until
 * fn returns nonzero. Returns fn's value, 0, or -EINVAL (and calls fn for
 * none) when any list is malformed. */
int efi_siglist_x509(const void *data, size_t len,
		     int (*fn)(const uint8_t *der, size_t der_len, void *ctx),
		     void *ctx);

#endif
