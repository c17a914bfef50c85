/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WIREBOOT_PARAMS_H
#define WIREBOOT_PARAMS_H

/*
 * Form parameter lists for HTTP POST: the script's "params" command creates
 * a named list (or the unnamed one), "param" appends key/value pairs, and
 * a URI ending in "##params" (the unnamed list) or "##params=NAME" posts
 * that list as application/x-www-form-urlencoded. A list lives until the
 * program ends; creating one with a name in use starts it afresh.
 */

#include <stddef.h>
#include <wireboot/list.h>

struct parameter {
	struct list_head list;
	char *key;
	char *value;
};

struct parameters {
	struct list_head list;		/* all lists */
	char *name;			/* NULL: the unnamed list */
	struct list_head entries;	/* struct parameter, in order */
};

/* Creates (or empties) the list name (NULL: unnamed): the list or NULL. */
struct parameters *create_parameters(const char *name);
/* The list name (NULL: unnamed), or NULL if there is none. */
struct parameters *find_parameters(const char *name);
/* Appends key=value (value NULL: empty): 0 or -ENOMEM. */
int add_parameter(struct parameters *params, const char *key,
		  const char *value);
/* The list a URI fragment names ("#params", "#params=NAME"), or NULL if
 * the fragment names none; *named says whether it tried. */
struct parameters *fragment_parameters(const char *fragment, int *named);
/* The list form-encoded ("k=v&k2=v2") into buf (like snprintf: the full
 * length is returned even when buf is too small). */
size_t format_parameters(const struct parameters *params, char *buf,
			 size_t size);

#endif
