/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The script engine: runs what the parser (script_parse.c) finds. Words
 * are expanded with settings, commands looked up in the table and run
 * along "||" "&&" ";"; scripts run line by line with goto, exit, error
 * reports naming the line, and their arguments as ${0}..${9}. The
 * language is described in script.h.
 */

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wireboot/command.h>
#include <wireboot/error_name.h>
#include <wireboot/script.h>
#include <wireboot/script_parse.h>
#include <wireboot/settings.h>

TABLE_DEFINE(const struct command, commands);

/* ---- setting expansion ---------------------------------------------------- */

static int append_setting(const char *name, void *ctx __attribute__((unused)),
			  struct text *out)
{
	int len = fetchf_setting(name, NULL, 0);
	char *value;

	/* No such setting (or one that cannot be shown so): empty. */
	if (len <= 0)
		return 0;
	value = malloc((size_t)len + 1);
	if (!value)
		return -ENOMEM;
	fetchf_setting(name, value, (size_t)len + 1);
	text_append(out, value, strlen(value));
	free(value);
	return 0;
}

char *expand_settings(const char *text)
{
	int rc;

	return script_expand(text, append_setting, NULL, &rc);
}

/* ---- command lines -------------------------------------------------------- */

/* Where the running script is, for goto, exit, error messages and its
 * arguments. */
struct script_state {
	struct script_reader reader;
	const char *name;
	/* ${0}: the name, ${1}..${9}: its arguments (in args_text). */
	const char *args[SCRIPT_MAX_ARGS];
	char *args_text;
	bool exited;
	bool jumped;
};

static struct script_state *current_script;
/* Set by exit and goto: the rest of the command line is skipped. */
static bool line_stopped;
/* Set by exit outside any script (a line typed at the shell). */
static bool exit_requested;
/* The line's failure was an unknown command, already reported. */
static bool unknown_reported;

static const struct command *find_command(const char *name)
{
	const struct command *command;

	for_each_table_entry(command, commands) {
		if (strcmp(command->name, name) == 0)
			return command;
	}
	return NULL;
}

static int execute(int argc, char **argv)
{
	const struct command *command;

	if (argc == 0)
		return 0;
	command = find_command(argv[0]);
	if (!command) {
		if (current_script)
			printf("%s line %u: ", current_script->name,
			       current_script->reader.line);
		printf("%s: command not found\n", argv[0]);
		unknown_reported = true;
		return -ENOEXEC;
	}
	return command->exec(argc, argv);
}

static int expand_and_execute(int argc, char **words)
{
	char **argv = calloc((size_t)argc + 1, sizeof(*argv));
	int i, rc = 0;

	if (!argv)
		return -ENOMEM;
	for (i = 0; i < argc; i++) {
		argv[i] = expand_settings(words[i]);
		if (!argv[i]) {
			rc = -ENOMEM;
			break;
		}
	}
	if (rc == 0)
		rc = execute(argc, argv);
	for (i = 0; i < argc; i++)
		free(argv[i]);
	free(argv);
	return rc;
}

int system(const char *line)
{
	char *copy = strdup(line), **words;
	int count, start = 0, rc = 0;
	bool run = true;

	if (!copy)
		return -ENOMEM;
	count = script_split_words(copy, &words);
	if (count < 0) {
		free(copy);
		return count;
	}
	line_stopped = false;
	while (1) {
		enum script_separator separator;
		int argc = script_command_length(words + start, &separator);

		if (run)
			rc = expand_and_execute(argc, words + start);
		if (line_stopped || separator == SEP_END)
			break;
		run = separator == SEP_ALWAYS ||
		      (separator == SEP_OR ? rc != 0 : rc == 0);
		start += argc + 1;
	}
	free(words);
	free(copy);
	return rc;
}

/* ---- scripts ------------------------------------------------------------ */

/* "'command' failed: why"; a script's "exit N" is a status, not an
 * error. */
static void print_failed(const char *command, int rc)
{
	printf("'%s' failed: ", command);
	if (rc > 0)
		printf("exit status %d\n", rc);
	else
		printf("%s (%s)\n", strerror(rc), error_name(rc));
}

static void report_failure(const struct script_state *state,
			   const char *command, int rc)
{
	if (rc == -ENOEXEC && unknown_reported)
		return;
	printf("%s line %u: ", state->name, state->reader.line);
	print_failed(command, rc);
}

/* Splits args (a copy of it: state->args_text) into ${1}... */
static int set_arguments(struct script_state *state, const char *args)
{
	char **words;
	int count, i;

	state->args[0] = state->name;
	if (!args)
		return 0;
	state->args_text = strdup(args);
	if (!state->args_text)
		return -ENOMEM;
	count = script_split_words(state->args_text, &words);
	if (count < 0)
		return count;
	for (i = 0; i < count && i + 1 < SCRIPT_MAX_ARGS; i++)
		state->args[i + 1] = words[i];
	free(words);
	return 0;
}

