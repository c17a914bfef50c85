/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Images from scripts, with the established language's three families
 * of one command each: imgfetch (initrd) fetches; kernel (imgselect,
 * imgload) fetches or names an image and selects it; chain (imgexec,
 * boot) fetches or names an image, or takes the selected one, and runs it
 * (a kernel with every other image that is not a program as its
 * initramfs, wireboot/initrd.h). Also shim (a loader that starts the EFI
 * images run after it), imgargs, imgextract, imgfree and imgstat.
 */

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <wireboot/command.h>
#include <usr/imgmgmt.h>
#include <wireboot/image.h>
#include <wireboot/parseopt.h>

PROVIDE_OBJECT(image_cmd);

/* The options of every command that fetches or runs an image; each
 * command's table offers those that make sense for it. */
struct image_options {
	const char *name;
	unsigned int timeout;	/* ms; 0: none */
	bool autofree;
	bool keep;
};

#define NAME_OPTION OPTION("name", 'n', parseopt_string, struct image_options, name, "name")
#define TIMEOUT_OPTION OPTION("timeout", 't', parseopt_integer, struct image_options, timeout, "timeout")
#define AUTOFREE_OPTION OPTION("autofree", 'a', parseopt_flag, struct image_options, autofree, NULL)

static const struct option_descriptor fetch_opts[] = {
	NAME_OPTION, TIMEOUT_OPTION,
};
static const struct option_descriptor exec_opts[] = {
	NAME_OPTION, TIMEOUT_OPTION, AUTOFREE_OPTION,
};
static const struct option_descriptor extract_opts[] = {
	NAME_OPTION, TIMEOUT_OPTION,
	OPTION("keep", 'k', parseopt_flag, struct image_options, keep, NULL),
};

static const struct command_descriptor fetch_cmd =
	COMMAND_DESCRIPTOR(fetch_opts, 1, PARSEOPT_MANY, "<uri> [args...]");
static const struct command_descriptor select_cmd =
	COMMAND_DESCRIPTOR(fetch_opts, 1, PARSEOPT_MANY, "<name|uri> [args...]");
static const struct command_descriptor extract_cmd =
	COMMAND_DESCRIPTOR(extract_opts, 1, 1, "<name|uri>");
static const struct command_descriptor shim_cmd =
	COMMAND_DESCRIPTOR(fetch_opts, 1, 1, "<uri|name>");
static const struct command_descriptor exec_cmd =
	COMMAND_DESCRIPTOR(exec_opts, 0, PARSEOPT_MANY, "[name|uri] [args...]");

/* The arguments after argv[first] as the image's command line; when
 * replace is false, no arguments leave the old one. */
static int set_args(struct image *image, int argc, char **argv, int first,
		    bool replace)
{
	char *cmdline;
	int rc;

	if (!replace && argc <= first + 1)
		return 0;
	cmdline = concat_args(argc - first - 1, argv + first + 1);
	if (!cmdline)
		return -ENOMEM;
	rc = image_set_cmdline(image, cmdline);
	free(cmdline);
	return rc;
}

static int fetch(const char *uri, const struct image_options *opts,
		 struct image **image)
{
	int rc = image_fetch_text(uri, opts->name, opts->timeout * 1000ULL,
				  image);

	if (rc == 0)
		(*image)->autofree = opts->autofree;
	return rc;
}

/* An image named argv[first] if there is one, else one fetched from that
 * URI; the arguments after it, if any, become its command line. */
static int find_or_fetch(int argc, char **argv, int first,
			 const struct image_options *opts, struct image **image)
{
	int rc;

	*image = find_image(argv[first]);
	if (*image) {
		if (opts->autofree)
			(*image)->autofree = true;
		return set_args(*image, argc, argv, first, false);
	}
	rc = fetch(argv[first], opts, image);
	if (rc == 0)
		rc = set_args(*image, argc, argv, first, true);
	return rc;
}

/* imgfetch, initrd: "[options] URI [args...]", fetched only. */
static int imgfetch_exec(int argc, char **argv)
{
	struct image_options opts = { 0 };
	struct image *image;
	int first = parse_options(argc, argv, &fetch_cmd, &opts);
	int rc;

	if (first <= 0)
		return first;
	rc = fetch(argv[first], &opts, &image);
	if (rc == 0)
		rc = set_args(image, argc, argv, first, true);
	return rc;
}

/* kernel, imgselect, imgload: the image named (or fetched) becomes the
 * one "boot" runs. */
