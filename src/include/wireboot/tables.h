/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WIREBOOT_TABLES_H
#define WIREBOOT_TABLES_H

/*
 * Link-time tables.
 *
 * A feature plugs into the core by placing an entry in a named table instead
 * of being called from a list somebody has to maintain: each entry lives in
 * an input section ".tbl.<table>.<order>", and the linker script keeps all of
 * them and sorts them by name, so every table is one contiguous array
 * bracketed by the zero-size markers at orders "00" and "99".
 *
 * Entries carry an explicit alignment equal to their type's natural one; this
 * stops the compiler from padding larger objects to a vector alignment, which
 * would leave gaps between entries.
 */

#include <wireboot/compiler.h>

#define TABLE_SECTION(table, order) ".tbl." #table "." #order

#define TABLE_PLACEMENT(type, table, order)                                  \
	__attribute__((section(TABLE_SECTION(table, order)),                 \
		       aligned(__alignof__(type))))
#define TABLE_ENTRY(type, table, order)                                      \
	__attribute__((used)) TABLE_PLACEMENT(type, table, order)

/* Declare (in a header) that "table" holds entries of "type". */
#define TABLE_DECLARE(type, table)                                           \
	extern type table##_table_start[0] TABLE_PLACEMENT(type, table, 00); \
	extern type table##_table_end[0] TABLE_PLACEMENT(type, table, 99)

/* Define the table's markers (in exactly one source file). */
#define TABLE_DEFINE(type, table)                                            \
	type table##_table_start[0] TABLE_ENTRY(type, table, 00);            \
	type table##_table_end[0] TABLE_ENTRY(type, table, 99)

/*
 * The markers are zero-size objects, so the compiler (and the sanitizers of
 * host tests) would consider any access through them out of bounds; passing
 * the address through an empty asm hides where it came from.
 */
#define TABLE_LAUNDER(array)                                                 \
	({                                                                   \
		__typeof__((array)[0]) *laundered_ = (array);                \
		__asm__("" : "+r"(laundered_));                              \
		laundered_;                                                  \
	})
#define TABLE_START(table) TABLE_LAUNDER(table##_table_start)
#define TABLE_END(table) TABLE_LAUNDER(table##_table_end)
#define TABLE_COUNT(table) ((size_t)(TABLE_END(table) - TABLE_START(table)))

#define for_each_table_entry(entry, table)                                   \
	for ((entry) = TABLE_START(table); (entry) < TABLE_END(table); (entry)++)

/*
 * Link-time selection of objects. Code always compiles; what is linked is
 * decided by references: PROVIDE_OBJECT(name) in an object defines a symbol,
 * REQUIRE_OBJECT(name) (in the configuration object) references it, which
 * makes the linker pull that object out of the library archive.
 */
#define PROVIDE_OBJECT(name) const char object_##name[1] __used = { 0 }
#define REQUIRE_OBJECT(name)                                                 \
	extern const char object_##name[1];                                 \
	static const char *const object_required_##name __used = object_##name

#endif
