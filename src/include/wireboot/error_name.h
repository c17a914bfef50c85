/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WIREBOOT_ERROR_NAME_H
#define WIREBOOT_ERROR_NAME_H

#include <stddef.h>

/* The symbolic name of an error number ("ENOENT"), for messages a person
 * may search for: "No such file or directory (ENOENT)". Either sign; "?"
 * for numbers errno.h does not define. */
const char *error_name(int rc);

/* The name and, for an error from a failure site (see errno.h), where it
 * comes from: "ETIMEDOUT at tftp.2". Returns buf; 48 bytes suffice. */
const char *error_site(int rc, char *buf, size_t len);

#endif
