/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Form parameter lists (see wireboot/params.h). Lists are few and short
 * (a handful of fields a boot script posts), so they are plain linked
 * lists found by name. The encoding is the form one (WHATWG URL,
 * application/x-www-form-urlencoded): unreserved characters as they are,
 * space as '+', everything else as %XX.
 */

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wireboot/errfile.h>
#include <wireboot/params.h>

#define ERRFILE ERRFILE_params

static LIST_HEAD(parameter_lists);

static bool same_name(const char *a, const char *b)
{
	return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

struct parameters *find_parameters(const char *name)
{
	struct parameters *params;

	list_for_each_entry(params, &parameter_lists, list) {
		if (same_name(params->name, name))
			return params;
	}
	return NULL;
}

static void clear_parameters(struct parameters *params)
{
	struct parameter *param, *tmp;

	list_for_each_entry_safe(param, tmp, &params->entries, list) {
		list_del(&param->list);
		free(param->key);
		free(param->value);
		free(param);
	}
}

struct parameters *create_parameters(const char *name)
{
	struct parameters *params = find_parameters(name);

	if (params) {
		clear_parameters(params);
		return params;
	}
	params = zalloc(sizeof(*params));
	if (!params)
		return NULL;
	params->name = name ? strdup(name) : NULL;
	if (name && !params->name) {
		free(params);
		return NULL;
	}
	INIT_LIST_HEAD(&params->entries);
	list_add_tail(&params->list, &parameter_lists);
	return params;
}

int add_parameter(struct parameters *params, const char *key,
		  const char *value)
{
	struct parameter *param = zalloc(sizeof(*param));

	if (!param)
		return -EUNIQ(ENOMEM, 1);
	param->key = strdup(key);
	param->value = strdup(value ? value : "");
	if (!param->key || !param->value) {
		free(param->key);
		free(param->value);
		free(param);
		return -EUNIQ(ENOMEM, 2);
	}
	list_add_tail(&param->list, &params->entries);
	return 0;
}

struct parameters *fragment_parameters(const char *fragment, int *named)
{
	*named = 0;
	/* "##params" leaves "#params" as the URI's fragment. */
	if (!fragment || strncmp(fragment, "#params", 7) != 0 ||
	    (fragment[7] && fragment[7] != '='))
		return NULL;
	*named = 1;
	return find_parameters(fragment[7] ? fragment + 8 : NULL);
}

/* Appends one byte to buf when there is room; counts it either way. */
static void put_byte(char *buf, size_t size, size_t *pos, char c)
{
	if (*pos + 1 < size)
		buf[*pos] = c;
	(*pos)++;
}

static void put_encoded(char *buf, size_t size, size_t *pos, const char *text)
{
	static const char hex[] = "0123456789ABCDEF";

	for (; *text; text++) {
		unsigned char c = (unsigned char)*text;

		if (isalnum(c) || strchr("-._*", c)) {
			put_byte(buf, size, pos, (char)c);
		} else if (c == ' ') {
			put_byte(buf, size, pos, '+');
		} else {
			put_byte(buf, size, pos, '%');
			put_byte(buf, size, pos, hex[c >> 4]);
			put_byte(buf, size, pos, hex[c & 15]);
		}
	}
}

size_t format_parameters(const struct parameters *params, char *buf,
			 size_t size)
{
	const struct parameter *param;
	size_t pos = 0;

	list_for_each_entry(param, &params->entries, list) {
		if (pos)
			put_byte(buf, size, &pos, '&');
		put_encoded(buf, size, &pos, param->key);
		put_byte(buf, size, &pos, '=');
		put_encoded(buf, size, &pos, param->value);
	}
	if (size)
		buf[pos < size ? pos : size - 1] = '\0';
	return pos;
}
