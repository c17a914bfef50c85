/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Asking the person at the console: prompt, read, login (see
 * usr/readline.h). */

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <usr/jobwait.h>
#include <usr/readline.h>
#include <wireboot/command.h>
#include <wireboot/console.h>
#include <wireboot/error_name.h>
#include <wireboot/keys.h>
#include <wireboot/parseopt.h>
#include <wireboot/settings.h>

PROVIDE_OBJECT(input_cmd);

struct prompt_options {
	int key;
	unsigned int timeout_ms;
};

static const struct option_descriptor prompt_opts[] = {
	OPTION("key", 'k', parseopt_key, struct prompt_options, key, "key"),
	OPTION("timeout", 't', parseopt_integer, struct prompt_options,
	       timeout_ms, "ms"),
};
static const struct command_descriptor prompt_cmd =
	COMMAND_DESCRIPTOR(prompt_opts, 0, PARSEOPT_MANY, "[text...]");

/* Shows the text and waits for a key: any key succeeds, or with --key
 * only that one (another fails); the timeout fails. The text goes away
 * afterwards, as the established language does it. */
static int prompt_exec(int argc, char **argv)
{
	struct prompt_options opts = { 0 };
	int first = parse_options(argc, argv, &prompt_cmd, &opts);
	char *text;
	int key;

	if (first <= 0)
		return first;
	text = concat_args(argc - first, argv + first);
	if (!text)
		return -ENOMEM;
	printf("%s", text);
	free(text);
	key = key_wait((uint64_t)opts.timeout_ms * 1000);
	putchar('\r');
	console_clear_to_eol();
	if (key < 0)
		return key;
	return !opts.key || key == opts.key ? 0 : -ECANCELED;
}

/* Edits the value of setting name (from its current one) and stores it. */
static int edit_setting(const char *command, const char *prompt,
			const char *name, bool hidden, unsigned timeout_ms)
{
	struct readline_options opts = {
		.hidden = hidden, .timeout_us = (uint64_t)timeout_ms * 1000,
	};
	char current[EDITLINE_MAX + 1] = "", *line;
	int rc;

	if (!hidden)
		fetchf_setting(name, current, sizeof(current));
	opts.initial = current;
	rc = readline(prompt, &opts, &line);
	if (rc)
		return rc;
	rc = storef_setting(name, line);
	free(line);
	if (rc)
		printf("%s: could not set %s: %s (%s)\n", command, name,
		       strerror(rc), error_name(rc));
	return rc;
}

struct read_options {
	unsigned int timeout_ms;
};

static const struct option_descriptor read_opts[] = {
	OPTION("timeout", 't', parseopt_integer, struct read_options,
	       timeout_ms, "ms"),
};
static const struct command_descriptor read_cmd =
	COMMAND_DESCRIPTOR(read_opts, 1, 1, "<setting>");

/* Fails when no key comes within the timeout. */
static int read_exec(int argc, char **argv)
{
	struct read_options opts = { 0 };
	int first = parse_options(argc, argv, &read_cmd, &opts);

	if (first <= 0)
		return first;
	return edit_setting(argv[0], "", argv[first], false, opts.timeout_ms);
}

static const struct command_descriptor login_cmd =
	COMMAND_DESCRIPTOR_NO_OPTIONS(0, 0, "");

/* The "username" and "password" settings, the password not shown. */
static int login_exec(int argc, char **argv)
{
	int first = parse_options(argc, argv, &login_cmd, NULL);
	int rc;

	if (first <= 0)
		return first;
	rc = edit_setting(argv[0], "Username: ", "username", false, 0);
	if (rc == 0)
		rc = edit_setting(argv[0], "Password: ", "password", true, 0);
	return rc;
}

COMMAND(prompt_command) = { .name = "prompt", .exec = prompt_exec };
COMMAND(read_command) = { .name = "read", .exec = read_exec };
COMMAND(login_command) = { .name = "login", .exec = login_exec };
