/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Image digests: sha256sum. */

#include <errno.h>
#include <stdio.h>
#include <wireboot/command.h>
#include <wireboot/image.h>
#include <wireboot/parseopt.h>
#include <wireboot/sha256.h>

PROVIDE_OBJECT(digest_cmd);

/* Prints "<hex digest>  <name>", the format sha256sum -c reads. */
static void print_sha256(const struct image *image)
{
	struct sha256_context ctx;
	uint8_t digest[SHA256_DIGEST_LEN];
	unsigned i;

	sha256_init(&ctx);
	sha256_update(&ctx, image->data, image->len);
	sha256_final(&ctx, digest);
	for (i = 0; i < SHA256_DIGEST_LEN; i++)
		printf("%02x", digest[i]);
	printf("  %s\n", image->name);
}

static const struct command_descriptor sha256sum_cmd =
	COMMAND_DESCRIPTOR_NO_OPTIONS(0, PARSEOPT_MANY, "[name...]");

/* Without names: every image. */
static int sha256sum_exec(int argc, char **argv)
{
	struct image *image;
	int first = parse_options(argc, argv, &sha256sum_cmd, NULL);
	int i, rc = 0;

	if (first <= 0)
		return first;
	if (first == argc) {
		for_each_image(image)
			print_sha256(image);
		return 0;
	}
	for (i = first; i < argc; i++) {
		image = find_image(argv[i]);
		if (!image) {
			printf("%s: no such image\n", argv[i]);
			rc = -ENOENT;
			continue;
		}
		print_sha256(image);
	}
	return rc;
}

COMMAND(sha256sum_command) = { .name = "sha256sum", .exec = sha256sum_exec };
