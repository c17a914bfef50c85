/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/core/menu.c src/core/string.c
/*
 * The menu model: menus by name (a new one replaces the old), items and
 * gaps, the default selection, and a view moved by keys: arrows skip
 * gaps and stop at the ends, pages move by the window's height, Home and
 * End, the window scrolls just enough to follow, item keys choose at
 * once, Enter chooses, Esc and Ctrl-C cancel.
 */

#include <errno.h>
#include <stdbool.h>
#include <string.h>
#include <wireboot/keys.h>
#include <wireboot/menu.h>
#include "unit.h"

struct menu *wb_menu_create(const char *name, const char *title);
struct menu *wb_menu_find(const char *name);
void wb_menu_destroy(struct menu *menu);
int wb_menu_add_item(struct menu *menu, const char *label, const char *text,
		     int key, bool is_default);
int wb_menu_view_init(struct menu_view *view, struct menu *menu,
		      const char *default_label, unsigned rows);
void wb_menu_view_free(struct menu_view *view);
enum menu_action wb_menu_view_key(struct menu_view *view, int key);

static const char *selected_label(const struct menu_view *view)
{
	return view->items[view->selected]->label;
}

static void test_menus_by_name(void)
{
	struct menu *a = wb_menu_create("", "First"), *b, *c;

	CHECK(a != NULL);
	b = wb_menu_create("other", "Other");
	CHECK(wb_menu_find("") == a);
	CHECK(wb_menu_find("other") == b);
	CHECK(wb_menu_find("none") == NULL);
	CHECK_INT(wb_menu_add_item(a, "x", "X", 0, false), 0);
	c = wb_menu_create("", "Second");
	CHECK(wb_menu_find("") == c);
	CHECK_STR(c->title, "Second");
	CHECK_INT(c->num_items, 0);
	wb_menu_destroy(b);
	CHECK(wb_menu_find("other") == NULL);
	wb_menu_destroy(c);
	CHECK(wb_menu_find("") == NULL);
}

/* gap, a..h with gaps after c and at the end; 3 rows. */
static struct menu *build(void)
{
	struct menu *menu = wb_menu_create("m", "Title");

	wb_menu_add_item(menu, NULL, "-- header --", 0, false);
	wb_menu_add_item(menu, "a", "Item A", 0, false);
	wb_menu_add_item(menu, "b", "Item B", 0, false);
	wb_menu_add_item(menu, "c", "Item C", 'c', false);
	wb_menu_add_item(menu, NULL, "", 0, false);
	wb_menu_add_item(menu, "d", "Item D", 0, true);
	wb_menu_add_item(menu, "e", "Item E", 0, false);
	wb_menu_add_item(menu, "f", "Item F", KEY_F(5), false);
	wb_menu_add_item(menu, "g", "Item G", 0, false);
	wb_menu_add_item(menu, "h", "Item H", 0, false);
	wb_menu_add_item(menu, NULL, "-- end --", 0, false);
	return menu;
}

static void test_default_selection(void)
{
	struct menu *menu = build(), *empty;
	struct menu_view view;

	CHECK_INT(wb_menu_view_init(&view, menu, NULL, 3), 0);
	CHECK_STR(selected_label(&view), "d");
	CHECK_INT(view.first, 3);
	wb_menu_view_free(&view);
	CHECK_INT(wb_menu_view_init(&view, menu, "g", 3), 0);
	CHECK_STR(selected_label(&view), "g");
	CHECK_INT(view.first, 6);
	wb_menu_view_free(&view);
	/* An unknown label: the item marked default. */
	CHECK_INT(wb_menu_view_init(&view, menu, "zz", 3), 0);
	CHECK_STR(selected_label(&view), "d");
	wb_menu_view_free(&view);
	wb_menu_destroy(menu);

	/* No default: the first choosable item; nothing choosable fails. */
	empty = wb_menu_create("e", "Empty");
	wb_menu_add_item(empty, NULL, "gap", 0, false);
	/* (The low byte of a firmware error is its errno.) */
	CHECK_INT(-(-wb_menu_view_init(&view, empty, NULL, 5) & 0xff), -ENOENT);
	wb_menu_add_item(empty, "only", "Only", 0, false);
	CHECK_INT(wb_menu_view_init(&view, empty, NULL, 5), 0);
	CHECK_STR(selected_label(&view), "only");
	CHECK_INT(wb_menu_view_key(&view, KEY_UP), MENU_NONE);
	CHECK_INT(wb_menu_view_key(&view, KEY_PAGE_UP), MENU_NONE);
	CHECK_INT(wb_menu_view_key(&view, KEY_END), MENU_NONE);
	CHECK_STR(selected_label(&view), "only");
	wb_menu_view_free(&view);
	wb_menu_destroy(empty);
}

