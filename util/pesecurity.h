/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef UTIL_PESECURITY_H
#define UTIL_PESECURITY_H

/*
 * What Secure Boot looks at in a PE image, for the inspectors (wbinfo,
 * rominfo): the SBAT text of its .sbat section and whether it carries an
 * Authenticode signature (a certificate table in the security data
 * directory, as sbsign and pesign write). Every offset is bounds checked:
 * the images come from anywhere.
 */

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* The bytes of the section called name (up to its virtual size, within
 * the file): 0 with data and data_len set, or -1 if there is no such section. */
int pe_find_section(const uint8_t *image, size_t len, const char *name,
		    const uint8_t **data, size_t *data_len);

/* The certificate table's size, or 0 when the image is unsigned. */
size_t pe_signature_size(const uint8_t *image, size_t len);

/* Prints "<indent>SBAT: <line>" for each SBAT line and a line saying
 * whether the image is signed. */
void pe_print_secure_boot(FILE *out, const char *indent, const uint8_t *image,
			  size_t len);

#endif
