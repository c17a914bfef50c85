/* SPDX-License-Identifier: GPL-2.0-or-later */
/* "ping [--size N] [--timeout MS] [--count N] <host>" (see usr/pingmgmt.h). */

#include <stddef.h>
#include <usr/pingmgmt.h>
#include <wireboot/command.h>
#include <wireboot/parseopt.h>

PROVIDE_OBJECT(ping_cmd);

struct ping_options {
	unsigned int size;
	unsigned int timeout;
	unsigned int count;
};

static const struct option_descriptor ping_opts[] = {
	OPTION("size", 's', parseopt_integer, struct ping_options, size, "bytes"),
	OPTION("timeout", 't', parseopt_integer, struct ping_options, timeout,
	       "ms"),
	OPTION("count", 'c', parseopt_integer, struct ping_options, count, "n"),
};

static const struct command_descriptor ping_cmd =
	COMMAND_DESCRIPTOR(ping_opts, 1, 1, "<host>");

static int ping_exec(int argc, char **argv)
{
	/* As the established command: 64 bytes, a second, until Ctrl-C. */
	struct ping_options opts = { .size = 64, .timeout = 1000, .count = 0 };
	int first = parse_options(argc, argv, &ping_cmd, &opts);

	if (first <= 0)
		return first;
	return ping(argv[first], opts.timeout, opts.size, opts.count);
}

COMMAND(ping_command) = { .name = "ping", .exec = ping_exec };
