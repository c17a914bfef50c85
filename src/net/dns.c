/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * DNS resolver (see net/dns.h): one object per lookup, with a resolver
 * interface to whoever asked and one unconnected UDP socket (one random
 * port) from which it asks the servers of the "dns" setting.
 *
 * A question goes to one server at a time: when it stays silent the same
 * question (same id) goes to the next, and after a round of every server
 * the wait doubles (1, 2, 4, 8 s); the whole lookup ends with ETIMEDOUT
 * when DNS_TOTAL_US have passed. A server that answers with a failure
 * (SERVFAIL, REFUSED) passes the question on to the next at once. The
 * server that answered last is asked first, in later lookups too, so a
 * dead server costs its wait once rather than in every lookup. An answer from any of the servers counts,
 * so a slow first server that answers late is not wasted.
 *
 * What is asked: the name as given when it has a dot, else the name in each
 * search domain in turn ("domain", then DHCP's domain search list, option
 * 119); for each, the record type of each address family wanted (the
 * asker's, or every registered family's in table order: A, and AAAA once a
 * family registers it). An alias is asked for again (a bounded number of
 * times). Every answer, and briefly every "no such name", is cached
 * (net/dns_cache.h) under the name it answers, so the next lookup of the
 * same name asks nothing.
 *
 * Lookups run side by side and never wait: the answer, or the error,
 * reaches the asker through its interface, always on a later pass of the
 * main loop, even when it comes from the cache.
 */

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <net/dns.h>
#include <net/dns_cache.h>
#include <net/dns_packet.h>
#include <net/in6.h>
#include <net/in.h>
#include <net/resolv.h>
#include <wireboot/debug.h>
#include <wireboot/errfile.h>
#include <wireboot/features.h>
#include <wireboot/process.h>
#include <wireboot/random.h>
#include <wireboot/retry.h>
#include <wireboot/settings.h>
#include <wireboot/timer.h>
#include <wireboot/xfer.h>

PROVIDE_OBJECT(dns);

#define ERRFILE ERRFILE_dns

FEATURE("dns");

#define DNS_RETRY_MIN_US 1000000ULL
#define DNS_RETRY_MAX_US 8000000ULL
/* However many servers and questions: a lookup ends within this. */
#define DNS_TOTAL_US 15000000ULL
/* Aliases of aliases: more than this is a loop or a broken zone. */
#define DNS_MAX_CNAMES 8
#define DNS_QUERY_MAX 512
#define DNS_MAX_SERVERS 4
#define DNS_MAX_SEARCH 4
/* DHCP keeps every option under its number: 119 is the domain search
 * list (RFC 3397), as it came. */
#define DNS_SEARCH_SETTING "119"
/* Record types asked for one name: one per address family. */
#define DNS_MAX_TYPES 4

struct dns_lookup {
	struct refcnt refcnt;
	struct interface resolv;	/* to the asker */
	struct interface xfer;		/* UDP to the servers */
	bool socket_open;
	struct retry_timer timer;
	/* Finishes on the next pass (answers from the cache). */
	struct process process;
	int result;

	struct sockaddr_in servers[DNS_MAX_SERVERS];
	unsigned num_servers;
	unsigned server;		/* asked now */
	unsigned sent;			/* times the question went out */
	uint64_t deadline_us;

	/* The names to try (the search list applied) and the families. */
	char candidates[DNS_MAX_SEARCH + 1][DNS_NAME_MAX];
	unsigned num_candidates, candidate;
	const struct sockaddr_family *families[DNS_MAX_TYPES];
	unsigned num_families, family;

	uint16_t id;
	char name[DNS_NAME_MAX];	/* asked now: a candidate or an alias */
	unsigned cnames;
	uint32_t ttl;			/* smallest along the alias chain */
	struct sockaddr answer;		/* the asker's template, filled in */
	bool done;
	const char *reason;	/* for the asker, with a failure */
};

static unsigned dns_qtype(struct dns_lookup *lookup)
{
	return lookup->families[lookup->family]->dns_type;
}

/* A random id for each question (RFC 5452): with the random source port
 * it is what an off-path attacker would have to guess. */
static int dns_new_id(struct dns_lookup *lookup)
{
	uint32_t value;
	int rc = random_u32(&value);

	lookup->id = (uint16_t)value;
	return rc;
}