int run_script_args(const char *text, size_t len, const char *name,
		    const char *args)
{
	struct script_state state = {
		.reader = { .text = text, .len = len, .next_line = 1 },
		.name = name,
	};
	struct script_state *outer = current_script;
	bool outer_line_stopped = line_stopped;
	int rc = set_arguments(&state, args);

	current_script = &state;
	while (!rc && !state.exited) {
		char *line = script_read_line(&state.reader, &rc), *label, *command;

		if (!line)
			break;
		command = script_split_label(line, &label);
		unknown_reported = false;
		rc = system(command);
		if (rc && !state.exited && !state.jumped)
			report_failure(&state, command, rc);
		free(line);
		if (rc && !state.exited && !state.jumped)
			break;
		if (state.jumped)
			rc = 0;
		state.jumped = false;
	}
	/* An exit or goto here ends this script, not the caller's line. */
	current_script = outer;
	line_stopped = outer_line_stopped;
	free(state.args_text);
	return rc;
}

int run_script(const char *text, size_t len, const char *name)
{
	return run_script_args(text, len, name, NULL);
}

void script_exit(void)
{
	line_stopped = true;
	if (current_script)
		current_script->exited = true;
	else
		exit_requested = true;
}

int system_interactive(const char *line, bool *exited)
{
	struct script_state *outer = current_script;
	bool outer_line_stopped = line_stopped, outer_exit = exit_requested;
	int rc;

	current_script = NULL;
	exit_requested = false;
	unknown_reported = false;
	rc = system(line);
	*exited = exit_requested;
	/* A shell in the shell: its exit is not the outer line's. */
	exit_requested = outer_exit;
	if (rc && !*exited && !(rc == -ENOEXEC && unknown_reported))
		print_failed(line, rc);
	current_script = outer;
	line_stopped = outer_line_stopped;
	return rc;
}

int script_goto(const char *label)
{
	struct script_state *state = current_script;
	struct script_reader search;
	int rc;

	if (!state)
		return -ENOTSUP;
	search = state->reader;
	search.next_offset = 0;
	search.next_line = 1;
	while (1) {
		size_t offset = search.next_offset;
		unsigned line_number = search.next_line;
		char *line = script_read_line(&search, &rc), *found;

		if (!line)
			return rc ? rc : -ENOENT;
		script_split_label(line, &found);
		if (found && strcmp(found, label) == 0) {
			free(line);
			state->reader.next_offset = offset;
			state->reader.next_line = line_number;
			state->jumped = true;
			line_stopped = true;
			return 0;
		}
		free(line);
	}
}

/* ---- the arguments as settings ${0}..${9} ------------------------------ */

/* The innermost running script's argument n, as a global setting: empty
 * when it was not given, so that ${3} in a script is never the DHCP
 * option of that number. */
static int fetch_argument(unsigned n, struct settings *block, void *buf,
			  size_t len)
{
	const char *arg;
	size_t arg_len;

	if (block != &global_settings || !current_script)
		return -ENOENT;
	arg = current_script->args[n] ? current_script->args[n] : "";
	arg_len = strlen(arg);
	if (len)
		memcpy(buf, arg, arg_len < len ? arg_len : len);
	return (int)arg_len;
}

#define SCRIPT_ARGUMENT(n) \
	static int fetch_argument_##n(struct settings *block, void *buf, \
				      size_t len) \
	{ \
		return fetch_argument(n, block, buf, len); \
	} \
	BUILTIN_SETTING(script_argument_##n) = { \
		.name = #n, .type = SETTING_STRING, \
		.fetch = fetch_argument_##n, \
	}
SCRIPT_ARGUMENT(0);
SCRIPT_ARGUMENT(1);
SCRIPT_ARGUMENT(2);
SCRIPT_ARGUMENT(3);
SCRIPT_ARGUMENT(4);
SCRIPT_ARGUMENT(5);
SCRIPT_ARGUMENT(6);
SCRIPT_ARGUMENT(7);
SCRIPT_ARGUMENT(8);
SCRIPT_ARGUMENT(9);

/* ---- helpers for commands --------------------------------------------- */

char *concat_args(int argc, char **argv)
{
	struct text out = { 0 };
	int i;

	for (i = 0; i < argc; i++) {
		if (i)
			text_append(&out, " ", 1);
		text_append(&out, argv[i], strlen(argv[i]));
	}
	return text_finish(&out);
}
