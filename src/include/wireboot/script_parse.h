/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WIREBOOT_SCRIPT_PARSE_H
#define WIREBOOT_SCRIPT_PARSE_H

/*
 * The pure part of the script language (see script.h for the language):
 * reading logical lines, labels, words, separators and ${...} expansion,
 * with no commands and no settings, so that every piece can be tested and
 * fuzzed on its own. script.c runs what these functions find.
 */

#include <stdbool.h>
#include <stddef.h>

/* A growing string; after an allocation failure further appends are
 * dropped and text_finish() returns NULL. */
struct text {
	char *data;
	size_t len;
	size_t capacity;
	bool failed;
};
void text_append(struct text *text, const char *data, size_t len);
/* The finished string (malloc'd, "" when empty), or NULL if out of memory. */
char *text_finish(struct text *text);

/*
 * Expands ${name} in text: lookup(name, ctx, out) appends the value of
 * name (already expanded itself, so ${net${i}/ip} works) to out, or
 * nothing when there is none; it returns 0 or a negative error, which ends
 * the expansion. Returns a new string, or NULL on an error (*rc says
 * which: -E2BIG beyond SCRIPT_MAX_NESTING levels, -ENOMEM, the lookup's).
 * An unterminated "${" is kept literally.
 */
#define SCRIPT_MAX_NESTING 16
typedef int (*script_lookup_fn)(const char *name, void *ctx, struct text *out);
char *script_expand(const char *text, script_lookup_fn lookup, void *ctx,
		    int *rc);

/* Splits line (modified in place) at whitespace; *words gets the words
 * (malloc'd array with a NULL after the last). Returns the count or
 * -ENOMEM. */
int script_split_words(char *line, char ***words);

enum script_separator { SEP_END, SEP_OR, SEP_AND, SEP_ALWAYS };
/* The number of words of the command starting at words[0], up to "||",
 * "&&", ";" (*separator says which), a word starting with '#' (the rest is
 * a comment) or the end (SEP_END for both). */
int script_command_length(char **words, enum script_separator *separator);

/* Where a script is read: lines end in LF or CRLF; a '\' at the end of a
 * line joins the next one. */
struct script_reader {
	const char *text;
	size_t len;
	size_t next_offset;	/* where the next line starts */
	unsigned next_line;	/* its line number (1 is the first) */
	unsigned line;		/* the line read last */
};
/* The next logical line without its line end (malloc'd), or NULL at the
 * end (*rc 0) or out of memory (*rc -ENOMEM). */
char *script_read_line(struct script_reader *reader, int *rc);

/* A line starting (after blanks) with ":label" has a label: *label points
 * at it in line (terminated in place), else NULL. Returns the rest of the
 * line, which is a command. */
char *script_split_label(char *line, char **label);

#endif
