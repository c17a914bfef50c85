/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Menus and menu views (see wireboot/menu.h).
 *
 * A menu is a list, as scripts add items one by one; a view takes an
 * array of the items so that moving by a page or to an index is direct.
 * Movement always lands on an item that can be chosen (gaps are
 * skipped), and the window of visible rows follows the selection: it
 * scrolls only as far as needed to keep the selection in sight, so that
 * moving up and down inside one page never redraws it all.
 */

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <wireboot/errfile.h>
#include <wireboot/keys.h>
#include <wireboot/menu.h>

#define ERRFILE ERRFILE_menu

static LIST_HEAD(menus);

struct menu *menu_find(const char *name)
{
	struct menu *menu;

	list_for_each_entry(menu, &menus, list) {
		if (strcmp(menu->name, name) == 0)
			return menu;
	}
	return NULL;
}

void menu_destroy(struct menu *menu)
{
	struct menu_item *item, *tmp;

	list_for_each_entry_safe(item, tmp, &menu->items, list) {
		list_del(&item->list);
		free(item->label);
		free(item->text);
		free(item);
	}
	list_del(&menu->list);
	free(menu->name);
	free(menu->title);
	free(menu);
}

struct menu *menu_create(const char *name, const char *title)
{
	struct menu *menu = calloc(1, sizeof(*menu)), *old;

	if (!menu)
		return NULL;
	menu->name = strdup(name);
	menu->title = strdup(title);
	INIT_LIST_HEAD(&menu->items);
	if (!menu->name || !menu->title) {
		free(menu->name);
		free(menu->title);
		free(menu);
		return NULL;
	}
	if ((old = menu_find(name)))
		menu_destroy(old);
	list_add_tail(&menu->list, &menus);
	return menu;
}

int menu_add_item(struct menu *menu, const char *label, const char *text,
		  int key, bool is_default)
{
	struct menu_item *item = calloc(1, sizeof(*item));

	if (!item)
		return -EUNIQ(ENOMEM, 1);
	item->label = label ? strdup(label) : NULL;
	item->text = strdup(text ? text : "");
	if ((label && !item->label) || !item->text) {
		free(item->label);
		free(item->text);
		free(item);
		return -EUNIQ(ENOMEM, 2);
	}
	item->key = key;
	item->is_default = is_default;
	list_add_tail(&item->list, &menu->items);
	menu->num_items++;
	return 0;
}

static bool choosable(const struct menu_view *view, unsigned index)
{
	return view->items[index]->label != NULL;
}

/* Keeps the selection inside the window. */
static void follow(struct menu_view *view)
{
	if (view->selected < view->first)
		view->first = view->selected;
	else if (view->selected >= view->first + view->rows)
		view->first = view->selected - view->rows + 1;
}

int menu_view_init(struct menu_view *view, struct menu *menu,
		   const char *default_label, unsigned rows)
{
	struct menu_item *item;
	bool found = false;
	unsigned i = 0;

	memset(view, 0, sizeof(*view));
	view->rows = rows ? rows : 1;
	view->items = calloc(menu->num_items ? menu->num_items : 1,
			     sizeof(*view->items));
	if (!view->items)
		return -EUNIQ(ENOMEM, 3);
	list_for_each_entry(item, &menu->items, list)
		view->items[i++] = item;
	view->count = i;
	/* The default label, else the first default, else the first item. */
	for (int pass = 0; pass < 3 && !found; pass++) {
		for (i = 0; i < view->count && !found; i++) {
			item = view->items[i];
			if (!item->label)
				continue;
			found = pass == 2 ||
				(pass == 1 && item->is_default) ||
				(pass == 0 && default_label &&
				 strcmp(item->label, default_label) == 0);
			if (found)
				view->selected = i;
		}
	}
	if (!found) {
		menu_view_free(view);
		return -EUNIQ(ENOENT, 4);
	}
	follow(view);
	return 0;
}

void menu_view_free(struct menu_view *view)
{
	free(view->items);
	view->items = NULL;
	view->count = 0;
}

/* The choosable item nearest to index in direction step (+1 or -1),
 * index itself included; the current selection if there is none. */
static unsigned nearest(const struct menu_view *view, int index, int step)
{
	for (; index >= 0 && index < (int)view->count; index += step) {
		if (choosable(view, (unsigned)index))
			return (unsigned)index;
	}
	return view->selected;
}

static enum menu_action select_index(struct menu_view *view, unsigned index)
{
	unsigned old_selected = view->selected, old_first = view->first;

	view->selected = index;
	follow(view);
	return view->selected != old_selected || view->first != old_first ?
		       MENU_MOVED : MENU_NONE;
}

enum menu_action menu_view_key(struct menu_view *view, int key)
{
	int selected = (int)view->selected, page = (int)view->rows;

	if (key == KEY_UP)
		return select_index(view, nearest(view, selected - 1, -1));
	if (key == KEY_DOWN)
		return select_index(view, nearest(view, selected + 1, 1));
	if (key == KEY_HOME)
		return select_index(view, nearest(view, 0, 1));
	if (key == KEY_END)
		return select_index(view, nearest(view, (int)view->count - 1, -1));
	if (key == KEY_PAGE_UP) {
		int target = selected - page < 0 ? 0 : selected - page;
		unsigned index = nearest(view, target, -1);

		/* Only gaps above: the first item below them. */
		if (index == view->selected && target < selected)
			index = nearest(view, target, 1);
		return select_index(view, index);
	}
	if (key == KEY_PAGE_DOWN) {
		int last = (int)view->count - 1;
		int target = selected + page > last ? last : selected + page;
		unsigned index = nearest(view, target, 1);

		if (index == view->selected && target > selected)
			index = nearest(view, target, -1);
		return select_index(view, index);
	}
	if (key == KEY_ENTER)
		return MENU_CHOSEN;
	if (key == KEY_ESC || key == KEY_CTRL('C'))
		return MENU_CANCELLED;
	for (unsigned i = 0; key > 0 && i < view->count; i++) {
		if (choosable(view, i) && view->items[i]->key == key) {
			select_index(view, i);
			return MENU_CHOSEN;
		}
	}
	return MENU_NONE;
}
