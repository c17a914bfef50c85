/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Image digests: md5sum, sha1sum, sha256sum, one shape over the digest
 * algorithms (wireboot/digest.h). */

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <wireboot/command.h>
#include <wireboot/digest.h>
#include <wireboot/error_name.h>
#include <wireboot/image.h>
#include <wireboot/parseopt.h>

PROVIDE_OBJECT(digest_cmd);

/* Prints "<hex digest>  <name>", the format md5sum -c and the others read. */
static int print_digest(const struct digest_algorithm *algorithm,
			const struct image *image)
{
	uint8_t digest[DIGEST_MAX_LEN];
	unsigned i;
	int rc = algorithm->digest(image->data, image->len, digest);

	if (rc) {
		printf("%s: %s: %s (%s)\n", image->name, algorithm->name,
		       strerror(rc), error_name(rc));
		return rc;
	}
	for (i = 0; i < algorithm->digest_len; i++)
		printf("%02x", digest[i]);
	printf("  %s\n", image->name);
	return 0;
}

static const struct command_descriptor digest_cmd =
	COMMAND_DESCRIPTOR_NO_OPTIONS(0, PARSEOPT_MANY, "[name...]");

/* Without names: every image. */
static int digest_exec(const struct digest_algorithm *algorithm, int argc,
		       char **argv)
{
	struct image *image;
	int first = parse_options(argc, argv, &digest_cmd, NULL);
	int i, rc = 0;

	if (first <= 0)
		return first;
	if (first == argc) {
		for_each_image(image) {
			int err = print_digest(algorithm, image);

			if (err && !rc)
				rc = err;
		}
		return rc;
	}
	for (i = first; i < argc; i++) {
		int err;

		image = find_image(argv[i]);
		if (!image) {
			printf("%s: no such image\n", argv[i]);
			err = -ENOENT;
		} else {
			err = print_digest(algorithm, image);
		}
		if (err && !rc)
			rc = err;
	}
	return rc;
}

#define DIGEST_COMMAND(id) \
	static int id##sum_exec(int argc, char **argv) \
	{ \
		return digest_exec(&digest_##id, argc, argv); \
	} \
	COMMAND(id##sum_command) = { .name = #id "sum", .exec = id##sum_exec }

DIGEST_COMMAND(md5);
DIGEST_COMMAND(sha1);
DIGEST_COMMAND(sha256);
