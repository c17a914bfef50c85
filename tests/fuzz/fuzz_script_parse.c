/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/core/script_parse.c src/core/string.c
/* The script parser alone on arbitrary text: every logical line is split
 * into label, words and commands, and every word expanded with a lookup
 * that echoes the name back (so nested names grow) or fails. */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wireboot/script_parse.h>

char *wb_script_expand(const char *text, script_lookup_fn lookup, void *ctx,
		       int *rc);
int wb_script_split_words(char *line, char ***words);
int wb_script_command_length(char **words, enum script_separator *separator);
char *wb_script_read_line(struct script_reader *reader, int *rc);
char *wb_script_split_label(char *line, char **label);
void wb_text_append(struct text *text, const char *data, size_t len);

static int lookup(const char *name, void *ctx, struct text *out)
{
	(void)ctx;
	if (name[0] == '!')
		return -5;
	wb_text_append(out, name, strlen(name) > 64 ? 64 : strlen(name));
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct script_reader reader = {
		.text = (const char *)data, .len = size, .next_line = 1,
	};
	char *line;
	int rc;

	while ((line = wb_script_read_line(&reader, &rc))) {
		char *label, *command = wb_script_split_label(line, &label);
		char **words;
		int count = wb_script_split_words(command, &words), start = 0;

		while (count >= 0 && start <= count) {
			enum script_separator separator;
			int len = wb_script_command_length(words + start,
							   &separator);

			if (start + len > count)
				abort();
			for (int i = start; i < start + len; i++) {
				char *expanded = wb_script_expand(words[i],
								  lookup, NULL,
								  &rc);

				if (!expanded != !!rc)
					abort();
				free(expanded);
			}
			if (separator == SEP_END)
				break;
			start += len + 1;
		}
		if (count >= 0)
			free(words);
		free(line);
	}
	return 0;
}
