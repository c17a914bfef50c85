/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The settings tree: blocks of named raw values, looked up by path, and the
 * "block/name:type" text access that scripts use (see settings.h).
 */

#include <ctype.h>
#include <stdbool.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <wireboot/features.h>
#include <wireboot/settings.h>

TABLE_DEFINE(const struct builtin_setting, builtin_settings);
TABLE_DEFINE(const struct settings_alias, settings_aliases);
TABLE_DEFINE(const struct settings_scope, settings_scopes);

struct setting_value {
	struct list_head list;
	char *name;
	enum setting_type type;
	size_t len;
	uint8_t data[];
};

struct settings global_settings = {
	.name = "",
	.siblings = LIST_HEAD_INIT(global_settings.siblings),
	.children = LIST_HEAD_INIT(global_settings.children),
	.values = LIST_HEAD_INIT(global_settings.values),
};

TABLE_DEFINE(const struct settings_applicator, settings_applicators);
TABLE_DEFINE(const struct setting_definition, setting_definitions);

int apply_settings(void)
{
	const struct settings_applicator *applicator;
	int rc = 0;

	for_each_table_entry(applicator, settings_applicators) {
		int err = applicator->apply();

		if (err && !rc)
			rc = err;
	}
	return rc;
}

/* Only values in the tree count: a block being filled in before it is
 * registered changes nothing yet. */
static bool in_tree(const struct settings *block)
{
	while (block && block != &global_settings)
		block = block->parent;
	return block == &global_settings;
}

void settings_init(struct settings *block, const char *name)
{
	strlcpy(block->name, name, sizeof(block->name));
	block->order = 0;
	block->parent = NULL;
	INIT_LIST_HEAD(&block->siblings);
	INIT_LIST_HEAD(&block->children);
	INIT_LIST_HEAD(&block->values);
}

void register_settings(struct settings *block, struct settings *parent)
{
	struct settings *sibling;

	if (!parent)
		parent = &global_settings;
	list_del(&block->siblings);
	block->parent = parent;
	/* After every sibling of the same or a lower order. */
	list_for_each_entry(sibling, &parent->children, siblings) {
		if (sibling->order > block->order)
			break;
	}
	list_add_tail(&block->siblings, &sibling->siblings);
	if (!list_empty(&block->values) || !list_empty(&block->children))
		apply_settings();
}

static void free_value(struct setting_value *value)
{
	list_del(&value->list);
	free(value);
}

void unregister_settings(struct settings *block)
{
	struct setting_value *value, *tmp;

	bool had_values = !list_empty(&block->values);

	list_for_each_entry_safe(value, tmp, &block->values, list)
		free_value(value);
	list_del(&block->siblings);
	block->parent = NULL;
	if (had_values)
		apply_settings();
}

/* The child of block named by the first len characters of path. */
static struct settings *find_child(struct settings *block, const char *path,
				   size_t len)
{
	const struct settings_alias *alias;
	struct settings *child;

	list_for_each_entry(child, &block->children, siblings) {
		if (strlen(child->name) == len &&
		    strncmp(child->name, path, len) == 0)
			return child;
	}
	if (block != &global_settings)
		return NULL;
	for_each_table_entry(alias, settings_aliases) {
		if (strlen(alias->name) == len && strncmp(alias->name, path, len) == 0)
			return alias->resolve();
	}
	return NULL;
}

/* Resolves the first len characters of a dotted path ("net0.dhcp"). */
static struct settings *find_settings_len(const char *path, size_t len)
{
	struct settings *block = &global_settings;

	while (len) {
		const char *dot = memchr(path, '.', len);
		size_t part = dot ? (size_t)(dot - path) : len;

		block = find_child(block, path, part);
		if (!block)
			return NULL;
		path += part;
		len -= part;
		if (dot) {
			path++;
			len--;
			if (!len)
				return NULL;
		}
	}
	return block;
}

struct settings *find_settings(const char *path)
{
	return find_settings_len(path, strlen(path));
}

static struct setting_value *find_value(struct settings *block,
					const char *name)
{
	struct setting_value *value;

	list_for_each_entry(value, &block->values, list) {
		if (strcmp(value->name, name) == 0)
			return value;
	}
	return NULL;
}

int store_setting(struct settings *block, const char *name,
		  enum setting_type type, const void *data, size_t len)
{
	struct setting_value *old, *value;
	size_t name_len = strlen(name);