static int imgselect_exec(int argc, char **argv)
{
	struct image_options opts = { 0 };
	struct image *image;
	int first = parse_options(argc, argv, &select_cmd, &opts);
	int rc;

	if (first <= 0)
		return first;
	rc = find_or_fetch(argc, argv, first, &opts, &image);
	if (rc == 0)
		image_select(image);
	return rc;
}

/* shim: the image named (or fetched) starts every EFI image run after
 * this, being handed it (Secure Boot with a distribution's chain of
 * trust: shim verifies it against the distribution's keys). */
static int shim_exec(int argc, char **argv)
{
	struct image_options opts = { 0 };
	struct image *image;
	int first = parse_options(argc, argv, &shim_cmd, &opts);
	int rc;

	if (first <= 0)
		return first;
	rc = find_or_fetch(argc, argv, first, &opts, &image);
	if (rc == 0)
		image_set_shim(image);
	return rc;
}

/* chain, imgexec, boot: the image named (or fetched), else the selected
 * one, is run; with --autofree it goes once it returns. */
static int imgexec_exec(int argc, char **argv)
{
	struct image_options opts = { 0 };
	struct image *image;
	int first = parse_options(argc, argv, &exec_cmd, &opts);
	int rc;

	if (first <= 0)
		return first;
	if (first < argc) {
		rc = find_or_fetch(argc, argv, first, &opts, &image);
		if (rc)
			return rc;
	} else {
		image = find_selected_image();
		if (!image) {
			printf("%s: no image selected (kernel or imgselect "
			       "first)\n", argv[0]);
			return -ENOENT;
		}
		if (opts.autofree)
			image->autofree = true;
	}
	return image_run(image);
}

/* imgextract: the image named (or fetched) decompressed into a new one;
 * the original goes unless --keep. */
static int imgextract_exec(int argc, char **argv)
{
	struct image_options opts = { 0 };
	struct image *image;
	int first = parse_options(argc, argv, &extract_cmd, &opts);
	const char *name;
	int rc;

	if (first <= 0)
		return first;
	/* --name names the result, not the image fetched. */
	name = opts.name;
	opts.name = NULL;
	rc = find_or_fetch(argc, argv, first, &opts, &image);
	if (rc)
		return rc;
	image_get(image);
	rc = image_extract(image, name, NULL);
	if (rc == 0 && !opts.keep)
		unregister_image(image);
	image_put(image);
	return rc;
}

static const struct command_descriptor imgargs_cmd =
	COMMAND_DESCRIPTOR_NO_OPTIONS(1, PARSEOPT_MANY, "<name> [args...]");

/* Replaces the image's command line (none: clears it). */
static int imgargs_exec(int argc, char **argv)
{
	struct image *image;
	int first = parse_options(argc, argv, &imgargs_cmd, NULL);

	if (first <= 0)
		return first;
	image = find_image(argv[first]);
	if (!image) {
		printf("%s: no such image\n", argv[first]);
		return -ENOENT;
	}
	return set_args(image, argc, argv, first, true);
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
		if (image->selected)
			printf(" [SELECTED]");
		if (image->trusted)
			printf(" [TRUSTED]");
		if (image->cmdline)
			printf(" \"%s\"", image->cmdline);
		printf("\n");
	}
	return 0;
}

COMMAND(imgfetch_command) = { .name = "imgfetch", .exec = imgfetch_exec };
/* The established language's other name for imgfetch. */
COMMAND(module_command) = { .name = "module", .exec = imgfetch_exec };
COMMAND(initrd_command) = { .name = "initrd", .exec = imgfetch_exec };
COMMAND(kernel_command) = { .name = "kernel", .exec = imgselect_exec };
COMMAND(imgselect_command) = { .name = "imgselect", .exec = imgselect_exec };
COMMAND(imgload_command) = { .name = "imgload", .exec = imgselect_exec };
COMMAND(chain_command) = { .name = "chain", .exec = imgexec_exec };
COMMAND(imgexec_command) = { .name = "imgexec", .exec = imgexec_exec };
COMMAND(boot_command) = { .name = "boot", .exec = imgexec_exec };
COMMAND(shim_command) = { .name = "shim", .exec = shim_exec };
COMMAND(imgargs_command) = { .name = "imgargs", .exec = imgargs_exec };
COMMAND(imgextract_command) = { .name = "imgextract", .exec = imgextract_exec };
COMMAND(imgfree_command) = { .name = "imgfree", .exec = imgfree_exec };
COMMAND(imgstat_command) = { .name = "imgstat", .exec = imgstat_exec };
