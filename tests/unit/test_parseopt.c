/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/core/parseopt.c src/core/console.c src/core/vsprintf.c src/core/string.c src/core/strtoul.c
/*
 * The command option parser: every way to write an option and its value,
 * typed values (string, integer, flag, a caller's type), positional
 * counts, "--", "--help", and bad input: unknown options, missing values,
 * bad integers, too many or too few arguments. What the parser prints is
 * captured from a console and compared whole.
 */

#include <errno.h>
#include <stdbool.h>
#include <string.h>
#include <wireboot/console.h>
#include <wireboot/parseopt.h>
#include "firmware.h"
#include "unit.h"

static char output[2048];

static void capture_putchar(int c)
{
	size_t len = strlen(output);

	if (len + 1 < sizeof(output)) {
		output[len] = (char)c;
		output[len + 1] = '\0';
	}
}

CONSOLE_DRIVER(capture_console) = { .name = "capture", .putchar = capture_putchar };

/* A caller's type: network devices "net0" and "net1" exist. */
static int parse_netdev(const char *text, void *value)
{
	if (strcmp(text, "net0") != 0 && strcmp(text, "net1") != 0)
		return -ENODEV;
	*(int *)value = text[3] - '0';
	return 0;
}

static const struct parseopt_type netdev_type = {
	.name = "network device", .parse = parse_netdev,
};

struct test_options {
	const char *name;
	unsigned int timeout;
	bool verbose, quiet, keep;
	int netdev;
};

static const struct option_descriptor test_opts[] = {
	OPTION("name", 'n', wb_parseopt_string, struct test_options, name, "name"),
	OPTION("timeout", 't', wb_parseopt_integer, struct test_options, timeout, "ms"),
	OPTION("verbose", 'v', wb_parseopt_flag, struct test_options, verbose, NULL),
	OPTION(NULL, 'q', wb_parseopt_flag, struct test_options, quiet, NULL),
	OPTION("keep", 0, wb_parseopt_flag, struct test_options, keep, NULL),
	OPTION("dev", 0, netdev_type, struct test_options, netdev, "netX"),
};

static const struct command_descriptor test_cmd =
	COMMAND_DESCRIPTOR(test_opts, 1, 2, "<uri> [arg]");

#define USAGE "Usage: fetch [-n|--name <name>] [-t|--timeout <ms>] [-v|--verbose] " \
	"[-q] [--keep] [--dev <netX>] <uri> [arg]\n"

static struct test_options opts;
static int rc;

/* Parses the words (argv[0] is "fetch"); defaults: timeout 7. */
static int parse_cmd(const struct command_descriptor *cmd, const char *words)
{
	static char buf[512];
	char *argv[32];
	int argc = 0;

	memset(&opts, 0, sizeof(opts));
	opts.timeout = 7;
	opts.netdev = -1;
	output[0] = '\0';
	snprintf(buf, sizeof(buf), "fetch%s%s", words[0] ? " " : "", words);
	for (char *word = strtok(buf, " "); word && argc < 31; word = strtok(NULL, " "))
		argv[argc++] = strcmp(word, "''") == 0 ? (char *)"" : word;
	argv[argc] = NULL;
	rc = wb_parse_options(argc, argv, cmd, &opts);
	return rc;
}

static int parse(const char *words)
{
	return parse_cmd(&test_cmd, words);
}

