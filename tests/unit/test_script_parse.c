/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/core/script_parse.c src/core/string.c
/* The script parser alone: lines (CRLF, continuations, no final line end),
 * labels, words, separators and expansion with a lookup of our own,
 * including bad input (unterminated and too deeply nested "${"). */

#include <errno.h>
#include <stdlib.h>
#include <wireboot/script_parse.h>
#include "unit.h"

char *wb_script_expand(const char *text, script_lookup_fn lookup, void *ctx,
		       int *rc);
int wb_script_split_words(char *line, char ***words);
int wb_script_command_length(char **words, enum script_separator *separator);
char *wb_script_read_line(struct script_reader *reader, int *rc);
char *wb_script_split_label(char *line, char **label);
void wb_text_append(struct text *text, const char *data, size_t len);

/* Names expand to "<name>"; "fail" fails; "none" has no value. */
static int lookup(const char *name, void *ctx, struct text *out)
{
	(*(int *)ctx)++;
	if (strcmp(name, "fail") == 0)
		return -EIO;
	if (strcmp(name, "none") == 0)
		return 0;
	wb_text_append(out, "<", 1);
	wb_text_append(out, name, strlen(name));
	wb_text_append(out, ">", 1);
	return 0;
}

static void check_expand(const char *text, const char *want, int want_rc)
{
	int calls = 0, rc;
	char *got = wb_script_expand(text, lookup, &calls, &rc);

	if (!CHECK_INT(rc, want_rc) | !CHECK_STR(got ? got : "(null)",
						 want ? want : "(null)"))
		printf("     expanding \"%s\"\n", text);
	free(got);
}

static void test_expand(void)
{
	char deep[200] = "";

	check_expand("plain", "plain", 0);
	check_expand("${a}", "<a>", 0);
	check_expand("x${a}y${b}z", "x<a>y<b>z", 0);
	check_expand("${net${i}/mac:hexhyp}", "<net<i>/mac:hexhyp>", 0);
	check_expand("${${name}}", "<<name>>", 0);
	check_expand("[${none}]", "[]", 0);
	check_expand("${fail}", NULL, -EIO);
	check_expand("${a", "${a", 0);
	check_expand("${a${b}", "${a<b>", 0);
	check_expand("}${", "}${", 0);
	check_expand("$${a}}", "$<a>}", 0);
	check_expand("${}", "<>", 0);
	check_expand("", "", 0);
	for (int i = 0; i < 20; i++)
		strcat(deep, "${");
	for (int i = 0; i < 20; i++)
		strcat(deep, "}");
	check_expand(deep, NULL, -E2BIG);
}

static void check_words(const char *line, const char *want)
{
	char *copy = strdup(line), **words, joined[256] = "";
	int count = wb_script_split_words(copy, &words);

	for (int i = 0; i < count; i++) {
		strcat(joined, "[");
		strcat(joined, words[i]);
		strcat(joined, "]");
	}
	CHECK(words[count] == NULL);
	if (!CHECK_STR(joined, want))
		printf("     splitting \"%s\"\n", line);
	free(words);
	free(copy);
}

static void check_command(const char *line, int want_len,
			  enum script_separator want_sep)
{
	char *copy = strdup(line), **words;
	enum script_separator separator = SEP_ALWAYS;

	wb_script_split_words(copy, &words);
	if (!CHECK_INT(wb_script_command_length(words, &separator), want_len) |
	    !CHECK_INT(separator, want_sep))
		printf("     command of \"%s\"\n", line);
	free(words);
	free(copy);
}

static void test_words(void)
{
	check_words("  a\tb  c ", "[a][b][c]");
	check_words("", "");
	check_words("'a b' \"c\\ d\"", "['a][b'][\"c\\][d\"]");
	check_command("echo a || echo b", 2, SEP_OR);
	check_command("echo a && echo b", 2, SEP_AND);
	check_command("echo a ; echo b", 2, SEP_ALWAYS);
	check_command("echo a # || b", 2, SEP_END);
	check_command("echo a||b", 2, SEP_END);
	check_command("", 0, SEP_END);
	check_command("|| x", 0, SEP_OR);
}

static void test_lines(void)
{
	static const char text[] = "#!ipxe\r\none \\\n  two\n:label rest\n"
				   "  :l2\n\\";
	struct script_reader reader = {
		.text = text, .len = sizeof(text) - 1, .next_line = 1,
	};
	char *line, *label, *command;
	int rc;

	line = wb_script_read_line(&reader, &rc);
	CHECK_STR(line, "#!ipxe");
	free(line);
	line = wb_script_read_line(&reader, &rc);
	CHECK_STR(line, "one   two");
	CHECK_INT(reader.line, 2);
	free(line);
	line = wb_script_read_line(&reader, &rc);
	CHECK_INT(reader.line, 4);
	command = wb_script_split_label(line, &label);
	CHECK_STR(label, "label");
	CHECK_STR(command, "rest");
	free(line);
	line = wb_script_read_line(&reader, &rc);
	command = wb_script_split_label(line, &label);
	CHECK_STR(label, "l2");
	CHECK_STR(command, "");
	free(line);
	/* A final lone backslash is an empty continued line. */
	line = wb_script_read_line(&reader, &rc);
	CHECK_STR(line, "");
	free(line);
	CHECK(wb_script_read_line(&reader, &rc) == NULL);
	CHECK_INT(rc, 0);

	line = strdup("echo :x");
	command = wb_script_split_label(line, &label);
	CHECK(label == NULL);
	CHECK_STR(command, "echo :x");
	free(line);
}

int main(void)
{
	test_expand();
	test_words();
	test_lines();
	return unit_finish();
}
