/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Images from scripts: imgfetch, chain, imgexec, imgfree, imgstat. */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <wireboot/command.h>
#include <usr/imgmgmt.h>
#include <wireboot/image.h>
#include <wireboot/parseopt.h>

PROVIDE_OBJECT(image_cmd);

struct fetch_options {
	const char *name;
};

static const struct option_descriptor fetch_opts[] = {
	OPTION("name", 'n', parseopt_string, struct fetch_options, name, "name"),
};

static const struct command_descriptor fetch_cmd =
	COMMAND_DESCRIPTOR(fetch_opts, 1, PARSEOPT_MANY, "<uri> [args...]");

/* "[--name NAME] URI [args...]": fetches and sets the arguments. Returns 1
 * after --help (nothing fetched). */
static int fetch_with_args(int argc, char **argv, struct image **image)
{
	struct fetch_options opts = { 0 };
	int first = parse_options(argc, argv, &fetch_cmd, &opts);
	char *cmdline;
	int rc;

	if (first <= 0)
		return first < 0 ? first : 1;
	cmdline = concat_args(argc - first - 1, argv + first + 1);
	if (!cmdline)
		return -ENOMEM;
	rc = image_fetch(argv[first], opts.name, image);
	if (rc == 0)
		rc = image_set_cmdline(*image, cmdline);
	free(cmdline);
	return rc;
}

static int imgfetch_exec(int argc, char **argv)
{
	struct image *image;
	int rc = fetch_with_args(argc, argv, &image);

	return rc > 0 ? 0 : rc;
}

/* Fetches and runs; the image goes away if it returns. */
static int chain_exec(int argc, char **argv)
{
	struct image *image;
	int rc = fetch_with_args(argc, argv, &image);

	if (rc)
		return rc > 0 ? 0 : rc;	/* --help */
	return image_run_once(image);
}

static const struct command_descriptor imgexec_cmd =
	COMMAND_DESCRIPTOR_NO_OPTIONS(1, PARSEOPT_MANY, "<name> [args...]");

static int imgexec_exec(int argc, char **argv)
{
	struct image *image;
	int first = parse_options(argc, argv, &imgexec_cmd, NULL);
	char *cmdline;
	int rc;

	if (first <= 0)
		return first;
	image = find_image(argv[first]);
	if (!image) {
		printf("%s: no such image\n", argv[first]);
		return -ENOENT;
	}
	if (argc > first + 1) {
		cmdline = concat_args(argc - first - 1, argv + first + 1);
		if (!cmdline)
			return -ENOMEM;
		rc = image_set_cmdline(image, cmdline);
		free(cmdline);
		if (rc)
			return rc;
	}
	return image_run(image);
}

static const struct command_descriptor imgfree_cmd =
	COMMAND_DESCRIPTOR_NO_OPTIONS(0, 1, "[name]");

/* Without a name: every image. */
static int imgfree_exec(int argc, char **argv)
{
	struct image *image, *tmp;
	int first = parse_options(argc, argv, &imgfree_cmd, NULL);

	if (first <= 0)
		return first;
	if (first < argc) {
		image = find_image(argv[first]);
		if (!image) {
			printf("%s: no such image\n", argv[first]);
			return -ENOENT;
		}
		unregister_image(image);
		return 0;
	}
	list_for_each_entry_safe(image, tmp, &images, list)
		unregister_image(image);
	return 0;
}

static const struct command_descriptor imgstat_cmd =
	COMMAND_DESCRIPTOR_NO_OPTIONS(0, 0, "");

static int imgstat_exec(int argc, char **argv)
{
	struct image *image;
	int first = parse_options(argc, argv, &imgstat_cmd, NULL);

	if (first <= 0)
		return first;
	for_each_image(image) {
		printf("%s: %zu bytes", image->name, image->len);
		if (image->type)
			printf(" [%s]", image->type->name);
		if (image->cmdline)
			printf(" \"%s\"", image->cmdline);
		printf("\n");
	}
	return 0;
}

COMMAND(imgfetch_command) = { .name = "imgfetch", .exec = imgfetch_exec };
/* The established language's other name for imgfetch. */
COMMAND(module_command) = { .name = "module", .exec = imgfetch_exec };
COMMAND(chain_command) = { .name = "chain", .exec = chain_exec };
COMMAND(imgexec_command) = { .name = "imgexec", .exec = imgexec_exec };
COMMAND(imgfree_command) = { .name = "imgfree", .exec = imgfree_exec };
COMMAND(imgstat_command) = { .name = "imgstat", .exec = imgstat_exec };
