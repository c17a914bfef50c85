/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The hosted program's TlsCaCertificate variable: the file given with
 * --tls-ca-variable (its bytes as the firmware would return them), so that
 * tests reach the store's EFI path without a firmware. */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <wireboot/certstore.h>
#include "linux.h"

int platform_tls_ca_certificates(void **data, size_t *len)
{
	FILE *file;
	char *buf = NULL;
	size_t used = 0, capacity = 0, got;

	if (!linux_options.tls_ca_variable)
		return -ENOENT;
	file = fopen(linux_options.tls_ca_variable, "rb");
	if (!file)
		return -ENOENT;
	do {
		if (used == capacity) {
			char *grown = realloc(buf, capacity + 4096);

			if (!grown) {
				free(buf);
				fclose(file);
				return -ENOMEM;
			}
			buf = grown;
			capacity += 4096;
		}
		got = fread(buf + used, 1, capacity - used, file);
		used += got;
	} while (got);
	fclose(file);
	*data = buf;
	*len = used;
	return 0;
}
