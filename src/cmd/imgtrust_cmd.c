/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Signed images from scripts, in the established language: imgverify
 * checks an image's detached signature and marks it trusted; imgtrust
 * makes boot, chain and imgexec refuse images that are not (and
 * "imgtrust --allow" lets them run again, unless --permanent locked the
 * choice).
 */

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <usr/imgmgmt.h>
#include <usr/imgtrust.h>
#include <wireboot/command.h>
#include <wireboot/image.h>
#include <wireboot/parseopt.h>

PROVIDE_OBJECT(imgtrust_cmd);

struct imgverify_options {
	const char *signer;
	unsigned int timeout;	/* ms; 0: none */
	bool keep;
};

static const struct option_descriptor imgverify_opts[] = {
	OPTION("signer", 's', parseopt_string, struct imgverify_options,
	       signer, "name"),
	OPTION("keep", 'k', parseopt_flag, struct imgverify_options, keep,
	       NULL),
	OPTION("timeout", 't', parseopt_integer, struct imgverify_options,
	       timeout, "timeout"),
};

static const struct command_descriptor imgverify_cmd =
	COMMAND_DESCRIPTOR(imgverify_opts, 2, 2,
			   "<name|uri> <signature name|uri>");

/* A registered image by name, else one fetched from that URI; *image is
 * a reference of the caller's. */
static int find_or_fetch(const char *arg, unsigned int timeout_ms,
			 struct image **image)
{
	int rc;

	*image = find_image(arg);
	if (*image) {
		image_get(*image);
		return 0;
	}
	rc = image_fetch_text(arg, NULL, timeout_ms * 1000ULL, image);
	if (rc == 0)
		image_get(*image);
	return rc;
}

static int imgverify_exec(int argc, char **argv)
{
	struct imgverify_options opts = { 0 };
	struct image *image = NULL, *signature = NULL;
	int first = parse_options(argc, argv, &imgverify_cmd, &opts);
	int rc;

	if (first <= 0)
		return first;
	rc = find_or_fetch(argv[first], opts.timeout, &image);
	if (rc == 0)
		rc = find_or_fetch(argv[first + 1], opts.timeout, &signature);
	if (rc == 0)
		rc = imgverify(image, signature, opts.signer, opts.keep);
	image_put(signature);
	image_put(image);
	return rc;
}

struct imgtrust_options {
	bool allow;
	bool permanent;
};

static const struct option_descriptor imgtrust_opts[] = {
	OPTION("allow", 'a', parseopt_flag, struct imgtrust_options, allow,
	       NULL),
	OPTION("permanent", 'p', parseopt_flag, struct imgtrust_options,
	       permanent, NULL),
};

static const struct command_descriptor imgtrust_cmd =
	COMMAND_DESCRIPTOR(imgtrust_opts, 0, 0, "");

static int imgtrust_exec(int argc, char **argv)
{
	struct imgtrust_options opts = { 0 };
	int first = parse_options(argc, argv, &imgtrust_cmd, &opts);

	if (first <= 0)
		return first;
	return imgtrust(opts.allow, opts.permanent);
}

COMMAND(imgverify_command) = { .name = "imgverify", .exec = imgverify_exec };
COMMAND(imgtrust_command) = { .name = "imgtrust", .exec = imgtrust_exec };
