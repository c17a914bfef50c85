/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The certificate store's commands: certstat, certstore <uri|image>,
 * certfree [fingerprint] (see usr/certmgmt.h). */

#include <usr/certmgmt.h>
#include <wireboot/command.h>
#include <wireboot/parseopt.h>

PROVIDE_OBJECT(cert_cmd);

static const struct command_descriptor certstat_cmd =
	COMMAND_DESCRIPTOR_NO_OPTIONS(0, 0, "");

static int certstat_exec(int argc, char **argv)
{
	int first = parse_options(argc, argv, &certstat_cmd, NULL);

	return first <= 0 ? first : certstat();
}

static const struct command_descriptor certstore_cmd =
	COMMAND_DESCRIPTOR_NO_OPTIONS(1, 1, "<uri|image>");

static int certstore_exec(int argc, char **argv)
{
	int first = parse_options(argc, argv, &certstore_cmd, NULL);

	return first <= 0 ? first : certstore_image(argv[first]);
}

static const struct command_descriptor certfree_cmd =
	COMMAND_DESCRIPTOR_NO_OPTIONS(0, 1, "[fingerprint]");

static int certfree_exec(int argc, char **argv)
{
	int first = parse_options(argc, argv, &certfree_cmd, NULL);

	if (first <= 0)
		return first;
	return certfree(first < argc ? argv[first] : NULL);
}

COMMAND(certstat_command) = { .name = "certstat", .exec = certstat_exec };
COMMAND(certstore_command) = { .name = "certstore", .exec = certstore_exec };
COMMAND(certfree_command) = { .name = "certfree", .exec = certfree_exec };
