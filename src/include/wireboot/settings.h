/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WIREBOOT_SETTINGS_H
#define WIREBOOT_SETTINGS_H

/*
 * Settings: named, typed values that scripts read as ${name}. They live in
 * blocks arranged in a tree: the global block (""), one block per network
 * device ("net0"), and blocks below those ("net0.dhcp" holds what the DHCP
 * server sent). A name may be qualified ("net0/ip") or not ("ip": the first
 * block that has it, global first, then each device in order).
 *
 * Values are stored as raw bytes with a type that says how to show and
 * parse them: ipv4 (4 bytes, or a multiple for a list), hex, hexhyp,
 * hexraw, base64 (any), string, uristring, uuid (16 bytes), uint (1-8
 * bytes, big-endian as DHCP sends them), int8/16/32 and uint8/16/32 (that
 * many bytes, big-endian), busdevfn (a PCI address: segment << 16 | bus << 8
 * | device << 3 | function), ipv6 (16 bytes). A ":type" given when reading
 * shows the stored bytes in that form.
 *
 * A block's name is its own part of the path ("dhcp" for the block below
 * "net0"); find_settings() joins the parts with dots. Looking a name up in
 * a block also looks in the blocks below it, so "net0/ip" finds what DHCP
 * stored in "net0.dhcp".
 *
 * Text forms: ipv4 "10.0.2.15" (a list: "10.0.2.3,10.0.2.4"); hex
 * "52:54:00:12:34:56" (parsing also takes
 * "525400123456": an even number of digits, two per byte); uuid
 * "8-4-4-4-12" hex digits in the byte order of RFC 4122 (a platform that
 * reads a mixed-endian SMBIOS or EFI GUID converts it before storing);
 * uint decimal (parsing also takes "0x" hex); hexhyp "52-54-00-12-34-56";
 * hexraw "525400123456"; uristring the text with every byte but
 * A-Z a-z 0-9 - . _ ~ percent-encoded; base64 RFC 4648 with padding;
 * int8/16/32 signed decimal; uint8/16/32 "0x" hex as the established
 * language shows them (parsing both take decimal or "0x" hex); busdevfn
 * "bb:dd.f" or, beyond segment 0, "ssss:bb:dd.f"; ipv6 "fe80::1".
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <wireboot/list.h>
#include <wireboot/tables.h>

enum setting_type {
	SETTING_STRING,
	SETTING_IPV4,
	SETTING_HEX,
	SETTING_UUID,
	SETTING_UINT,
	SETTING_HEXHYP,
	SETTING_HEXRAW,
	SETTING_URISTRING,
	SETTING_BASE64,
	SETTING_INT8,
	SETTING_INT16,
	SETTING_INT32,
	SETTING_UINT8,
	SETTING_UINT16,
	SETTING_UINT32,
	SETTING_BUSDEVFN,
	SETTING_IPV6,
};

struct settings {
	char name[16];
	/* Among siblings, lower orders are looked in first (0 by default);
	 * a device's link-local IPv6 block sits behind the others, so that
	 * ${net0/ip6} is the address a server gave, when there is one. */
	int order;
	struct settings *parent;
	struct list_head siblings;
	struct list_head children;
	struct list_head values;
};

extern struct settings global_settings;

/*
 * Values computed when asked for rather than stored (a device's MAC
 * address, the build's version): fetch() writes up to len bytes of block's
 * value and returns its full length, or -ENOENT when block has none (it is
 * asked for every block, so it checks which block it is given).
 */
struct builtin_setting {
	const char *name;
	enum setting_type type;
	int (*fetch)(struct settings *block, void *buf, size_t len);
};
TABLE_DECLARE(const struct builtin_setting, builtin_settings);
#define BUILTIN_SETTING(name) \
	const struct builtin_setting name TABLE_ENTRY(const struct builtin_setting, builtin_settings, 01)

/*
 * Block names that stand for another block, resolved when used: "netX" is
 * the network device opened last, as scripts written for this language
 * expect (${netX/mac}). resolve() returns NULL when there is none.
 */
struct settings_alias {
	const char *name;
	struct settings *(*resolve)(void);
};
TABLE_DECLARE(const struct settings_alias, settings_aliases);
#define SETTINGS_ALIAS(name) \
	const struct settings_alias name TABLE_ENTRY(const struct settings_alias, settings_aliases, 01)

