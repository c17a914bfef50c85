/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WIREBOOT_PEM_H
#define WIREBOOT_PEM_H

/*
 * PEM certificates (RFC 7468): base64 between "-----BEGIN CERTIFICATE-----"
 * and "-----END CERTIFICATE-----", any text around them (a bundle's
 * comments) ignored.
 */

#include <stddef.h>
#include <stdint.h>

/* Decodes the next certificate of text[*offset..len) into a new buffer
 * (*der, *der_len; the caller frees it) and moves *offset past it.
 * Returns 0, -ENOENT when no certificate begins there, -EINVAL for a
 * malformed one (no END line, bad base64), -ENOMEM. */
int pem_next_certificate(const void *text, size_t len, size_t *offset,
			 uint8_t **der, size_t *der_len);

#endif
