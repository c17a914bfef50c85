/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The resolver's answer cache (see net/dns_cache.h): a small fixed table,
 * searched in full, because a boot asks for a few names and a table
 * cannot grow without bound. Names compare as DNS names do. An entry
 * expires by the monotonic clock, which no one can set back.
 */

#include <string.h>
#include <net/dns_cache.h>
#include <wireboot/timer.h>

#define DNS_CACHE_ENTRIES 16

struct dns_cache_entry {
	char name[DNS_NAME_MAX];
	unsigned qtype;
	int rc;
	uint8_t address[DNS_ADDRESS_MAX];
	size_t address_len;
	uint64_t expires_us;	/* 0: empty */
};

static struct dns_cache_entry dns_cache[DNS_CACHE_ENTRIES];
static struct in_addr dns_server;

static bool same_key(const struct dns_cache_entry *entry, const char *name,
		     unsigned qtype)
{
	return entry->qtype == qtype && dns_same_name(entry->name, name);
}

static bool live(const struct dns_cache_entry *entry, uint64_t now)
{
	return entry->expires_us > now;
}

bool dns_cache_find(const char *name, unsigned qtype, int *rc,
		    struct dns_answer *answer)
{
	uint64_t now = monotonic_us();
	size_t i;

	for (i = 0; i < DNS_CACHE_ENTRIES; i++) {
		const struct dns_cache_entry *entry = &dns_cache[i];

		if (!live(entry, now) || !same_key(entry, name, qtype))
			continue;
		memset(answer, 0, sizeof(*answer));
		memcpy(answer->address, entry->address, entry->address_len);
		answer->address_len = entry->address_len;
		answer->ttl = (uint32_t)((entry->expires_us - now) / 1000000);
		*rc = entry->rc;
		return true;
	}
	return false;
}

void dns_cache_add(const char *name, unsigned qtype, int rc,
		   const struct dns_answer *answer)
{
	uint32_t limit = rc ? DNS_CACHE_NEGATIVE_MAX : DNS_CACHE_POSITIVE_MAX;
	uint32_t ttl = answer->ttl < limit ? answer->ttl : limit;
	uint64_t now = monotonic_us();
	struct dns_cache_entry *entry = &dns_cache[0];
	size_t i;

	if (!ttl || strlen(name) >= sizeof(entry->name) ||
	    answer->address_len > sizeof(entry->address))
		return;
	/* The same question's old entry, else a free one, else the one
	 * closest to expiring. */
	for (i = 0; i < DNS_CACHE_ENTRIES; i++) {
		struct dns_cache_entry *candidate = &dns_cache[i];

		if (live(candidate, now) && same_key(candidate, name, qtype)) {
			entry = candidate;
			break;
		}
		if (!live(candidate, now) ||
		    (live(entry, now) &&
		     candidate->expires_us < entry->expires_us))
			entry = candidate;
	}
	strlcpy(entry->name, name, sizeof(entry->name));
	entry->qtype = qtype;
	entry->rc = rc;
	memcpy(entry->address, answer->address, answer->address_len);
	entry->address_len = rc ? 0 : answer->address_len;
	entry->expires_us = now + (uint64_t)ttl * 1000000;
}

struct in_addr dns_cache_server(void)
{
	return dns_server;
}

void dns_cache_set_server(struct in_addr server)
{
	dns_server = server;
}

void dns_cache_flush(void)
{
	memset(dns_cache, 0, sizeof(dns_cache));
	dns_server.s_addr = INADDR_ANY;
}
