/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The command option parser (see wireboot/parseopt.h). One pass over argv,
 * no state outside the call and no allocation: argv is only read, values
 * point into it. Every failure prints one line naming the command and what
 * was wrong, then the usage line, and returns a negative error, so that all
 * commands fail alike and scripts can rely on "||".
 */

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wireboot/parseopt.h>

static int parse_string_value(const char *text, void *value)
{
	*(const char **)value = text;
	return 0;
}

int parse_integer(const char *text, unsigned int *value)
{
	unsigned long parsed;
	char *end;

	/* strtoul would accept leading spaces, a sign and saturate. */
	if (text[0] < '0' || text[0] > '9')
		return -EINVAL;
	parsed = strtoul(text, &end, 0);
	if (*end || parsed > UINT_MAX)
		return -EINVAL;
	*value = (unsigned int)parsed;
	return 0;
}

static int parse_integer_value(const char *text, void *value)
{
	return parse_integer(text, value);
}

static int parse_flag_value(const char *text __attribute__((unused)), void *value)
{
	*(bool *)value = true;
	return 0;
}

const struct parseopt_type parseopt_string = {
	.name = "string", .parse = parse_string_value,
};
const struct parseopt_type parseopt_integer = {
	.name = "integer", .parse = parse_integer_value,
};
const struct parseopt_type parseopt_flag = {
	.name = "flag", .no_value = true, .parse = parse_flag_value,
};

static void print_option(const struct option_descriptor *option)
{
	printf(" [");
	if (option->short_name)
		printf("-%c%s", option->short_name, option->name ? "|" : "");
	if (option->name)
		printf("--%s", option->name);
	if (!option->type->no_value)
		printf(" <%s>", option->value_name ? option->value_name : "value");
	printf("]");
}

void print_usage(const char *name, const struct command_descriptor *cmd)
{
	unsigned i;

	printf("Usage: %s", name);
	for (i = 0; i < cmd->num_options; i++)
		print_option(&cmd->options[i]);
	if (cmd->args_usage && cmd->args_usage[0])
		printf(" %s", cmd->args_usage);
	printf("\n");
}

/* "--name" or "-n", the way the user wrote it, for messages. */
static void option_label(const struct option_descriptor *option, bool as_long,
			 char *buf, size_t len)
{
	if (as_long)
		snprintf(buf, len, "--%s", option->name);
	else
		snprintf(buf, len, "-%c", option->short_name);
}

static int usage_error(const char *name, const struct command_descriptor *cmd)
{
	print_usage(name, cmd);
	return -EINVAL;
}

static const struct option_descriptor *
find_long(const struct command_descriptor *cmd, const char *name, size_t len)
{
	unsigned i;

	for (i = 0; i < cmd->num_options; i++) {
		const char *candidate = cmd->options[i].name;

		if (candidate && strlen(candidate) == len &&
		    memcmp(candidate, name, len) == 0)
			return &cmd->options[i];
	}
	return NULL;
}

static const struct option_descriptor *
find_short(const struct command_descriptor *cmd, char letter)
{
	unsigned i;

	for (i = 0; i < cmd->num_options; i++) {
		if (cmd->options[i].short_name == letter)
			return &cmd->options[i];
	}
	return NULL;
}

static int store_value(const char *name, const struct command_descriptor *cmd,
		       const struct option_descriptor *option, bool as_long,
		       const char *text, void *opts)
{
	char label[40];
	int rc;

	rc = option->type->parse(text, (char *)opts + option->offset);
	if (rc == 0)
		return 0;
	option_label(option, as_long, label, sizeof(label));
	printf("%s: invalid %s '%s' for %s\n", name, option->type->name,
	       text ? text : "", label);
	print_usage(name, cmd);
	return rc;
}

/* A value that follows the option: attached (--name=v, -nv) or the next
 * word. Sets *consumed when the next word was used. */
