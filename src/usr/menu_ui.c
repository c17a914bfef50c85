/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Menus on the console (see usr/menu_ui.h). Layout: the title centred on
 * the second row, items from the fourth row to the second last (the last
 * stays empty: writing its last column would scroll a terminal), one
 * column of margin each side. The model (src/core/menu.c) decides what
 * is selected and which rows show; this file only draws: everything once,
 * then after each key just the rows that changed, or every item row when
 * the window scrolled. Everything goes through the console's screen
 * operations, so a firmware screen and a serial terminal show the same.
 */

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <usr/colour.h>
#include <usr/jobwait.h>
#include <usr/menu_ui.h>
#include <wireboot/console.h>
#include <wireboot/errfile.h>
#include <wireboot/keys.h>

#define ERRFILE ERRFILE_menu_ui

#define TITLE_ROW 1
#define FIRST_ITEM_ROW 3
#define MARGIN 1

struct menu_screen {
	struct menu_view view;
	unsigned columns, rows;
};

/* Characters, not bytes, count for width: UTF-8 continuation bytes
 * take no column. */
static void put_field(const char *text, unsigned width)
{
	unsigned used = 0;

	for (; *text; text++) {
		bool continuation = ((unsigned char)*text & 0xc0) == 0x80;

		if (!continuation && used == width)
			break;
		putchar(*text);
		used += !continuation;
	}
	for (; used < width; used++)
		putchar(' ');
}

static unsigned text_width(const char *text)
{
	unsigned width = 0;

	for (; *text; text++)
		width += ((unsigned char)*text & 0xc0) != 0x80;
	return width;
}

static void draw_item(struct menu_screen *screen, unsigned index)
{
	const struct menu_item *item = screen->view.items[index];
	unsigned row = FIRST_ITEM_ROW + index - screen->view.first;

	console_set_cursor(MARGIN, row);
	colour_pair_use(!item->label ? CPAIR_SEPARATOR :
			index == screen->view.selected ? CPAIR_SELECT :
			CPAIR_NORMAL);
	put_field(item->text, screen->columns - 2 * MARGIN);
}

static void draw_items(struct menu_screen *screen)
{
	const struct menu_view *view = &screen->view;

	for (unsigned i = view->first; i < view->count && i < view->first + view->rows; i++)
		draw_item(screen, i);
}

static void draw(struct menu_screen *screen, const struct menu *menu)
{
	unsigned width = text_width(menu->title), avail = screen->columns - 2 * MARGIN;

	console_show_cursor(false);
	colour_pair_use(CPAIR_NORMAL);
	console_clear();
	console_set_cursor(MARGIN + (width < avail ? (avail - width) / 2 : 0),
			   TITLE_ROW);
	put_field(menu->title, width < avail ? width : avail);
	draw_items(screen);
}

int menu_show(struct menu *menu, const char *default_label,
	      uint64_t timeout_us, uint64_t retimeout_us,
	      struct menu_item **chosen)
{
	struct menu_screen screen;
	enum menu_action action = MENU_NONE;
	int rc;

	console_size(&screen.columns, &screen.rows);
	if (screen.columns < 2 * MARGIN + 10)
		screen.columns = 2 * MARGIN + 10;
	if (screen.rows < FIRST_ITEM_ROW + 2)
		screen.rows = FIRST_ITEM_ROW + 2;
	rc = menu_view_init(&screen.view, menu, default_label,
			    screen.rows - FIRST_ITEM_ROW - 1);
	if (rc)
		return rc;
	draw(&screen, menu);
	while (action != MENU_CHOSEN && action != MENU_CANCELLED) {
		unsigned selected = screen.view.selected, first = screen.view.first;
		int key = key_wait(timeout_us);

		if (key < 0) {
			action = MENU_CHOSEN;
			break;
		}
		timeout_us = retimeout_us;
		action = menu_view_key(&screen.view, key);
		if (screen.view.first != first) {
			draw_items(&screen);
		} else if (screen.view.selected != selected) {
			draw_item(&screen, selected);
			draw_item(&screen, screen.view.selected);
		}
	}
	*chosen = screen.view.items[screen.view.selected];
	menu_view_free(&screen.view);
	colour_pair_use(CPAIR_DEFAULT);
	console_clear();
	console_show_cursor(true);
	return action == MENU_CANCELLED ? -EUNIQ(ECANCELED, 1) : 0;
}
