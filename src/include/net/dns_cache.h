/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef NET_DNS_CACHE_H
#define NET_DNS_CACHE_H

/*
 * Answers the resolver has had, kept as long as their TTL allows: positive
 * ones (an address), and negative ones (no such name, or no record of the
 * type) for the SOA's time but never long (RFC 2308), so that a name
 * created a moment later is found. A handful of entries: a boot looks up
 * few names, and the oldest answer makes room. It also keeps which server
 * answered last, which the next lookup asks first.
 */

#include <stdbool.h>
#include <net/dns_packet.h>
#include <net/in.h>

/* Longest a negative answer is kept, whatever its SOA says (seconds). */
#define DNS_CACHE_NEGATIVE_MAX 60
/* Longest a positive one is kept (seconds). */
#define DNS_CACHE_POSITIVE_MAX 86400

/* Keeps rc (0, or -ENOENT) and, for 0, answer's address for name and
 * qtype, for answer->ttl seconds (0: not kept). */
void dns_cache_add(const char *name, unsigned qtype, int rc,
		   const struct dns_answer *answer);

/* True when name and qtype have a live entry: *rc is what it was (0 with
 * the address in answer, or -ENOENT). */
bool dns_cache_find(const char *name, unsigned qtype, int *rc,
		    struct dns_answer *answer);

/* The server that answered last (INADDR_ANY: none), and the next one. */
struct in_addr dns_cache_server(void);
void dns_cache_set_server(struct in_addr server);

/* Forgets every answer, and the server. */
void dns_cache_flush(void);

#endif