static void test_values(void)
{
	CHECK_INT(parse("-n foo uri"), 3);
	CHECK_STR(opts.name, "foo");
	CHECK_STR(output, "");
	CHECK_INT(parse("--name foo uri"), 3);
	CHECK_STR(opts.name, "foo");
	CHECK_INT(parse("--name=foo uri"), 2);
	CHECK_STR(opts.name, "foo");
	CHECK_INT(parse("-nfoo uri"), 2);
	CHECK_STR(opts.name, "foo");
	/* An empty value is a value. */
	CHECK_INT(parse("--name= uri"), 2);
	CHECK_STR(opts.name, "");
	/* The value may look like an option. */
	CHECK_INT(parse("-n -v uri"), 3);
	CHECK_STR(opts.name, "-v");
	CHECK(!opts.verbose);

	CHECK_INT(parse("uri"), 1);
	CHECK_INT(opts.timeout, 7);		/* the default stays */
	CHECK(opts.name == NULL);
	CHECK_INT(parse("-t 10 uri"), 3);
	CHECK_INT(opts.timeout, 10);
	CHECK_INT(parse("--timeout=0x10 uri"), 2);
	CHECK_INT(opts.timeout, 16);
	CHECK_INT(parse("-t010 uri"), 2);
	CHECK_INT(opts.timeout, 8);
	CHECK_INT(parse("-t 4294967295 uri"), 3);
	CHECK_INT(opts.timeout, 4294967295u);

	/* Flags, alone and combined, the last letter with a value. */
	CHECK_INT(parse("-v -q --keep uri"), 4);
	CHECK(opts.verbose && opts.quiet && opts.keep);
	CHECK_INT(parse("-vq uri"), 2);
	CHECK(opts.verbose && opts.quiet && !opts.keep);
	CHECK_INT(parse("-qvn foo uri"), 3);
	CHECK(opts.verbose && opts.quiet);
	CHECK_STR(opts.name, "foo");
	CHECK_INT(parse("-vt5 uri"), 2);
	CHECK_INT(opts.timeout, 5);

	/* The caller's type. */
	CHECK_INT(parse("--dev net1 uri"), 3);
	CHECK_INT(opts.netdev, 1);
	CHECK_INT(parse("--dev net9 uri"), -ENODEV);
	CHECK_STR(output, "fetch: invalid network device 'net9' for --dev\n" USAGE);
}

static void test_positionals(void)
{
	/* Options end at the first positional argument... */
	CHECK_INT(parse("uri -v"), 1);
	CHECK(!opts.verbose);
	/* ...or at "--", which is not an argument itself. */
	CHECK_INT(parse("-v -- -q"), 3);
	CHECK(opts.verbose && !opts.quiet);
	CHECK_INT(parse("-- --help"), 2);
	CHECK_STR(output, "");
	/* "-" and "" are arguments. */
	CHECK_INT(parse("- x"), 1);
	CHECK_INT(parse("''"), 1);

	CHECK_INT(parse(""), -EINVAL);
	CHECK_STR(output, "fetch: missing argument\n" USAGE);
	CHECK_INT(parse("-v"), -EINVAL);
	CHECK_STR(output, "fetch: missing argument\n" USAGE);
	CHECK_INT(parse("--"), -EINVAL);
	CHECK_INT(parse("a b c"), -EINVAL);
	CHECK_STR(output, "fetch: too many arguments\n" USAGE);
	CHECK_INT(parse("-v a b"), 2);

	static const struct command_descriptor none =
		COMMAND_DESCRIPTOR_NO_OPTIONS(0, 0, "");
	CHECK_INT(parse_cmd(&none, ""), 1);
	CHECK_INT(parse_cmd(&none, "x"), -EINVAL);
	CHECK_STR(output, "fetch: too many arguments\nUsage: fetch\n");
	CHECK_INT(parse_cmd(&none, "-v"), -EINVAL);
	CHECK_STR(output, "fetch: unknown option -v\nUsage: fetch\n");
	static const struct command_descriptor many =
		COMMAND_DESCRIPTOR_NO_OPTIONS(0, PARSEOPT_MANY, "[x...]");
	CHECK_INT(parse_cmd(&many, "a b c d e f g h i j k l m n o p"), 1);
}

