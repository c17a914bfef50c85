/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/core/script.c src/core/script_parse.c src/core/settings.c src/core/setting_types.c src/core/inet6.c src/core/string.c src/core/vsprintf.c src/core/errors.c
/* The script engine: word splitting, comments, "||" "&&" ";", setting
 * expansion (nested, unknown, unterminated), labels, goto, exit, line
 * continuations and error handling, with recording test commands. */

#include <errno.h>
#include <stdlib.h>
#include <wireboot/build_info.h>
#include <wireboot/command.h>
#include <wireboot/script.h>
#include "unit.h"

int wb_system(const char *line);
int wb_run_script(const char *text, size_t len, const char *name);
int wb_run_script_args(const char *text, size_t len, const char *name,
		       const char *args);
int wb_fetchf_setting(const char *name, char *buf, size_t len);
char *wb_expand_settings(const char *text);
void wb_script_exit(void);
int wb_script_goto(const char *label);
int wb_storef_setting(const char *name, const char *text);
char *wb_concat_args(int argc, char **argv);

const struct build_info build_info = { .version = "test" };

/* Every call of "rec" appends "[arg|arg|...]" here. */
static char record[32768];

static int rec_exec(int argc, char **argv)
{
	strcat(record, "[");
	for (int i = 1; i < argc; i++) {
		if (i > 1)
			strcat(record, "|");
		strcat(record, argv[i]);
	}
	strcat(record, "]");
	return 0;
}

static int fail_exec(int argc __attribute__((unused)), char **argv __attribute__((unused)))
{
	strcat(record, "F");
	return -EIO;
}

static int exit_exec(int argc, char **argv)
{
	wb_script_exit();
	return argc > 1 ? atoi(argv[1]) : 0;
}

static int goto_exec(int argc __attribute__((unused)), char **argv)
{
	return wb_script_goto(argv[1]);
}

static int set_exec(int argc, char **argv)
{
	char *value = wb_concat_args(argc - 2, argv + 2);
	int rc = wb_storef_setting(argv[1], value);

	free(value);
	return rc;
}

/* "sub TEXT ARGS...": runs "#!ipxe\nrec ${0} ${1} ${2}" with the
 * arguments, as a chained script would be. */
static int sub_exec(int argc, char **argv)
{
	static const char inner[] = "#!ipxe\nrec ${0} ${1} ${2}\n";
	char *args = wb_concat_args(argc - 1, argv + 1);
	int rc = wb_run_script_args(inner, strlen(inner), "inner.ipxe", args);

	free(args);
	return rc;
}

COMMAND(rec_command) = { .name = "rec", .exec = rec_exec };
COMMAND(sub_command) = { .name = "sub", .exec = sub_exec };
COMMAND(fail_command) = { .name = "fail", .exec = fail_exec };
COMMAND(exit_command) = { .name = "exit", .exec = exit_exec };
COMMAND(goto_command) = { .name = "goto", .exec = goto_exec };
COMMAND(set_command) = { .name = "set", .exec = set_exec };

static int isset_exec(int argc, char **argv)
{
	return argc > 1 && argv[1][0] ? 0 : -ENOENT;
}

COMMAND(isset_command) = { .name = "isset", .exec = isset_exec };

static void check_line(const char *line, int want_rc, const char *want)
{
	int rc;

	record[0] = '\0';
	rc = wb_system(line);
	if (!CHECK_INT(rc, want_rc) | !CHECK_STR(record, want))
		printf("     line \"%s\"\n", line);
}

static void check_script(const char *text, int want_rc, const char *want)
{
	int rc;

	record[0] = '\0';
	rc = wb_run_script(text, strlen(text), "t.ipxe");
	if (!CHECK_INT(rc, want_rc) | !CHECK_STR(record, want))
		printf("     script \"%s\"\n", text);
}

static void check_expand(const char *text, const char *want)
{
	char *got = wb_expand_settings(text);

	if (!CHECK_STR(got, want))
		printf("     expanding \"%s\"\n", text);
	free(got);
}

static void test_lines(void)
{
	check_line("rec a b  c", 0, "[a|b|c]");
	check_line("   rec\ta\t", 0, "[a]");
	check_line("", 0, "");
	check_line("   ", 0, "");
	check_line("# comment", 0, "");
	check_line("rec a # b c", 0, "[a]");
	check_line("rec a#b", 0, "[a#b]");
	/* No quoting: quotes and backslashes are ordinary characters. */
	check_line("rec \"a b\" 'c d' e\\ f", 0, "[\"a|b\"|'c|d'|e\\|f]");
	check_line("rec console=\"ttyS0\"", 0, "[console=\"ttyS0\"]");
	check_line("fail || rec ok", 0, "F[ok]");
	check_line("rec x || rec no", 0, "[x]");
	check_line("fail && rec no", -EIO, "F");
	check_line("rec a && rec b", 0, "[a][b]");
	check_line("fail ; rec c", 0, "F[c]");
	check_line("fail || fail || rec third", 0, "FF[third]");
	check_line("fail && rec no || rec yes", 0, "F[yes]");
	check_line("rec a||rec b", 0, "[a||rec|b]");
	check_line("|| rec x", 0, "");
	check_line("rec x &&", 0, "[x]");
	check_line("nosuch arg || rec fallback", 0, "[fallback]");
	check_line("nosuch", -ENOEXEC, "");
	check_line("exit 4 ; rec no", 4, "");
}

