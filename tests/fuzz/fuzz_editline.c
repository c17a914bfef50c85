/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/core/editline.c src/core/menu.c src/core/string.c
/* The line editor and a menu view under arbitrary key sequences (each
 * two input bytes one key: the first chooses among the keys the editor
 * and the menu handle, the second is the character). Checked after every
 * key: the line stays terminated and within bounds with the cursor on
 * it, the editor's screen cursor (followed through what it prints) is
 * where it says, and the menu's selection is an item that can be chosen,
 * inside the window. */

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wireboot/editline.h>
#include <wireboot/keys.h>
#include <wireboot/menu.h>

void wb_editline_init(struct editline *ed, const char *prompt, const char *initial,
		      void (*put)(int c));
enum editline_result wb_editline_key(struct editline *ed, int key);
void wb_editline_candidate(struct editline *ed, const char *name);
void wb_editline_history_add(struct editline_history *history, const char *line);
void wb_editline_history_free(struct editline_history *history);
struct menu *wb_menu_create(const char *name, const char *title);
void wb_menu_destroy(struct menu *menu);
int wb_menu_add_item(struct menu *menu, const char *label, const char *text,
		     int key, bool is_default);
int wb_menu_view_init(struct menu_view *view, struct menu *menu,
		      const char *default_label, unsigned rows);
void wb_menu_view_free(struct menu_view *view);
enum menu_action wb_menu_view_key(struct menu_view *view, int key);

static long column;

static void put(int c)
{
	if (c == '\b')
		column--;
	else if (c == '\n')
		column = 0;
	else
		column++;
	if (column < 0)
		abort();
}

static void complete(struct editline *ed, bool first_word)
{
	static const char *const names[] = { "echo", "exit", "e", "net0/ip",
					     "net0/mac", "", "echo" };

	(void)first_word;
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		wb_editline_candidate(ed, names[i]);
}

static const int keys[] = {
	KEY_LEFT, KEY_RIGHT, KEY_HOME, KEY_END, KEY_UP, KEY_DOWN,
	KEY_PAGE_UP, KEY_PAGE_DOWN, KEY_DELETE, KEY_BACKSPACE, KEY_TAB,
	KEY_CTRL('A'), KEY_CTRL('E'), KEY_CTRL('K'), KEY_CTRL('U'),
	KEY_CTRL('W'), KEY_CTRL('D'), KEY_CTRL('P'), KEY_CTRL('N'),
	KEY_ENTER, KEY_ESC, KEY_F(3),
};
#define NUM_KEYS (sizeof(keys) / sizeof(keys[0]))

static void check_view(const struct menu_view *view)
{
	if (view->selected >= view->count || !view->items[view->selected]->label ||
	    view->selected < view->first ||
	    view->selected >= view->first + view->rows)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct editline_history history = { 0 };
	struct menu_view view;
	struct editline ed;
	struct menu *menu;
	bool hidden = size && (data[0] & 1);
	unsigned prompt_len = 2;

	menu = wb_menu_create("fuzz", "Fuzz");
	wb_menu_add_item(menu, NULL, "gap", 0, false);
	for (int i = 0; i < 12; i++) {
		char label[4] = { (char)('a' + i), 0 };

		wb_menu_add_item(menu, i % 4 == 3 ? NULL : label, label,
				 i == 5 ? KEY_F(3) : 'a' + i, i == 7);
	}
	wb_menu_view_init(&view, menu, NULL, 4);
	wb_editline_history_add(&history, "echo old");
	column = 0;
	wb_editline_init(&ed, "> ", NULL, put);
	ed.history = &history;
	ed.history_pos = history.count;
	ed.complete = complete;
	ed.hidden = hidden;
	for (size_t i = 1; i + 1 < size; i += 2) {
		int key = data[i] < NUM_KEYS ? keys[data[i]] : data[i + 1];
		enum editline_result result = wb_editline_key(&ed, key);

		wb_menu_view_key(&view, key);
		check_view(&view);
		if (ed.len > EDITLINE_MAX || ed.cursor > ed.len ||
		    ed.buf[ed.len] != '\0' || strlen(ed.buf) != ed.len)
			abort();
		if (result != EDITLINE_MORE) {
			if (column != 0)
				abort();
			if (result == EDITLINE_DONE)
				wb_editline_history_add(&history, ed.buf);
			wb_editline_init(&ed, "> ", NULL, put);
			ed.history = &history;
			ed.history_pos = history.count;
			ed.complete = complete;
			ed.hidden = hidden;
		} else if (column != (long)(prompt_len + ed.cursor)) {
			/* (A listing of candidates ends with the prompt and
			 * the line reprinted: the same holds after it.) */
			abort();
		}
	}
	wb_menu_view_free(&view);
	wb_menu_destroy(menu);
	wb_editline_history_free(&history);
	return 0;
}