static int option_value(const char *name, const struct command_descriptor *cmd,
			const struct option_descriptor *option, bool as_long,
			const char *attached, const char *next, bool *consumed,
			void *opts)
{
	char label[40];

	option_label(option, as_long, label, sizeof(label));
	if (option->type->no_value) {
		if (attached) {
			printf("%s: option %s takes no value\n", name, label);
			return usage_error(name, cmd);
		}
		return store_value(name, cmd, option, as_long, NULL, opts);
	}
	if (!attached) {
		if (!next) {
			printf("%s: option %s needs a value\n", name, label);
			return usage_error(name, cmd);
		}
		attached = next;
		*consumed = true;
	}
	return store_value(name, cmd, option, as_long, attached, opts);
}

/* One "--long[=value]" word; returns 1 when it was not an option of ours
 * and unknown options are positional, 0 when parsed, or an error. */
static int parse_long(const char *name, const struct command_descriptor *cmd,
		      const char *word, const char *next, bool *consumed,
		      void *opts)
{
	const char *long_name = word + 2, *equals = strchr(long_name, '=');
	size_t len = equals ? (size_t)(equals - long_name) : strlen(long_name);
	const struct option_descriptor *option = find_long(cmd, long_name, len);

	if (!option) {
		if (cmd->unknown_is_positional)
			return 1;
		printf("%s: unknown option --%.*s\n", name, (int)len, long_name);
		return usage_error(name, cmd);
	}
	return option_value(name, cmd, option, true, equals ? equals + 1 : NULL,
			    next, consumed, opts);
}

/* One "-abc" word: flags, the last of which may take a value. */
static int parse_short(const char *name, const struct command_descriptor *cmd,
		       const char *word, const char *next, bool *consumed,
		       void *opts)
{
	const char *letter;
	int rc;

	/* A data word such as "-1" must not be half consumed. */
	if (cmd->unknown_is_positional) {
		for (letter = word + 1; *letter; letter++) {
			const struct option_descriptor *option =
				find_short(cmd, *letter);

			if (!option)
				return 1;
			if (!option->type->no_value)
				break;
		}
	}
	for (letter = word + 1; *letter; letter++) {
		const struct option_descriptor *option = find_short(cmd, *letter);

		if (!option) {
			printf("%s: unknown option -%c\n", name, *letter);
			return usage_error(name, cmd);
		}
		if (!option->type->no_value) {
			return option_value(name, cmd, option, false,
					    letter[1] ? letter + 1 : NULL, next,
					    consumed, opts);
		}
		rc = store_value(name, cmd, option, false, NULL, opts);
		if (rc)
			return rc;
	}
	return 0;
}

int parse_options(int argc, char **argv, const struct command_descriptor *cmd,
		  void *opts)
{
	const char *name = argv[0];
	unsigned count;
	int i, rc;

	if (argc < 1)
		return -EINVAL;
	for (i = 1; i < argc; i++) {
		const char *word = argv[i];
		const char *next = i + 1 < argc ? argv[i + 1] : NULL;
		bool consumed = false;

		if (word[0] != '-' || word[1] == '\0')
			break;
		if (strcmp(word, "--") == 0) {
			i++;
			break;
		}
		if (strcmp(word, "--help") == 0) {
			print_usage(name, cmd);
			return 0;
		}
		if (word[1] == '-')
			rc = parse_long(name, cmd, word, next, &consumed, opts);
		else
			rc = parse_short(name, cmd, word, next, &consumed, opts);
		if (rc < 0)
			return rc;
		if (rc > 0)
			break;
		if (consumed)
			i++;
	}
	count = (unsigned)(argc - i);
	if (count < cmd->min_args) {
		printf("%s: missing argument\n", name);
		return usage_error(name, cmd);
	}
	if (count > cmd->max_args) {
		printf("%s: too many arguments\n", name);
		return usage_error(name, cmd);
	}
	return i;
}
