/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * DNS resolver (see net/dns.h): one object per lookup, with a resolver
 * interface to whoever asked and a UDP socket to the server in the "dns"
 * setting. Questions are repeated with back-off (1, 2, 4, 8 s) and asked
 * again for the target when the answer is only an alias. Lookups run side
 * by side and never wait: the answer, or the error, reaches the asker
 * through its interface.
 */

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <net/dns.h>
#include <net/dns_packet.h>
#include <net/in.h>
#include <net/resolv.h>
#include <wireboot/debug.h>
#include <wireboot/errfile.h>
#include <wireboot/features.h>
#include <wireboot/random.h>
#include <wireboot/retry.h>
#include <wireboot/settings.h>
#include <wireboot/xfer.h>

PROVIDE_OBJECT(dns);

#define ERRFILE ERRFILE_dns

FEATURE("dns");

#define DNS_RETRY_MIN_US 1000000ULL
#define DNS_RETRY_MAX_US 8000000ULL
/* Aliases of aliases: more than this is a loop or a broken zone. */
#define DNS_MAX_CNAMES 8
#define DNS_QUERY_MAX 512

struct dns_lookup {
	struct refcnt refcnt;
	struct interface resolv;	/* to the asker */
	struct interface xfer;		/* UDP to the server */
	struct retry_timer timer;
	struct sockaddr_in server;
	struct sockaddr answer;		/* the asker's template, filled in */
	uint16_t id;
	char name[DNS_NAME_MAX];	/* what is being asked for now */
	unsigned cnames;
	bool done;
};

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
	struct io_buffer *iob = xfer_alloc_iob(&lookup->xfer, DNS_QUERY_MAX);
	int len;

	if (!iob)
		return -EUNIQ(ENOMEM, 1);
	len = dns_build_query(iob->tail, DNS_QUERY_MAX, lookup->id,
			      lookup->name);
	if (len < 0) {
		free_iob(iob);
		return len;
	}
	iob_put(iob, (size_t)len);
	DBG2("DNS: asking for %s\n", lookup->name);
	return xfer_deliver(&lookup->xfer, iob, NULL);
}

/* Ends the lookup once; the asker hears the answer (rc 0) or why not. */
static void dns_finish(struct dns_lookup *lookup, int rc)
{
	if (lookup->done)
		return;
	lookup->done = true;
	DBG("DNS: %s: %s\n", lookup->name, rc ? strerror(rc) : "resolved");
	stop_timer(&lookup->timer);
	intf_shutdown(&lookup->xfer, rc);
	if (rc == 0)
		resolv_done(&lookup->resolv, &lookup->answer);
	intf_shutdown(&lookup->resolv, rc);
}

/* Asks (again, with a new id) for lookup->name. */
static void dns_ask(struct dns_lookup *lookup)
{
	int rc;

	stop_timer(&lookup->timer);
	rc = dns_new_id(lookup);
	if (!rc)
		rc = dns_send(lookup);
	if (rc) {
		dns_finish(lookup, rc);
		return;
	}
	start_timer(&lookup->timer);
}

static int dns_deliver(struct interface *xfer, struct io_buffer *iob,
		       struct xfer_metadata *meta)
{
	struct dns_lookup *lookup = container_of(xfer, struct dns_lookup, xfer);
	const struct sockaddr_in *src = (struct sockaddr_in *)meta->src;
	struct sockaddr_in *answer = (struct sockaddr_in *)&lookup->answer;
	struct dns_answer parsed;
	int rc;

	/* Only the server we asked, from the port we asked. */
	if (lookup->done || !src || src->sin_family != AF_INET ||
	    src->sin_addr.s_addr != lookup->server.sin_addr.s_addr ||
	    src->sin_port != lookup->server.sin_port)
		goto drop;
	rc = dns_parse_response(iob->data, iob_len(iob), lookup->id,
				lookup->name, &parsed);
	if (errno_base(rc) == -EINVAL) {
		DBG("DNS: malformed or unrelated answer ignored\n");
		goto drop;
	}
	if (rc) {
		dns_finish(lookup, rc);
	} else if (parsed.has_address) {
		answer->sin_family = AF_INET;
		answer->sin_addr = parsed.address;
		dns_finish(lookup, 0);
	} else if (++lookup->cnames > DNS_MAX_CNAMES) {
		DBG("DNS: too many aliases for %s\n", lookup->name);
		dns_finish(lookup, -EUNIQ(EPROTO, 2));
	} else {
		DBG("DNS: %s is an alias of %s\n", lookup->name, parsed.cname);
		strlcpy(lookup->name, parsed.cname, sizeof(lookup->name));
		dns_ask(lookup);
	}
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

static void dns_expired(struct retry_timer *timer, bool fail)
{
	struct dns_lookup *lookup = container_of(timer, struct dns_lookup, timer);

	if (fail) {
		dns_finish(lookup, -EUNIQ(ETIMEDOUT, 4));
		return;
	}
	dns_send(lookup);
	start_timer(timer);
}

/* The server DHCP (or the user) named. */
static int dns_server(struct in_addr *server)
{
	return fetch_setting(NULL, "dns", server, sizeof(*server), NULL) ==
	       sizeof(*server) && server->s_addr ? 0 : -EUNIQ(ENXIO, 5);
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

	/* Only IPv4 answers so far. */
	if (sa->sa_family && sa->sa_family != AF_INET)
		return -EUNIQ(ENOTSUP, 6);
	lookup = zalloc(sizeof(*lookup));
	if (!lookup)
		return -EUNIQ(ENOMEM, 7);
	ref_init(&lookup->refcnt, dns_free);
	intf_init(&lookup->resolv, &dns_resolv_operations, &lookup->refcnt);
	intf_init(&lookup->xfer, &dns_xfer_operations, &lookup->refcnt);
	retry_init(&lookup->timer, dns_expired, DNS_RETRY_MIN_US,
		   DNS_RETRY_MAX_US);
	memcpy(&lookup->answer, sa, sizeof(lookup->answer));
	rc = -EUNIQ(EINVAL, 8);
	if (!*name || strlcpy(lookup->name, name, sizeof(lookup->name)) >=
		      sizeof(lookup->name))
		goto out;
	rc = dns_server(&lookup->server.sin_addr);
	if (rc) {
		DBG("DNS: no server configured\n");
		goto out;
	}
	lookup->server.sin_family = AF_INET;
	lookup->server.sin_port = htons(DNS_PORT);
	rc = xfer_open_socket(&lookup->xfer, SOCK_DGRAM,
			      (struct sockaddr *)&lookup->server, NULL);
	if (rc)
		goto out;
	/* The first question goes out now, so that a failure to send is
	 * this call's error rather than a close the asker sees later. */
	rc = dns_new_id(lookup);
	if (!rc)
		rc = dns_send(lookup);
	if (rc) {
		intf_shutdown(&lookup->xfer, rc);
		goto out;
	}
	start_timer(&lookup->timer);
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