static void test_expansion(void)
{
	char long_line[20000];

	wb_storef_setting("greeting", "hello world");
	wb_storef_setting("i", "0");
	wb_storef_setting("v0", "zero");
	wb_storef_setting("n:uint", "300");
	check_expand("${greeting}", "hello world");
	check_expand("<${nosuch}>", "<>");
	check_expand("${v${i}}", "zero");
	check_expand("${n:hex}", "01:2c");
	check_expand("${n:badtype}", "");
	check_expand("${greeting", "${greeting");
	check_expand("${", "${");
	check_expand("$", "$");
	check_expand("}", "}");
	check_expand("${}", "");
	check_expand("a${v${i}", "a${v0");
	check_expand("${greeting}}", "hello world}");
	check_expand("$${i}", "$0");
	check_expand("${${${${i}}}}", "");
	/* Values are not expanded again. */
	wb_storef_setting("self", "${self}");
	check_expand("${self}", "${self}");
	/* A value with spaces stays one argument. */
	check_line("rec ${greeting}", 0, "[hello world]");
	check_line("rec ${nosuch}", 0, "[]");

	/* Deep nesting is refused rather than recursing without bound. */
	strcpy(long_line, "");
	for (int i = 0; i < 100; i++)
		strcat(long_line, "${");
	for (int i = 0; i < 100; i++)
		strcat(long_line, "}");
	CHECK(wb_expand_settings(long_line) == NULL);

	memset(long_line, 'x', sizeof(long_line) - 1);
	long_line[sizeof(long_line) - 1] = '\0';
	memcpy(long_line, "rec ", 4);
	record[0] = '\0';
	CHECK_INT(wb_system(long_line), 0);
	CHECK_INT(strlen(record), sizeof(long_line) - 5 + 2);
}

static void test_scripts(void)
{
	check_script("#!ipxe\nrec one\nrec two\n", 0, "[one][two]");
	check_script("#!ipxe\r\nrec crlf\r\n", 0, "[crlf]");
	check_script("#!ipxe\nrec no-newline", 0, "[no-newline]");
	check_script("#!ipxe\nrec a \\\nb\nrec c\n", 0, "[a|b][c]");
	check_script("#!ipxe\nrec a\nfail\nrec never\n", -EIO, "[a]F");
	check_script("#!ipxe\nfail || rec handled\nrec after\n", 0,
		     "F[handled][after]");
	check_script("#!ipxe\nnosuch\nrec never\n", -ENOEXEC, "");
	check_script("#!ipxe\nrec a\nexit\nrec never\n", 0, "[a]");
	check_script("#!ipxe\nexit 7\n", 7, "");
	check_script("#!ipxe\ngoto end\nrec skipped\n:end\nrec end\n", 0,
		     "[end]");
	check_script("#!ipxe\n:end rec label-line\n", 0, "[label-line]");
	check_script("#!ipxe\nset n 0\n:loop\nrec ${n}\niseq\n", -ENOEXEC,
		     "[0]");
	check_script("#!ipxe\ngoto nowhere || rec missing\n", 0, "[missing]");
	check_script("#!ipxe\ngoto nowhere\n", -ENOENT, "");
	/* Backwards and forwards, to labels named by settings. */
	check_script("#!ipxe\nset m a\n:top\nrec ${m}\ngoto ${m}\n"
		     ":a\nset m b\ngoto top\n:b\nrec end\n", 0,
		     "[a][b][end]");
	check_script("", 0, "");
	check_script("\\", 0, "");
	/* goto and exit outside a script. */
	check_line("goto x", -ENOTSUP, "");
}

static void check_script_args(const char *text, const char *args,
			      int want_rc, const char *want)
{
	int rc;

	record[0] = '\0';
	rc = wb_run_script_args(text, strlen(text), "t.ipxe", args);
	if (!CHECK_INT(rc, want_rc) | !CHECK_STR(record, want))
		printf("     script \"%s\" with \"%s\"\n", text,
		       args ? args : "(none)");
}

static void test_arguments(void)
{
	char buf[16];

	check_script_args("#!ipxe\nrec ${0} ${1} ${2} [${3}]\n", "a  b", 0,
			  "[t.ipxe|a|b|[]]");
	check_script_args("#!ipxe\nrec ${0} [${1}]\n", NULL, 0, "[t.ipxe|[]]");
	check_script_args("#!ipxe\nrec ${9}\n", "1 2 3 4 5 6 7 8 9 10", 0,
			  "[9]");
	/* ${10} is not an argument: there are ten at most. */
	check_script_args("#!ipxe\nrec [${10}]\n", "1 2 3 4 5 6 7 8 9 10", 0,
			  "[[]]");
	/* A nested script has its own; the caller's come back after it. */
	check_script_args("#!ipxe\nrec ${1}\nsub x y\nrec ${0} ${1}\n",
			  "outer", 0, "[outer][inner.ipxe|x|y][t.ipxe|outer]");
	check_script_args("#!ipxe\nisset ${1} || goto none\nrec has ${1}\n"
			  "exit\n:none\nrec none\n", "", 0, "[none]");
	/* Outside a script there are none. */
	CHECK_INT(wb_fetchf_setting("1", buf, sizeof(buf)), -ENOENT);
}

int main(void)
{
	test_lines();
	test_arguments();
	test_expansion();
	test_scripts();
	return unit_finish();
}
