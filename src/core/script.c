/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The script engine: setting expansion, command lines (words, comments,
 * "||" "&&" ";") and scripts (lines, continuations, labels, goto, exit).
 * The language is described in script.h.
 */

#include <ctype.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wireboot/command.h>
#include <wireboot/error_name.h>
#include <wireboot/script.h>
#include <wireboot/settings.h>

TABLE_DEFINE(const struct command, commands);

/* ---- growing strings --------------------------------------------------- */

struct text {
	char *data;
	size_t len;
	size_t capacity;
	bool failed;	/* out of memory: further appends are dropped */
};

static void text_append(struct text *text, const char *data, size_t len)
{
	if (text->failed)
		return;
	if (text->len + len + 1 > text->capacity) {
		size_t capacity = (text->len + len + 1) * 2;
		char *grown = realloc(text->data, capacity);

		if (!grown) {
			text->failed = true;
			return;
		}
		text->data = grown;
		text->capacity = capacity;
	}
	memcpy(text->data + text->len, data, len);
	text->len += len;
	text->data[text->len] = '\0';
}

/* The finished string (malloc'd), or NULL if out of memory. */
static char *text_finish(struct text *text)
{
	text_append(text, "", 0);
	if (text->failed) {
		free(text->data);
		return NULL;
	}
	return text->data;
}

/* ---- setting expansion ---------------------------------------------------- */

static void append_setting(struct text *out, const char *name)
{
	int len = fetchf_setting(name, NULL, 0);
	char *value;

	if (len <= 0)
		return;
	value = malloc((size_t)len + 1);
	if (!value) {
		out->failed = true;
		return;
	}
	fetchf_setting(name, value, (size_t)len + 1);
	text_append(out, value, strlen(value));
	free(value);
}

/*
 * Expands text[start, end) into out. close[i] is the position of the '}'
 * that ends the "${" at i, or 0 when that "${" is unterminated (literal).
 */
static int expand_range(struct text *out, const char *text,
			const size_t *close, size_t start, size_t end,
			unsigned depth)
{
	size_t i = start;

	if (depth > SCRIPT_MAX_NESTING)
		return -E2BIG;
	while (i < end) {
		struct text name = { 0 };
		char *name_text;
		int rc;

		if (!close[i]) {
			size_t next = i + 1;
			/* Copy up to the next expansion in one piece. */
			while (next < end && !close[next])
				next++;
			text_append(out, text + i, next - i);
			i = next;
			continue;
		}
		rc = expand_range(&name, text, close, i + 2, close[i],
				  depth + 1);
		name_text = text_finish(&name);
		if (rc || !name_text) {
			free(name_text);
			return rc ? rc : -ENOMEM;
		}
		append_setting(out, name_text);
		free(name_text);
		i = close[i] + 1;
	}
	return 0;
}

char *expand_settings(const char *text)
{
	size_t len = strlen(text), i, depth = 0;
	size_t *close, *open;
	struct text out = { 0 };
	int rc;

	/* Pair each "${" with its '}' in one pass. */
	close = calloc(len + 1, sizeof(*close));
	open = calloc(len + 1, sizeof(*open));
	if (!close || !open) {
		free(close);
		free(open);
		return NULL;
	}
	for (i = 0; i < len; i++) {
		if (text[i] == '$' && text[i + 1] == '{') {
			open[depth++] = i;
			i++;
		} else if (text[i] == '}' && depth) {
			close[open[--depth]] = i;
		}
	}
	free(open);
	rc = expand_range(&out, text, close, 0, len, 0);
	free(close);
	if (rc) {
		free(out.data);
		return NULL;
	}
	return text_finish(&out);
}

/* ---- command lines -------------------------------------------------------- */

/* Where the running script is, for goto, exit and error messages. */
struct script_state {
	const char *text;
	size_t len;
	const char *name;
	size_t next_offset;	/* where the next line starts */
	unsigned next_line;	/* its line number */
	unsigned line;		/* the line running now */
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
			       current_script->line);
		printf("unknown command '%s'\n", argv[0]);
		unknown_reported = true;
		return -ENOEXEC;
	}
	return command->exec(argc, argv);
}

/* Splits line (modified in place) into words; returns their count. The
 * array has room for one more entry, which is set to NULL. */
static int split_words(char *line, char ***words)
{
	int count = 0, capacity = 8;
	char **list = malloc(sizeof(*list) * (size_t)capacity);

	if (!list)
		return -ENOMEM;
	while (1) {
		while (isspace((unsigned char)*line))
			*line++ = '\0';
		if (!*line)
			break;
		if (count + 1 >= capacity) {
			char **grown;

			capacity *= 2;
			grown = realloc(list, sizeof(*list) * (size_t)capacity);
			if (!grown) {
				free(list);
				return -ENOMEM;
			}
			list = grown;
		}
		list[count++] = line;
		while (*line && !isspace((unsigned char)*line))
			line++;
	}
	list[count] = NULL;
	*words = list;
	return count;
}

