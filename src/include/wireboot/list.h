/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WIREBOOT_LIST_H
#define WIREBOOT_LIST_H

/* Intrusive doubly-linked lists. */

#include <stdbool.h>
#include <wireboot/compiler.h>

struct list_head {
	struct list_head *next;
	struct list_head *prev;
};

#define LIST_HEAD_INIT(name) { &(name), &(name) }
#define LIST_HEAD(name) struct list_head name = LIST_HEAD_INIT(name)

static inline void INIT_LIST_HEAD(struct list_head *list)
{
	list->next = list->prev = list;
}

static inline void list_insert_between(struct list_head *entry,
				       struct list_head *prev,
				       struct list_head *next)
{
	next->prev = entry;
	entry->next = next;
	entry->prev = prev;
	prev->next = entry;
}

static inline void list_add(struct list_head *entry, struct list_head *head)
{
	list_insert_between(entry, head, head->next);
}

static inline void list_add_tail(struct list_head *entry, struct list_head *head)
{
	list_insert_between(entry, head->prev, head);
}

/* Removes entry and leaves it pointing at itself, so that a second
 * list_del() or list_empty() on the entry is harmless. */
static inline void list_del(struct list_head *entry)
{
	entry->next->prev = entry->prev;
	entry->prev->next = entry->next;
	INIT_LIST_HEAD(entry);
}

static inline bool list_empty(const struct list_head *head)
{
	return head->next == head;
}

#define list_entry(ptr, type, member) container_of(ptr, type, member)
#define list_first_entry(head, type, member) \
	(list_empty(head) ? NULL : list_entry((head)->next, type, member))

#define list_for_each_entry(pos, head, member)                               \
	for ((pos) = list_entry((head)->next, __typeof__(*(pos)), member);   \
	     &(pos)->member != (head);                                       \
	     (pos) = list_entry((pos)->member.next, __typeof__(*(pos)), member))

#define list_for_each_entry_reverse(pos, head, member)                       \
	for ((pos) = list_entry((head)->prev, __typeof__(*(pos)), member);   \
	     &(pos)->member != (head);                                       \
	     (pos) = list_entry((pos)->member.prev, __typeof__(*(pos)), member))

#define list_for_each_entry_safe(pos, tmp, head, member)                     \
	for ((pos) = list_entry((head)->next, __typeof__(*(pos)), member),   \
	     (tmp) = list_entry((pos)->member.next, __typeof__(*(pos)), member); \
	     &(pos)->member != (head);                                       \
	     (pos) = (tmp),                                                  \
	     (tmp) = list_entry((tmp)->member.next, __typeof__(*(pos)), member))

#endif