static void test_movement(void)
{
	struct menu *menu = build();
	struct menu_view view;

	wb_menu_view_init(&view, menu, "a", 3);
	CHECK_INT(view.first, 0);
	CHECK_INT(wb_menu_view_key(&view, KEY_UP), MENU_NONE);	/* gap above */
	CHECK_STR(selected_label(&view), "a");
	CHECK_INT(wb_menu_view_key(&view, KEY_DOWN), MENU_MOVED);
	CHECK_INT(wb_menu_view_key(&view, KEY_DOWN), MENU_MOVED);
	CHECK_STR(selected_label(&view), "c");
	CHECK_INT(view.first, 1);
	/* Over the gap; the window scrolls by what it needs. */
	wb_menu_view_key(&view, KEY_DOWN);
	CHECK_STR(selected_label(&view), "d");
	CHECK_INT(view.first, 3);
	wb_menu_view_key(&view, KEY_UP);
	CHECK_STR(selected_label(&view), "c");
	CHECK_INT(view.first, 3);
	wb_menu_view_key(&view, KEY_END);
	CHECK_STR(selected_label(&view), "h");
	CHECK_INT(view.first, 7);
	CHECK_INT(wb_menu_view_key(&view, KEY_DOWN), MENU_NONE);
	wb_menu_view_key(&view, KEY_HOME);
	CHECK_STR(selected_label(&view), "a");
	CHECK_INT(view.first, 1);
	/* Pages of three rows. */
	wb_menu_view_key(&view, KEY_PAGE_DOWN);
	CHECK_STR(selected_label(&view), "d");	/* the gap at 4: next item */
	wb_menu_view_key(&view, KEY_PAGE_DOWN);
	CHECK_STR(selected_label(&view), "g");
	wb_menu_view_key(&view, KEY_PAGE_DOWN);
	CHECK_STR(selected_label(&view), "h");	/* the last, not the gap */
	CHECK_INT(wb_menu_view_key(&view, KEY_PAGE_DOWN), MENU_NONE);
	wb_menu_view_key(&view, KEY_PAGE_UP);
	CHECK_STR(selected_label(&view), "e");
	wb_menu_view_key(&view, KEY_PAGE_UP);
	CHECK_STR(selected_label(&view), "c");
	wb_menu_view_key(&view, KEY_PAGE_UP);
	CHECK_STR(selected_label(&view), "a");	/* the first, not the gap */
	CHECK_INT(view.first, 1);
	CHECK_INT(wb_menu_view_key(&view, KEY_PAGE_UP), MENU_NONE);
	CHECK(view.selected >= view.first && view.selected < view.first + view.rows);
	wb_menu_view_free(&view);
	wb_menu_destroy(menu);
}

static void test_choosing(void)
{
	struct menu *menu = build();
	struct menu_view view;

	wb_menu_view_init(&view, menu, NULL, 3);
	CHECK_INT(wb_menu_view_key(&view, 'x'), MENU_NONE);
	CHECK_INT(wb_menu_view_key(&view, 'C'), MENU_NONE);
	CHECK_INT(wb_menu_view_key(&view, 'c'), MENU_CHOSEN);
	CHECK_STR(selected_label(&view), "c");
	CHECK_INT(view.first, 3);
	CHECK_INT(wb_menu_view_key(&view, KEY_F(5)), MENU_CHOSEN);
	CHECK_STR(selected_label(&view), "f");
	CHECK_INT(view.first, 5);
	CHECK_INT(wb_menu_view_key(&view, KEY_ENTER), MENU_CHOSEN);
	CHECK_STR(selected_label(&view), "f");
	CHECK_INT(wb_menu_view_key(&view, KEY_ESC), MENU_CANCELLED);
	CHECK_INT(wb_menu_view_key(&view, KEY_CTRL('C')), MENU_CANCELLED);
	/* Gaps have no key to match: 0 and -1 never choose. */
	CHECK_INT(wb_menu_view_key(&view, 0), MENU_NONE);
	CHECK_INT(wb_menu_view_key(&view, -1), MENU_NONE);
	wb_menu_view_free(&view);
	wb_menu_destroy(menu);
}

int main(void)
{
	test_menus_by_name();
	test_default_selection();
	test_movement();
	test_choosing();
	return unit_finish();
}
