/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * wbinfo: prints the build record of wireboot images (.efi, .efidrv):
 * version, configuration, image name, the outside inputs it is built from
 * (wolfSSL's version, the source of its trusted roots) and linked features. ROMs are read
 * by rominfo, which decompresses their images first.
 *
 *   wbinfo FILE...     exit 0 if every file had a record, 1 otherwise
 */

#include <stdio.h>
#include <stdlib.h>
#include "build_record.h"
#include "pesecurity.h"
#include "readfile.h"

/* Larger than any image we build; protects against reading a disk image. */
#define MAX_IMAGE_SIZE (64u * 1024 * 1024)

static int show(const char *path)
{
	struct build_record record;
	char error[256];
	uint8_t *data;
	size_t len, i;
	int found;

	if (read_whole_file(path, MAX_IMAGE_SIZE, &data, &len, error,
			    sizeof(error)) != 0) {
		fprintf(stderr, "wbinfo: %s\n", error);
		return 1;
	}
	found = build_record_find(data, len, &record, error, sizeof(error));
	if (found <= 0) {
		fprintf(stderr, "wbinfo: %s: %s\n", path,
			found < 0 ? error : "no wireboot build record");
		free(data);
		return 1;
	}
	printf("%s: wireboot %s, image %s, config %s\n  features:", path,
	       record.version, record.target, record.config);
	for (i = 0; i < record.feature_count; i++)
		printf(" %s", record.features[i]);
	printf("\n");
	if (record.deps[0])
		printf("  built with: %s\n", record.deps);
	pe_print_secure_boot(stdout, "  ", data, len);
	free(data);
	build_record_free(&record);
	return 0;
}

int main(int argc, char **argv)
{
	int status = 0, i;

	if (argc < 2) {
		fprintf(stderr, "usage: wbinfo FILE...\n");
		return 2;
	}
	for (i = 1; i < argc; i++)
		status |= show(argv[i]);
	return status;
}