static int dns_send(struct dns_lookup *lookup)
{
	struct xfer_metadata meta = {
		.dest = (struct sockaddr *)&lookup->servers[lookup->server],
	};
	struct io_buffer *iob;
	int len, rc;

	if (!lookup->socket_open) {
		rc = xfer_open_socket(&lookup->xfer, SOCK_DGRAM, NULL, NULL);
		if (rc)
			return rc;
		lookup->socket_open = true;
	}
	iob = xfer_alloc_iob(&lookup->xfer, DNS_QUERY_MAX);
	if (!iob)
		return -EUNIQ(ENOMEM, 1);
	len = dns_build_query(iob->tail, DNS_QUERY_MAX, lookup->id,
			      lookup->name, dns_qtype(lookup));
	if (len < 0) {
		free_iob(iob);
		return len;
	}
	iob_put(iob, (size_t)len);
	DBG2("DNS: asking server %u for %s (type %u)\n", lookup->server,
	     lookup->name, dns_qtype(lookup));
	return xfer_deliver(&lookup->xfer, iob, &meta);
}

/* Ends the lookup once; the asker hears the answer (rc 0) or why not. */
static void dns_finish(struct dns_lookup *lookup, int rc)
{
	if (lookup->done)
		return;
	lookup->done = true;
	DBG("DNS: %s: %s\n", lookup->name, rc ? strerror(rc) : "resolved");
	stop_timer(&lookup->timer);
	process_del(&lookup->process);
	intf_shutdown(&lookup->xfer, rc);
	if (rc == 0)
		resolv_done(&lookup->resolv, &lookup->answer);
	else if (lookup->reason)
		intf_reason(&lookup->resolv, lookup->reason);
	intf_shutdown(&lookup->resolv, rc);
}

/* The result arrives from the main loop, never from inside resolv(). */
static void dns_finish_later(struct dns_lookup *lookup, int rc)
{
	lookup->result = rc;
	stop_timer(&lookup->timer);
	process_add(&lookup->process);
}

static void dns_step(struct process *process)
{
	struct dns_lookup *lookup =
		container_of(process, struct dns_lookup, process);

	dns_finish(lookup, lookup->result);
}

/* The wait after the question's latest transmission: doubling after each
 * round of every server, and never past the lookup's end. */
static uint64_t dns_interval(struct dns_lookup *lookup)
{
	unsigned round = (lookup->sent - 1) / lookup->num_servers;
	uint64_t interval = DNS_RETRY_MIN_US << (round < 8 ? round : 8);
	uint64_t now = monotonic_us();
	uint64_t left = lookup->deadline_us > now ? lookup->deadline_us - now : 0;

	if (interval > DNS_RETRY_MAX_US)
		interval = DNS_RETRY_MAX_US;
	return interval < left ? interval : left;
}

/* Moves to the next record type, else (or when the name does not exist
 * at all) the next search candidate; false when every question has been
 * answered negatively. */
static bool dns_next_question(struct dns_lookup *lookup, bool no_name)
{
	if (no_name || ++lookup->family >= lookup->num_families) {
		lookup->family = 0;
		if (++lookup->candidate >= lookup->num_candidates)
			return false;
	}
	strlcpy(lookup->name, lookup->candidates[lookup->candidate],
		sizeof(lookup->name));
	lookup->cnames = 0;
	lookup->ttl = UINT32_MAX;
	return true;
}

/* The asker's template with the address of the current family. */
static void dns_fill_answer(struct dns_lookup *lookup,
		       const struct dns_answer *answer)
{
	lookup->answer.sa_family = lookup->families[lookup->family]->family;
	memcpy((uint8_t *)&lookup->answer + SOCKADDR_ADDRESS_OFFSET,
	       answer->address, answer->address_len);
}

/* Asks the current question (lookup->name), unless the cache answers it:
 * with an address, the lookup is done; "no such name" moves on to the
 * next question. */
