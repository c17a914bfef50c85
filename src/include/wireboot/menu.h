/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WIREBOOT_MENU_H
#define WIREBOOT_MENU_H

/*
 * Menus (see src/core/menu.c): what scripts build with "menu" and "item",
 * and the state of one on screen, moved by keys. Pure: nothing here
 * draws or waits (src/usr/menu_ui.c does), so a test drives a view with
 * keys and reads the selection and the scrolled window.
 */

#include <stdbool.h>
#include <wireboot/list.h>

struct menu_item {
	struct list_head list;
	/* NULL for a gap: a line of text (or blank) that cannot be chosen. */
	char *label;
	char *text;
	/* A key that chooses the item at once (wireboot/keys.h), or 0. */
	int key;
	bool is_default;
};

struct menu {
	struct list_head list;
	/* "" for the unnamed menu that "item" and "choose" use by default. */
	char *name;
	char *title;
	struct list_head items;
	unsigned num_items;
};

/* A new empty menu; one of the same name is replaced. NULL on ENOMEM. */
struct menu *menu_create(const char *name, const char *title);
/* NULL when there is no such menu. */
struct menu *menu_find(const char *name);
void menu_destroy(struct menu *menu);
/* Appends an item (label NULL: a gap); 0 or -ENOMEM. */
int menu_add_item(struct menu *menu, const char *label, const char *text,
		  int key, bool is_default);

/* One menu on screen: rows lines of items, from first. */
struct menu_view {
	struct menu_item **items;
	unsigned count;
	unsigned selected;
	unsigned first;
	unsigned rows;
};

enum menu_action {
	MENU_NONE,		/* the key did nothing */
	MENU_MOVED,		/* the selection or the window moved */
	MENU_CHOSEN,		/* Enter or an item's key: view->selected */
	MENU_CANCELLED,		/* Esc or Ctrl-C */
};

/*
 * Opens a view of menu showing rows items at a time, selecting the item
 * labelled default_label (NULL: the first marked default, else the first
 * that can be chosen). -ENOENT if nothing can be chosen, -ENOMEM.
 */
int menu_view_init(struct menu_view *view, struct menu *menu,
		   const char *default_label, unsigned rows);
void menu_view_free(struct menu_view *view);
/* Up/Down, PgUp/PgDn, Home/End, Enter, Esc, Ctrl-C and item keys. */
enum menu_action menu_view_key(struct menu_view *view, int key);

#endif