static void test_errors(void)
{
	CHECK_INT(parse("--foo uri"), -EINVAL);
	CHECK_STR(output, "fetch: unknown option --foo\n" USAGE);
	CHECK_INT(parse("--foo=bar uri"), -EINVAL);
	CHECK_STR(output, "fetch: unknown option --foo\n" USAGE);
	CHECK_INT(parse("-x uri"), -EINVAL);
	CHECK_STR(output, "fetch: unknown option -x\n" USAGE);
	CHECK_INT(parse("-vx uri"), -EINVAL);
	CHECK_STR(output, "fetch: unknown option -x\n" USAGE);
	/* A long name must match whole. */
	CHECK_INT(parse("--nam x uri"), -EINVAL);
	CHECK_INT(parse("--names x uri"), -EINVAL);
	CHECK_INT(parse("--- uri"), -EINVAL);
	CHECK_STR(output, "fetch: unknown option --\x2d\n" USAGE);

	CHECK_INT(parse("--name"), -EINVAL);
	CHECK_STR(output, "fetch: option --name needs a value\n" USAGE);
	CHECK_INT(parse("uri -n"), 1);		/* after the URI: an argument */
	CHECK_INT(parse("-vn"), -EINVAL);
	CHECK_STR(output, "fetch: option -n needs a value\n" USAGE);
	CHECK_INT(parse("--verbose=yes uri"), -EINVAL);
	CHECK_STR(output, "fetch: option --verbose takes no value\n" USAGE);

	static const char *const bad[] = {
		"abc", "10x", "-1", "+1", "0x", "99999999999", "18446744073709551617",
	};
	char words[64], want[256];
	for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		snprintf(words, sizeof(words), "--timeout %s uri", bad[i]);
		CHECK_INT(parse(words), -EINVAL);
		snprintf(want, sizeof(want),
			 "fetch: invalid integer '%s' for --timeout\n" USAGE, bad[i]);
		CHECK_STR(output, want);
		CHECK_INT(opts.timeout, 7);
	}
	CHECK_INT(parse("-t '' uri"), -EINVAL);
	CHECK_STR(output, "fetch: invalid integer '' for -t\n" USAGE);

	unsigned int value = 3;
	CHECK_INT(wb_parse_integer(" 1", &value), -EINVAL);
	CHECK_INT(wb_parse_integer("255", &value), 0);
	CHECK_INT(value, 255);
}

static void test_help(void)
{
	CHECK_INT(parse("--help"), 0);
	CHECK_STR(output, USAGE);
	/* --help wins over what would be an error after it. */
	CHECK_INT(parse("-v --help --foo"), 0);
	CHECK_STR(output, USAGE);
	CHECK_INT(parse("uri --help"), 1);
	CHECK_STR(output, "");
}

/* Commands whose arguments are data: unknown options are arguments. */
static void test_data_arguments(void)
{
	static const struct command_descriptor echo = {
		.options = test_opts, .num_options = 5, .min_args = 0,
		.max_args = PARSEOPT_MANY, .args_usage = "[text...]",
		.unknown_is_positional = true,
	};

	CHECK_INT(parse_cmd(&echo, "-x a"), 1);
	CHECK_INT(parse_cmd(&echo, "-q -x"), 2);
	CHECK(opts.quiet);
	/* A word with an unknown letter stays whole, unparsed. */
	CHECK_INT(parse_cmd(&echo, "-qx"), 1);
	CHECK(!opts.quiet);
	CHECK_INT(parse_cmd(&echo, "-1"), 1);
	CHECK_INT(parse_cmd(&echo, "--foo bar"), 1);
	CHECK_STR(output, "");
	/* Known options still parse and fail as usual. */
	CHECK_INT(parse_cmd(&echo, "-vn"), -EINVAL);
	CHECK_INT(parse_cmd(&echo, "--name"), -EINVAL);
	CHECK_INT(parse_cmd(&echo, "-qn x y"), 3);
	CHECK_STR(opts.name, "x");
}

int main(void)
{
	test_values();
	test_positionals();
	test_errors();
	test_help();
	test_data_arguments();
	return unit_finish();
}