static int dns_ask(struct dns_lookup *lookup)
{
	struct dns_answer cached;
	int rc;

	while (dns_cache_find(lookup->name, dns_qtype(lookup), &rc, &cached)) {
		DBG2("DNS: %s (type %u) from the cache\n", lookup->name,
		     dns_qtype(lookup));
		if (rc == 0) {
			dns_fill_answer(lookup, &cached);
			dns_finish_later(lookup, 0);
			return 0;
		}
		if (!dns_next_question(lookup, false)) {
			dns_finish_later(lookup, rc);
			return 0;
		}
	}
	stop_timer(&lookup->timer);
	rc = dns_new_id(lookup);
	if (rc) {
		/* No question with a guessable id: the asker hears why, from
		 * the main loop (the reason needs it plugged in). */
		lookup->reason = "DNS: no entropy source for the query's "
				 "random id";
		dns_finish_later(lookup, rc);
		return 0;
	}
	rc = dns_send(lookup);
	if (rc)
		return rc;
	lookup->sent = 1;
	start_timer_fixed(&lookup->timer, dns_interval(lookup));
	return 0;
}

/* Asks the next question if there is one, else ends with rc. */
static void dns_ask_next(struct dns_lookup *lookup, bool no_name, int rc)
{
	if (dns_next_question(lookup, no_name))
		rc = dns_ask(lookup);
	if (rc)
		dns_finish(lookup, rc);
}

/* The same question to the next server. */
static void dns_retry(struct dns_lookup *lookup)
{
	int rc;

	lookup->server = (lookup->server + 1) % lookup->num_servers;
	lookup->sent++;
	rc = dns_send(lookup);
	if (rc) {
		dns_finish(lookup, rc);
		return;
	}
	start_timer_fixed(&lookup->timer, dns_interval(lookup));
}

/* Silence: the next server, until the end. */
static void dns_expired(struct retry_timer *timer, bool fail __unused)
{
	struct dns_lookup *lookup = container_of(timer, struct dns_lookup, timer);

	if (monotonic_us() >= lookup->deadline_us) {
		DBG("DNS: no answer for %s\n", lookup->name);
		dns_finish(lookup, -EUNIQ(ETIMEDOUT, 4));
		return;
	}
	dns_retry(lookup);
}

static int dns_server_index(struct dns_lookup *lookup,
			    const struct sockaddr_in *src)
{
	unsigned i;

	for (i = 0; i < lookup->num_servers; i++) {
		if (sock_same_address((const struct sockaddr_tcpip *)src,
				      (const struct sockaddr_tcpip *)
				      &lookup->servers[i]) &&
		    src->sin_port == lookup->servers[i].sin_port)
			return (int)i;
	}
	return -1;
}

static void dns_answered(struct dns_lookup *lookup,
			 const struct dns_answer *parsed, int rc)
{
	unsigned qtype = dns_qtype(lookup);
	const char *candidate = lookup->candidates[lookup->candidate];
	struct dns_answer kept = *parsed;

	lookup->ttl = parsed->ttl < lookup->ttl ? parsed->ttl : lookup->ttl;
	kept.ttl = lookup->ttl;
	if (rc == -ENOENT) {
		unsigned i;

		DBG("DNS: no %s (type %u)\n", lookup->name, qtype);
		/* A name that does not exist has no record of any type. */
		for (i = 0; i < lookup->num_families; i++) {
			if (i == lookup->family || parsed->no_name)
				dns_cache_add(candidate,
					      lookup->families[i]->dns_type,
					      rc, &kept);
		}
		dns_ask_next(lookup, parsed->no_name, -EUNIQ(ENOENT, 9));
	} else if (rc == -EIO && lookup->sent < lookup->num_servers) {
		/* A server that fails (or refuses): the others may not. */
		DBG("DNS: server %u failed for %s\n", lookup->server,
		    lookup->name);
		dns_retry(lookup);
	} else if (rc) {
		dns_finish(lookup, rc);
	} else if (parsed->address_len) {
		dns_cache_add(candidate, qtype, 0, &kept);
		dns_fill_answer(lookup, parsed);
		dns_finish(lookup, 0);
	} else if (++lookup->cnames > DNS_MAX_CNAMES) {
		DBG("DNS: too many aliases for %s\n", candidate);
		dns_finish(lookup, -EUNIQ(EPROTO, 2));
	} else {
		DBG("DNS: %s is an alias of %s\n", lookup->name, parsed->cname);
		strlcpy(lookup->name, parsed->cname, sizeof(lookup->name));
		rc = dns_ask(lookup);
		if (rc)
			dns_finish(lookup, rc);
	}
}