	if (!block)
		block = &global_settings;
	if (!name_len || name[strcspn(name, "/:")])
		return -EINVAL;
	old = find_value(block, name);
	if (len == 0) {
		if (!old)
			return 0;
		free_value(old);
		return in_tree(block) ? apply_settings() : 0;
	}
	if (len > SIZE_MAX - sizeof(*value) - name_len - 1)
		return -ENOMEM;
	value = malloc(sizeof(*value) + len + name_len + 1);
	if (!value)
		return -ENOMEM;
	value->type = type;
	value->len = len;
	memcpy(value->data, data, len);
	value->name = (char *)value->data + len;
	memcpy(value->name, name, name_len + 1);
	/* Replacing keeps the position, so listings stay in a stable order. */
	if (old) {
		list_insert_between(&value->list, old->list.prev, &old->list);
		free_value(old);
	} else {
		list_add_tail(&value->list, &block->values);
	}
	return in_tree(block) ? apply_settings() : 0;
}

const char *stored_setting_name(const struct settings *block, unsigned index,
				enum setting_type *type)
{
	const struct setting_value *value;

	list_for_each_entry(value, &block->values, list) {
		if (index-- == 0) {
			if (type)
				*type = value->type;
			return value->name;
		}
	}
	return NULL;
}

/* The value of block itself: stored, else built in. */
int fetch_setting_own(struct settings *block, const char *name, void *buf,
		     size_t len, enum setting_type *type)
{
	const struct builtin_setting *builtin;
	struct setting_value *value = find_value(block, name);

	if (value) {
		if (len)
			memcpy(buf, value->data,
			       value->len < len ? value->len : len);
		if (type)
			*type = value->type;
		return (int)value->len;
	}
	for_each_table_entry(builtin, builtin_settings) {
		int rc;

		if (strcmp(builtin->name, name) != 0)
			continue;
		rc = builtin->fetch(block, buf, len);
		if (rc == -ENOENT)
			continue;
		if (rc >= 0 && type)
			*type = builtin->type;
		return rc;
	}
	return -ENOENT;
}

/* Depth-first: block, then each child with its own children in order. */
static int fetch_tree(struct settings *block, const char *name, void *buf,
		      size_t len, enum setting_type *type)
{
	struct settings *child;
	int rc = fetch_setting_own(block, name, buf, len, type);

	if (rc != -ENOENT)
		return rc;
	list_for_each_entry(child, &block->children, siblings) {
		rc = fetch_tree(child, name, buf, len, type);
		if (rc != -ENOENT)
			return rc;
	}
	return -ENOENT;
}

int fetch_setting(struct settings *block, const char *name, void *buf,
		  size_t len, enum setting_type *type)
{
	return fetch_tree(block ? block : &global_settings, name, buf, len,
			  type);
}

/* A parsed "block/name:type". */
struct named_setting {
	struct settings *block;	/* NULL: unqualified or a scope */
	const struct settings_scope *scope;
	char name[64];
	bool has_type;
	enum setting_type type;
};

static const struct settings_scope *find_scope(const char *name, size_t len)
{
	const struct settings_scope *scope;

	for_each_table_entry(scope, settings_scopes) {
		if (strlen(scope->name) == len &&
		    strncmp(scope->name, name, len) == 0)
			return scope;
	}
	return NULL;
}

static int parse_setting_name(const char *text, struct named_setting *named)
{
	const char *slash = strchr(text, '/');
	const char *name = slash ? slash + 1 : text;
	const char *colon = strchr(name, ':');
	size_t name_len = colon ? (size_t)(colon - name) : strlen(name);

	named->block = NULL;
	named->scope = NULL;
	if (slash) {
		size_t block_len = (size_t)(slash - text);

		named->block = find_settings_len(text, block_len);
		if (!named->block)
			named->scope = find_scope(text, block_len);
		if (!named->block && !named->scope)
			return -ENOENT;
	}
	if (name_len == 0 || name_len >= sizeof(named->name) ||
	    memchr(name, '/', name_len))
		return -EINVAL;
	memcpy(named->name, name, name_len);
	named->name[name_len] = '\0';
	named->has_type = colon != NULL;
	if (colon)
		return setting_type_from_name(colon + 1, &named->type);
	return 0;
}

/* A named value from the tree or the scopes: the scope named, else the
 * tree from block, then (unqualified) every scope. */
static int fetch_named(const struct named_setting *named, void *buf,
		       size_t len, enum setting_type *type)
{
	const struct settings_scope *scope;
	int rc;

	if (named->scope)
		return named->scope->fetch(named->name, true, buf, len, type);
	rc = fetch_tree(named->block ? named->block : &global_settings,
			named->name, buf, len, type);
	if (rc != -ENOENT || named->block)
		return rc;
	for_each_table_entry(scope, settings_scopes) {
		rc = scope->fetch(named->name, false, buf, len, type);
		if (rc != -ENOENT)
			return rc;
	}
	return -ENOENT;
}

