/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WIREBOOT_PARSEOPT_H
#define WIREBOOT_PARSEOPT_H

/*
 * The one option parser of script commands. A command describes its
 * options in a table (long name, optional short letter, value type, where
 * the value goes in the command's options structure) and how many
 * positional arguments it takes; parse_options() walks argv, stores typed
 * values, and prints uniform errors that name the command:
 *
 *     imgfetch: unknown option --foo
 *     Usage: imgfetch [-n|--name <name>] <uri> [args...]
 *
 * Grammar (POSIX getopt with GNU long options):
 *   --name value, --name=value, -n value, -nvalue; flags combine: -ab;
 *   "--" ends the options; "-" alone is a positional argument;
 *   options stop at the first positional argument, so that what follows
 *   an image's URI (a kernel command line: "console=ttyS0 -v") or a
 *   setting's value is never taken for an option;
 *   "--help" prints the usage generated from the table.
 *
 * Value types are small objects (struct parseopt_type): a string, an
 * unsigned integer, a flag, or any type the command supplies (a network
 * device, a setting name) with its own parse function.
 */

#include <stdbool.h>
#include <stddef.h>

struct parseopt_type {
	/* What a value is, for messages: "integer", "network device". */
	const char *name;
	/* A flag takes no value: parse is called with text NULL. */
	bool no_value;
	/* Converts text into *value (the field of the options structure);
	 * returns 0 or a negative error. */
	int (*parse)(const char *text, void *value);
};

/* const char * */
extern const struct parseopt_type parseopt_string;
/* unsigned int: decimal, 0x hexadecimal or 0 octal, no sign, no spaces */
extern const struct parseopt_type parseopt_integer;
/* bool, set to true when the option is present */
extern const struct parseopt_type parseopt_flag;

struct option_descriptor {
	/* Long name without "--"; NULL for a short-only option. */
	const char *name;
	/* Short letter, or 0 for a long-only option. */
	char short_name;
	const struct parseopt_type *type;
	/* Offset of the value in the options structure. */
	size_t offset;
	/* Name of the value in usage lines ("name" prints "<name>"). */
	const char *value_name;
};

#define OPTION(long_name, letter, value_type, options_type, field, value) { \
	.name = (long_name), .short_name = (letter), .type = &(value_type), \
	.offset = offsetof(options_type, field), .value_name = (value) }

/* No upper limit on positional arguments. */
#define PARSEOPT_MANY (~0u)

struct command_descriptor {
	const struct option_descriptor *options;
	unsigned num_options;
	unsigned min_args, max_args;
	/* The positional part of the usage line: "<uri> [args...]". */
	const char *args_usage;
	/* For commands whose arguments are data (echo, iseq): an unknown
	 * option is the first positional argument instead of an error. */
	bool unknown_is_positional;
};

#define COMMAND_DESCRIPTOR(option_table, min, max, usage) { \
	.options = (option_table), .num_options = sizeof(option_table) / \
	sizeof((option_table)[0]), .min_args = (min), .max_args = (max), \
	.args_usage = (usage) }
#define COMMAND_DESCRIPTOR_NO_OPTIONS(min, max, usage) { \
	.min_args = (min), .max_args = (max), .args_usage = (usage) }

/*
 * Parses argv[1..argc-1] (argv[0] names the command in messages) into opts,
 * whose fields keep what the caller put there unless an option sets them.
 * Returns the index of the first positional argument (>= 1); 0 when
 * "--help" printed the usage (the command then returns 0); a negative
 * error after printing what was wrong and the usage.
 */
int parse_options(int argc, char **argv, const struct command_descriptor *cmd,
		  void *opts);

/* Prints "Usage: <name> <options> <positional usage>". */
void print_usage(const char *name, const struct command_descriptor *cmd);

/* The integer type's rules for a positional argument; 0 or -EINVAL. */
int parse_integer(const char *text, unsigned int *value);

#endif