static int dns_deliver(struct interface *xfer, struct io_buffer *iob,
		       struct xfer_metadata *meta)
{
	struct dns_lookup *lookup = container_of(xfer, struct dns_lookup, xfer);
	const struct sockaddr_in *src = (struct sockaddr_in *)meta->src;
	struct dns_answer parsed;
	int server, rc;

	/* Only a server we asked, from its port, for the question now. */
	if (lookup->done || !src || !src->sin_family ||
	    (server = dns_server_index(lookup, src)) < 0)
		goto drop;
	rc = dns_parse_response(iob->data, iob_len(iob), lookup->id,
				lookup->name, dns_qtype(lookup), &parsed);
	if (errno_base(rc) == -EINVAL) {
		DBG("DNS: malformed or unrelated answer ignored\n");
		goto drop;
	}
	/* The next question goes first to the server that answered. */
	lookup->server = (unsigned)server;
	dns_cache_set_server(src->sin_addr);
	dns_answered(lookup, &parsed, rc);
drop:
	free_iob(iob);
	return 0;
}

static void dns_xfer_close(struct interface *xfer, int rc)
{
	dns_finish(container_of(xfer, struct dns_lookup, xfer),
		   rc ? rc : -EUNIQ(EPIPE, 3));
}

static const struct interface_operations dns_xfer_operations = {
	.deliver = dns_deliver,
	.close = dns_xfer_close,
};

/* The asker gave up. */
static void dns_resolv_close(struct interface *resolv, int rc)
{
	dns_finish(container_of(resolv, struct dns_lookup, resolv), rc);
}

static const struct interface_operations dns_resolv_operations = {
	.close = dns_resolv_close,
};

/* The servers DHCP (or the user) named: the "dns" setting holds one or
 * several IPv4 addresses; "dns6" (router advertisements, DHCPv6) an IPv6
 * one, tried after them. Every socket address has the same size, so the
 * IPv6 one takes a slot of the same array. */
static int dns_servers(struct dns_lookup *lookup)
{
	struct in_addr addrs[DNS_MAX_SERVERS];
	struct in6_addr addr6;
	int len = fetch_setting(NULL, "dns", addrs, sizeof(addrs), NULL);
	unsigned i, count;

	count = len < (int)sizeof(addrs[0]) ? 0 :
		(unsigned)len / sizeof(addrs[0]);
	if (count > DNS_MAX_SERVERS)
		count = DNS_MAX_SERVERS;
	for (i = 0; i < count; i++) {
		struct sockaddr_in *server;

		if (!addrs[i].s_addr)
			continue;
		if (addrs[i].s_addr == dns_cache_server().s_addr)
			lookup->server = lookup->num_servers;
		server = &lookup->servers[lookup->num_servers++];
		server->sin_family = AF_INET;
		server->sin_port = htons(DNS_PORT);
		server->sin_addr = addrs[i];
	}
	if (lookup->num_servers < DNS_MAX_SERVERS &&
	    fetch_setting(NULL, "dns6", &addr6, sizeof(addr6), NULL) ==
	    sizeof(addr6)) {
		struct sockaddr_in6 *server6 = (struct sockaddr_in6 *)
			&lookup->servers[lookup->num_servers++];

		memset(server6, 0, sizeof(*server6));
		server6->sin6_family = AF_INET6;
		server6->sin6_port = htons(DNS_PORT);
		server6->sin6_addr = addr6;
	}
	return lookup->num_servers ? 0 : -EUNIQ(ENXIO, 10);
}

static void dns_add_candidate(struct dns_lookup *lookup, const char *name,
			      const char *domain)
{
	char *out = lookup->candidates[lookup->num_candidates];
	unsigned i;

	if (lookup->num_candidates > DNS_MAX_SEARCH || !*domain)
		return;
	if (snprintf(out, DNS_NAME_MAX, "%s.%s", name, domain) >= DNS_NAME_MAX)
		return;
	for (i = 0; i < lookup->num_candidates; i++) {
		if (dns_same_name(lookup->candidates[i], out))
			return;
	}
	lookup->num_candidates++;
}

