/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The script language's parser (see script_parse.h): lines, labels, words,
 * separators and ${...} expansion. It knows no command and no setting:
 * expansion asks a lookup function for each name, so the whole grammar is
 * tested and fuzzed without the firmware around it.
 *
 * The established language has no quoting: words are split at whitespace
 * only, and quotes and backslashes are ordinary characters, so that a
 * kernel command line (console="ttyS0") reaches the kernel untouched.
 * Expansion happens after splitting, so a value with spaces stays one
 * word.
 */

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <wireboot/script_parse.h>

void text_append(struct text *text, const char *data, size_t len)
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

char *text_finish(struct text *text)
{
	text_append(text, "", 0);
	if (text->failed) {
		free(text->data);
		return NULL;
	}
	return text->data;
}

/* ---- expansion ------------------------------------------------------------ */

struct expansion {
	const char *text;
	/* close[i]: where the '}' that ends the "${" at i is, 0 when that
	 * "${" is unterminated (and so literal) or there is none at i. */
	const size_t *close;
	script_lookup_fn lookup;
	void *ctx;
};

static int expand_range(const struct expansion *exp, struct text *out,
			size_t start, size_t end, unsigned depth)
{
	size_t i = start;

	if (depth > SCRIPT_MAX_NESTING)
		return -E2BIG;
	while (i < end) {
		struct text name = { 0 };
		char *name_text;
		int rc;

		if (!exp->close[i]) {
			size_t next = i + 1;

			/* Copy up to the next expansion in one piece. */
			while (next < end && !exp->close[next])
				next++;
			text_append(out, exp->text + i, next - i);
			i = next;
			continue;
		}
		rc = expand_range(exp, &name, i + 2, exp->close[i], depth + 1);
		name_text = text_finish(&name);
		if (rc || !name_text) {
			free(name_text);
			return rc ? rc : -ENOMEM;
		}
		rc = exp->lookup(name_text, exp->ctx, out);
		free(name_text);
		if (rc)
			return rc;
		i = exp->close[i] + 1;
	}
	return out->failed ? -ENOMEM : 0;
}

char *script_expand(const char *text, script_lookup_fn lookup, void *ctx,
		    int *rc)
{
	size_t len = strlen(text), i, depth = 0;
	size_t *close, *open;
	struct text out = { 0 };
	struct expansion exp = { .text = text, .lookup = lookup, .ctx = ctx };
	char *result;

	/* Pair each "${" with its '}' in one pass. */
	close = calloc(len + 1, sizeof(*close));
	open = calloc(len + 1, sizeof(*open));
	if (!close || !open) {
		free(close);
		free(open);
		*rc = -ENOMEM;
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
	exp.close = close;
	*rc = expand_range(&exp, &out, 0, len, 0);
	free(close);
	if (*rc) {
		free(out.data);
		return NULL;
	}
	result = text_finish(&out);
	if (!result)
		*rc = -ENOMEM;
	return result;
}

/* ---- command lines -------------------------------------------------------- */

int script_split_words(char *line, char ***words)
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

int script_command_length(char **words, enum script_separator *separator)
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

/* ---- scripts -------------------------------------------------------------- */

char *script_read_line(struct script_reader *reader, int *rc)
{
	struct text line = { 0 };
	char *result;

	*rc = 0;
	if (reader->next_offset >= reader->len)
		return NULL;
	reader->line = reader->next_line;
	while (reader->next_offset < reader->len) {
		const char *start = reader->text + reader->next_offset;
		size_t left = reader->len - reader->next_offset;
		const char *newline = memchr(start, '\n', left);
		size_t len = newline ? (size_t)(newline - start) : left;
		bool continued;

		reader->next_offset += len + (newline ? 1 : 0);
		reader->next_line++;
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

char *script_split_label(char *line, char **label)
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
