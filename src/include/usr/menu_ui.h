/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef USR_MENU_UI_H
#define USR_MENU_UI_H

/*
 * A menu on the console (wireboot/menu.h): drawn full screen in the
 * colour pairs of usr/colour.h, moved by keys until an item is chosen.
 */

#include <stdint.h>
#include <wireboot/menu.h>

/*
 * Shows menu with default_label (NULL: the menu's default) selected and
 * waits: 0 and *chosen for Enter or an item's key, or for the selection
 * when timeout_us (0: none) passes without a key; after each key the
 * clock starts again with retimeout_us (0: no more timeout). -ECANCELED
 * for Esc or Ctrl-C; -ENOENT if nothing can be chosen. The screen is
 * cleared afterwards.
 */
int menu_show(struct menu *menu, const char *default_label,
	      uint64_t timeout_us, uint64_t retimeout_us,
	      struct menu_item **chosen);

#endif
