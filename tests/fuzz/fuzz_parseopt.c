/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/core/parseopt.c src/core/console.c src/core/vsprintf.c src/core/string.c src/core/strtoul.c
/* The command option parser on random argv: the input split at NUL bytes
 * into words, parsed once as a command with every kind of option and once
 * as a command whose arguments are data. Checked: the result is a valid
 * index whose positional count fits the descriptor, values point into
 * argv, and every failure printed something. */

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wireboot/console.h>
#include <wireboot/parseopt.h>
#include "firmware.h"

static size_t printed;

static void count_putchar(int c)
{
	(void)c;
	printed++;
}

CONSOLE_DRIVER(count_console) = { .name = "count", .putchar = count_putchar };

static int parse_even(const char *text, void *value)
{
	size_t len = strlen(text);

	if (len % 2)
		return -EDOM;
	*(size_t *)value = len;
	return 0;
}

static const struct parseopt_type even_type = { .name = "even", .parse = parse_even };

struct fuzz_options {
	const char *name;
	unsigned int number;
	bool a, b;
	size_t even;
};

static const struct option_descriptor fuzz_opts[] = {
	OPTION("name", 'n', wb_parseopt_string, struct fuzz_options, name, "name"),
	OPTION("number", 't', wb_parseopt_integer, struct fuzz_options, number, "n"),
	OPTION("all", 'a', wb_parseopt_flag, struct fuzz_options, a, NULL),
	OPTION(NULL, 'b', wb_parseopt_flag, struct fuzz_options, b, NULL),
	OPTION("even", 0, even_type, struct fuzz_options, even, "text"),
};

static void parse_checked(int argc, char **argv,
			  const struct command_descriptor *cmd,
			  const char *text, size_t size)
{
	struct fuzz_options opts = { 0 };
	int rc;

	printed = 0;
	rc = wb_parse_options(argc, argv, cmd, &opts);
	if (rc < 0 && !printed)
		abort();
	if (rc == 0 && !printed)	/* --help prints the usage */
		abort();
	if (rc > argc)
		abort();
	if (rc > 0) {
		unsigned count = (unsigned)(argc - rc);

		if (count < cmd->min_args || count > cmd->max_args)
			abort();
	}
	if (opts.name && (opts.name < text || opts.name > text + size))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct command_descriptor cmd =
		COMMAND_DESCRIPTOR(fuzz_opts, 1, 3, "<a> [b] [c]");
	static const struct command_descriptor data_cmd = {
		.options = fuzz_opts, .num_options = 4, .min_args = 0,
		.max_args = PARSEOPT_MANY, .unknown_is_positional = true,
	};
	char *text = malloc(size + 1), *argv[65];
	int argc = 1;
	size_t i;

	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	argv[0] = (char *)"fuzz";
	argv[argc++] = text;
	for (i = 0; i < size && argc < 64; i++) {
		if (text[i] == '\0')
			argv[argc++] = text + i + 1;
	}
	argv[argc] = NULL;
	parse_checked(argc, argv, &cmd, text, size);
	parse_checked(argc, argv, &data_cmd, text, size);
	free(text);
	return 0;
}
