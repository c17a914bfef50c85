/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The interactive shell (see usr/shell.h). Lines run through the script
 * engine's own line executor, so the shell speaks exactly the language
 * of scripts. Completion offers the command table for the first word and
 * setting names elsewhere: the well-known ones, the computed ones, and
 * every name stored anywhere in the settings tree. The history lives as
 * long as the program, so a shell opened again recalls earlier lines.
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <usr/readline.h>
#include <usr/shell.h>
#include <wireboot/command.h>
#include <wireboot/settings.h>

static struct editline_history history;

static void offer_stored(struct editline *ed, const struct settings *block)
{
	const struct settings *child;
	const char *name;

	for (unsigned i = 0; (name = stored_setting_name(block, i, NULL)); i++)
		editline_candidate(ed, name);
	list_for_each_entry(child, &block->children, siblings)
		offer_stored(ed, child);
}

static void complete(struct editline *ed, bool first_word)
{
	const struct command *command;
	const struct setting_definition *definition;
	const struct builtin_setting *builtin;

	if (first_word) {
		for_each_table_entry(command, commands)
			editline_candidate(ed, command->name);
		return;
	}
	for_each_table_entry(definition, setting_definitions)
		editline_candidate(ed, definition->name);
	for_each_table_entry(builtin, builtin_settings)
		editline_candidate(ed, builtin->name);
	offer_stored(ed, &global_settings);
}

int shell(void)
{
	const struct readline_options opts = {
		.history = &history, .complete = complete,
	};
	bool exited = false;
	int rc = 0;

	while (!exited) {
		char *line;

		rc = readline(SHELL_PROMPT, &opts, &line);
		if (errno_base(rc) == -ECANCELED)
			continue;
		if (rc)
			return errno_base(rc) == -EPIPE ? 0 : rc;
		rc = system_interactive(line, &exited);
		free(line);
	}
	return rc;
}