/*
 * Scopes whose values are computed from their names rather than stored:
 * "cpuid/2.0x80000001", "pci/0x18.0.2", "smbios/uuid", "efi/SecureBoot".
 * A scope is always there (no registration); "name/..." reaches it when no
 * block has that name. fetch() gets the name as written after the '/'
 * (qualified true) or an unqualified name looked for everywhere (false:
 * only names of their own, such as "manufacturer", answer then); it
 * writes up to len bytes, sets *type to how the value is shown, and
 * returns the full length or -ENOENT. Scopes cannot be written.
 */
struct settings_scope {
	const char *name;
	int (*fetch)(const char *name, bool qualified, void *buf, size_t len,
		     enum setting_type *type);
};
TABLE_DECLARE(const struct settings_scope, settings_scopes);
#define SETTINGS_SCOPE(name) \
	const struct settings_scope name TABLE_ENTRY(const struct settings_scope, settings_scopes, 01)

/*
 * Settings that take effect: whenever a registered block's values change
 * (a store, a block registered or removed), every applicator runs, so
 * "set net0/ip 192.168.0.5" configures the device just as DHCP's lease
 * does. apply() returns 0 or the error of the value it refused.
 */
struct settings_applicator {
	const char *name;
	int (*apply)(void);
};
TABLE_DECLARE(const struct settings_applicator, settings_applicators);
#define SETTINGS_APPLICATOR(name) \
	const struct settings_applicator name TABLE_ENTRY(const struct settings_applicator, settings_applicators, 01)

/* The type of a well-known name, so that text stored under it ("set ip
 * 10.0.0.5") is parsed as what it is. */
struct setting_definition {
	const char *name;
	enum setting_type type;
};
TABLE_DECLARE(const struct setting_definition, setting_definitions);
#define SETTING_DEFINITION(name) \
	const struct setting_definition name TABLE_ENTRY(const struct setting_definition, setting_definitions, 01)

/* The numbers of a name such as "0x18.0.2" (decimal or "0x" hexadecimal,
 * separated by dots): up to max of them into parts; returns their count,
 * or -EINVAL for anything else. */
int parse_setting_numbers(const char *name, unsigned long long *parts,
			  unsigned max);

/* Runs every applicator; the first error, or 0. */
int apply_settings(void);

void settings_init(struct settings *block, const char *name);
/* Makes block a child of parent (NULL: the global block). */
void register_settings(struct settings *block, struct settings *parent);
/* Detaches block and frees its values. */
void unregister_settings(struct settings *block);
/* Finds a block by path ("net0", "net0.dhcp"); NULL if none. */
struct settings *find_settings(const char *path);

/* Stores (len 0: deletes) a raw value. Returns 0 or -ENOMEM / -EINVAL. */
int store_setting(struct settings *block, const char *name,
		  enum setting_type type, const void *data, size_t len);
/* Copies a raw value into buf (up to len bytes); returns the value's full
 * length, or -ENOENT. The type is reported if type is not NULL. Looks in
 * block, then in the blocks below it (block NULL: every block). */
int fetch_setting(struct settings *block, const char *name, void *buf,
		  size_t len, enum setting_type *type);

/* The same for block's own value alone (stored or built in), for a
 * reader that walks the blocks itself. */
int fetch_setting_own(struct settings *block, const char *name, void *buf,
		      size_t len, enum setting_type *type);
/* The name of block's own index-th stored value (not its children's), in
 * the order they were first stored, and its type if type is not NULL;
 * NULL past the last. For listings and completion. */
const char *stored_setting_name(const struct settings *block, unsigned index,
				enum setting_type *type);

/* Formats a value by its type into text: returns the text length (like
 * snprintf, may exceed len), or a negative error. */
int format_setting(enum setting_type type, const void *raw, size_t raw_len,
		   char *buf, size_t len);
/* Parses text of a type into raw bytes; returns the raw length or
 * -EINVAL (or -ERANGE if buf is too small). */
int parse_setting(enum setting_type type, const char *text, void *buf,
		  size_t len);
/* Type names as scripts write them ("string", "ipv4", "hex", "uuid",
 * "uint", "hexhyp", "ipv6", ...); returns -EINVAL for others. */
int setting_type_from_name(const char *name, enum setting_type *type);

/* By full name ("net0/ip", "filename", "net0.dhcp/next-server:hex" with
 * an optional ":type" that overrides how the value is shown): */
/* fetchf_setting() returns the text length (like snprintf) or -ENOENT.
 * storef_setting() parses text by the ":type" given, else by the type of
 * the value it replaces, else as a string; "" deletes. An unqualified name
 * is stored in the global block. */
int fetchf_setting(const char *name, char *buf, size_t len);
int storef_setting(const char *name, const char *text);

#endif