/* A name without a dot is tried in each search domain: the "domain"
 * setting, then the names of DHCP option 119 (RFC 3397: DNS names, with
 * compression inside the option), else as it is. */
static void dns_search(struct dns_lookup *lookup, const char *name)
{
	char domain[DNS_NAME_MAX];
	uint8_t list[256];
	int len;
	size_t pos = 0;

	if (!strchr(name, '.')) {
		len = fetch_setting(NULL, "domain", domain, sizeof(domain) - 1,
				    NULL);
		if (len > 0 && len < (int)sizeof(domain)) {
			domain[len] = '\0';
			dns_add_candidate(lookup, name, domain);
		}
		len = fetch_setting(NULL, DNS_SEARCH_SETTING, list,
				    sizeof(list), NULL);
		while (len > 0 && len <= (int)sizeof(list) &&
		       pos < (size_t)len &&
		       dns_decode_name(list, (size_t)len, &pos, domain,
				       sizeof(domain)) == 0)
			dns_add_candidate(lookup, name, domain);
	}
	if (!lookup->num_candidates)
		strlcpy(lookup->candidates[lookup->num_candidates++], name,
			DNS_NAME_MAX);
}

/* The families to ask for: the one wanted, else every one DNS can
 * answer for, by ascending record type (A before AAAA), so that IPv4
 * stays what a name means unless the asker wants another family. */
static int dns_families(struct dns_lookup *lookup, sa_family_t wanted)
{
	const struct sockaddr_family *family;
	unsigned i;

	for_each_table_entry(family, sockaddr_families) {
		if (!family->dns_type || lookup->num_families >= DNS_MAX_TYPES ||
		    (wanted && family->family != wanted))
			continue;
		for (i = lookup->num_families; i > 0 &&
		     lookup->families[i - 1]->dns_type > family->dns_type; i--)
			lookup->families[i] = lookup->families[i - 1];
		lookup->families[i] = family;
		lookup->num_families++;
	}
	return lookup->num_families ? 0 : -EUNIQ(ENOTSUP, 6);
}

static void dns_free(struct refcnt *refcnt)
{
	free(container_of(refcnt, struct dns_lookup, refcnt));
}

static int dns_resolv(struct interface *resolv, const char *name,
		      const struct sockaddr *sa)
{
	struct dns_lookup *lookup;
	int rc;

	lookup = zalloc(sizeof(*lookup));
	if (!lookup)
		return -EUNIQ(ENOMEM, 7);
	ref_init(&lookup->refcnt, dns_free);
	intf_init(&lookup->resolv, &dns_resolv_operations, &lookup->refcnt);
	intf_init(&lookup->xfer, &dns_xfer_operations, &lookup->refcnt);
	retry_init(&lookup->timer, dns_expired, DNS_RETRY_MIN_US,
		   DNS_RETRY_MAX_US);
	process_init(&lookup->process, dns_step, &lookup->refcnt);
	memcpy(&lookup->answer, sa, sizeof(lookup->answer));
	lookup->deadline_us = monotonic_us() + DNS_TOTAL_US;
	lookup->ttl = UINT32_MAX;
	rc = dns_families(lookup, sa->sa_family);
	if (rc)
		goto out;
	rc = -EUNIQ(EINVAL, 8);
	if (!*name || strlen(name) >= DNS_NAME_MAX)
		goto out;
	rc = dns_servers(lookup);
	if (rc) {
		DBG("DNS: no server configured\n");
		goto out;
	}
	dns_search(lookup, name);
	strlcpy(lookup->name, lookup->candidates[0], sizeof(lookup->name));
	/* The first question goes out now, so that a failure to send is
	 * this call's error rather than a close the asker sees later. */
	rc = dns_ask(lookup);
	if (rc) {
		intf_shutdown(&lookup->xfer, rc);
		goto out;
	}
	intf_plug_plug(&lookup->resolv, resolv);
out:
	ref_put(&lookup->refcnt);
	return rc;
}

RESOLVER(dns_resolver, 02) = {
	.name = "DNS",
	.resolv = dns_resolv,
};

SETTING_DEFINITION(dns_setting) = { .name = "dns", .type = SETTING_IPV4 };
