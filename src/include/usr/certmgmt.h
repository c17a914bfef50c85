/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef USR_CERTMGMT_H
#define USR_CERTMGMT_H

/* The certificate store for people and scripts (certstat, certstore,
 * certfree): listing, adding from an image or URI, removing. */

/* Lists every trusted certificate: its common name and SHA-256
 * fingerprint, subject, issuer, validity and origin. */
int certstat(void);

/* Adds the certificates of the image called name, or of one downloaded
 * from that URI (and dropped again once read). */
int certstore_image(const char *name);

/* Removes the run-time certificate whose SHA-256 fingerprint (hex, at
 * least 8 digits of its beginning) is given; NULL: all run-time ones. */
int certfree(const char *fingerprint);

#endif
