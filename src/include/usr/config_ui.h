/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef USR_CONFIG_UI_H
#define USR_CONFIG_UI_H

/*
 * The interactive settings editor ("config"): the settings of one block
 * listed with their values; Enter edits the selected one with the line
 * editor, Esc leaves.
 */

/* scope: a block path ("net0"; "" for the global block). -ENOENT when
 * there is no such block. */
int config_ui(const char *scope);

#endif