/* Fetches a whole value into a new buffer (freed by the caller). */
static int fetch_alloc(const struct named_setting *named, uint8_t **data,
		       enum setting_type *type)
{
	int len = fetch_named(named, NULL, 0, type), rc;

	if (len < 0)
		return len;
	*data = malloc((size_t)len + 1);
	if (!*data)
		return -ENOMEM;
	rc = fetch_named(named, *data, (size_t)len, type);
	if (rc < 0) {
		free(*data);
		return rc;
	}
	return rc > len ? len : rc;
}

int parse_setting_numbers(const char *name, unsigned long long *parts,
			  unsigned max)
{
	const char *p = name;
	unsigned count = 0;

	while (1) {
		unsigned long long value = 0;
		unsigned base = 10, digits = 0;

		if (count == max)
			return -EINVAL;
		if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
			base = 16;
			p += 2;
		}
		for (; isxdigit((unsigned char)*p); p++, digits++) {
			unsigned digit = isdigit((unsigned char)*p) ?
					 (unsigned)(*p - '0') :
					 (unsigned)(tolower((unsigned char)*p) -
						    'a' + 10);

			if (digit >= base || value > (~0ULL - digit) / base)
				return -EINVAL;
			value = value * base + digit;
		}
		if (!digits)
			return -EINVAL;
		parts[count++] = value;
		if (!*p)
			return (int)count;
		if (*p++ != '.')
			return -EINVAL;
	}
}

int fetchf_setting(const char *name, char *buf, size_t len)
{
	struct named_setting named;
	enum setting_type type;
	uint8_t *data;
	int rc, raw_len;

	if (len)
		buf[0] = '\0';
	rc = parse_setting_name(name, &named);
	if (rc)
		return rc;
	raw_len = fetch_alloc(&named, &data, &type);
	if (raw_len < 0)
		return raw_len;
	rc = format_setting(named.has_type ? named.type : type, data,
			    (size_t)raw_len, buf, len);
	free(data);
	return rc;
}

int storef_setting(const char *name, const char *text)
{
	struct named_setting named;
	struct settings *block;
	enum setting_type type = SETTING_STRING;
	size_t max;
	uint8_t *raw;
	int rc;

	rc = parse_setting_name(name, &named);
	if (rc)
		return rc;
	if (named.scope)
		return -ENOTSUP;
	block = named.block ? named.block : &global_settings;
	if (named.has_type) {
		type = named.type;
	} else if (fetch_tree(block, named.name, NULL, 0, &type) < 0) {
		/* Otherwise it keeps the type of the value it overrides
		 * ("set net0/ip ..." is an address like the one DHCP stored),
		 * or the type its name is known by. */
		const struct setting_definition *definition;

		type = SETTING_STRING;
		for_each_table_entry(definition, setting_definitions) {
			if (strcmp(definition->name, named.name) == 0)
				type = definition->type;
		}
	}
	if (!*text)
		return store_setting(block, named.name, type, NULL, 0);
	/* No type's raw form is longer than its text, but for a number's
	 * fixed width. */
	max = strlen(text) + sizeof(uint64_t);
	raw = malloc(max);
	if (!raw)
		return -ENOMEM;
	rc = parse_setting(type, text, raw, max);
	if (rc >= 0)
		rc = store_setting(block, named.name, type, raw, (size_t)rc);
	free(raw);
	return rc;
}

/* ---- built-in global settings ---------------------------------------- */

static int fetch_text(struct settings *block, const char *text, size_t max,
		      void *buf, size_t len)
{
	size_t text_len = strnlen(text, max);

	if (block != &global_settings)
		return -ENOENT;
	if (len)
		memcpy(buf, text, text_len < len ? text_len : len);
	return (int)text_len;
}

static int fetch_version(struct settings *block, void *buf, size_t len)
{
	return fetch_text(block, build_info.version,
			  sizeof(build_info.version), buf, len);
}

static int fetch_buildarch(struct settings *block, void *buf, size_t len)
{
#if defined(__x86_64__)
	static const char arch[] = "x86_64";
#elif defined(__aarch64__)
	static const char arch[] = "arm64";
#elif defined(__i386__)
	static const char arch[] = "i386";
#else
#error "unknown architecture"
#endif
	return fetch_text(block, arch, sizeof(arch), buf, len);
}

BUILTIN_SETTING(version_setting) = {
	.name = "version", .type = SETTING_STRING, .fetch = fetch_version,
};
BUILTIN_SETTING(buildarch_setting) = {
	.name = "buildarch", .type = SETTING_STRING, .fetch = fetch_buildarch,
};
