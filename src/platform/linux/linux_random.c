/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * wireboot --random LEN: shows that the hosted build's random_bytes()
 * works and where its seed came from (getrandom(), when the kernel has it),
 * for tests and for a person checking a build.
 */

#include <stdio.h>
#include <stdlib.h>
#include <wireboot/entropy.h>
#include <wireboot/random.h>
#include "linux.h"

int linux_print_random(size_t len)
{
	unsigned char *buf = malloc(len);
	const char *source;
	int rc;

	if (!buf)
		return -ENOMEM;
	rc = random_bytes(buf, len);
	source = entropy_source_name();
	printf("random: source %s, rc %d", source ? source : "none", rc);
	if (rc == 0) {
		printf(", bytes ");
		for (size_t i = 0; i < len; i++)
			printf("%02x", buf[i]);
	}
	printf("\n");
	free(buf);
	return rc;
}