enum separator { SEP_END, SEP_OR, SEP_AND, SEP_ALWAYS };

/* Counts the words of the command at words[0] and says what ends it. */
static int command_length(char **words, enum separator *separator)
{
	int i;

	for (i = 0; words[i]; i++) {
		if (words[i][0] == '#')
			break;
		if (strcmp(words[i], "||") == 0) {
			*separator = SEP_OR;
			return i;
		}
		if (strcmp(words[i], "&&") == 0) {
			*separator = SEP_AND;
			return i;
		}
		if (strcmp(words[i], ";") == 0) {
			*separator = SEP_ALWAYS;
			return i;
		}
	}
	*separator = SEP_END;
	return i;
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
	count = split_words(copy, &words);
	if (count < 0) {
		free(copy);
		return count;
	}
	line_stopped = false;
	while (1) {
		enum separator separator;
		int argc = command_length(words + start, &separator);

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

/*
 * Reads the logical line at state->next_offset (joining continuations,
 * without line ends); returns it (malloc'd), or NULL at the end or on
 * ENOMEM (*rc says which).
 */
static char *read_line(struct script_state *state, int *rc)
{
	struct text line = { 0 };
	char *result;

	*rc = 0;
	if (state->next_offset >= state->len)
		return NULL;
	state->line = state->next_line;
	while (state->next_offset < state->len) {
		const char *start = state->text + state->next_offset;
		size_t left = state->len - state->next_offset;
		const char *newline = memchr(start, '\n', left);
		size_t len = newline ? (size_t)(newline - start) : left;
		bool continued;

		state->next_offset += len + (newline ? 1 : 0);
		state->next_line++;
		if (len && start[len - 1] == '\r')
			len--;
		continued = len && start[len - 1] == '\\';
		text_append(&line, start, continued ? len - 1 : len);
		if (!continued)
			break;
	}
	result = text_finish(&line);
	if (!result)
		*rc = -ENOMEM;
	return result;
}

/* Splits off a ":label" at the start of line; returns the command part. */
static char *split_label(char *line, char **label)
{
	char *p = line;

	*label = NULL;
	while (isspace((unsigned char)*p))
		p++;
	if (*p != ':')
		return p;
	*label = ++p;
	while (*p && !isspace((unsigned char)*p))
		p++;
	if (*p)
		*p++ = '\0';
	return p;
}

static void report_failure(const struct script_state *state,
			   const char *command, int rc)
{
	if (rc == -ENOEXEC && unknown_reported)
		return;
	printf("%s line %u: '%s' failed: %s (%s)\n", state->name, state->line,
	       command, strerror(rc), error_name(rc));
}

int run_script(const char *text, size_t len, const char *name)
{
	struct script_state state = {
		.text = text, .len = len, .name = name, .next_line = 1,
	};
	struct script_state *outer = current_script;
	bool outer_line_stopped = line_stopped;
	int rc = 0;

	current_script = &state;
	while (!state.exited) {
		char *line = read_line(&state, &rc), *label, *command;

		if (!line)
			break;
		command = split_label(line, &label);
		unknown_reported = false;
		rc = system(command);
		if (rc && !state.exited && !state.jumped)
			report_failure(&state, command, rc);
		free(line);
		if (rc && !state.exited && !state.jumped)
			break;
		state.jumped = false;
	}
	/* An exit or goto here ends this script, not the caller's line. */
	current_script = outer;
	line_stopped = outer_line_stopped;
	return rc;
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
		printf("'%s' failed: %s (%s)\n", line, strerror(rc),
		       error_name(rc));
	current_script = outer;
	line_stopped = outer_line_stopped;
	return rc;
}

int script_goto(const char *label)
{
	struct script_state *state = current_script;
	struct script_state search;
	int rc;

	if (!state)
		return -ENOTSUP;
	search = *state;
	search.next_offset = 0;
	search.next_line = 1;
	while (1) {
		size_t offset = search.next_offset;
		unsigned line_number = search.next_line;
		char *line = read_line(&search, &rc), *found;

		if (!line)
			return rc ? rc : -ENOENT;
		split_label(line, &found);
		if (found && strcmp(found, label) == 0) {
			free(line);
			state->next_offset = offset;
			state->next_line = line_number;
			state->jumped = true;
			line_stopped = true;
			return 0;
		}
		free(line);
	}
}

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
