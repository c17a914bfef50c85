/*
 * DNS resolver (see net/dns.h): one A query at a time over UDP to the
 * server in the "dns" setting, repeated with back-off (1, 2, 4, 8 s), and
 * asked again for the target when the answer is only an alias.
 */

#include <errno.h>
#include <string.h>
#include <net/dns.h>
#include <net/dns_packet.h>
#include <net/udp.h>
#include <wireboot/debug.h>
#include <wireboot/features.h>
#include <wireboot/process.h>
#include <wireboot/retry.h>
#include <wireboot/settings.h>
#include <wireboot/timer.h>

FEATURE("dns");

#define DNS_RETRY_MIN_US 1000000ULL
#define DNS_RETRY_MAX_US 8000000ULL
/* Aliases of aliases: more than this is a loop or a broken zone. */
#define DNS_MAX_CNAMES 8
#define DNS_QUERY_MAX 512

struct dns_query {
	struct udp_conn conn;
	struct retry_timer timer;
	struct sockaddr_in server;
	uint16_t id;
	char name[DNS_NAME_MAX];	/* what is being asked for now */
	unsigned cnames;
	struct in_addr address;
	int rc;				/* -EINPROGRESS until answered */
};

static uint16_t dns_next_id(void)
{
	static uint16_t counter;
	uint64_t now = monotonic_us();

	return (uint16_t)(now ^ (now >> 16) ^ ++counter);
}

static int dns_send(struct dns_query *query)
{
	struct io_buffer *iob = udp_alloc_iob(DNS_QUERY_MAX);
	int len;

	if (!iob)
		return -ENOMEM;
	len = dns_build_query(iob->tail, DNS_QUERY_MAX, query->id, query->name);
	if (len < 0) {
		free_iob(iob);
		return len;
	}
	iob_put(iob, (size_t)len);
	DBG2("DNS: asking for %s\n", query->name);
	return udp_tx(&query->conn, iob, &query->server);
}

static void dns_finish(struct dns_query *query, int rc)
{
	stop_timer(&query->timer);
	query->rc = rc;
}

/* Asks (again, with a new id) for query->name. */
static void dns_ask(struct dns_query *query)
{
	int rc;

	query->id = dns_next_id();
	stop_timer(&query->timer);
	rc = dns_send(query);
	if (rc) {
		dns_finish(query, rc);
		return;
	}
	start_timer(&query->timer);
}

static void dns_rx(struct udp_conn *conn, struct io_buffer *iob,
		   const struct sockaddr_in *src,
		   const struct sockaddr_in *dest, struct net_device *netdev)
{
	struct dns_query *query = container_of(conn, struct dns_query, conn);
	struct dns_answer answer;
	int rc;

	if (query->rc != -EINPROGRESS ||
	    src->sin_addr.s_addr != query->server.sin_addr.s_addr ||
	    src->sin_port != query->server.sin_port)
		goto drop;
	rc = dns_parse_response(iob->data, iob_len(iob), query->id, query->name,
				&answer);
	if (rc == -EINVAL) {
		DBG("DNS: malformed or unrelated answer ignored\n");
		goto drop;
	}
	if (rc) {
		DBG("DNS: %s: %s\n", query->name, strerror(rc));
		dns_finish(query, rc);
	} else if (answer.has_address) {
		query->address = answer.address;
		dns_finish(query, 0);
	} else if (++query->cnames > DNS_MAX_CNAMES) {
		DBG("DNS: too many aliases for %s\n", query->name);
		dns_finish(query, -EPROTO);
	} else {
		DBG("DNS: %s is an alias of %s\n", query->name, answer.cname);
		strlcpy(query->name, answer.cname, sizeof(query->name));
		dns_ask(query);
	}
drop:
	free_iob(iob);
}

static const struct udp_operations dns_udp_operations = {
	.rx = dns_rx,
};

static void dns_expired(struct retry_timer *timer, bool fail)
{
	struct dns_query *query = container_of(timer, struct dns_query, timer);

	if (fail) {
		dns_finish(query, -ETIMEDOUT);
		return;
	}
	dns_send(query);
	start_timer(timer);
}

static bool dns_done(void *context)
{
	struct dns_query *query = context;

	return query->rc != -EINPROGRESS;
}

/* The server DHCP (or the user) named. */
static int dns_server(struct in_addr *server)
{
	char text[16];
	int len = fetchf_setting("dns", text, sizeof(text));

	if (len <= 0 || len >= (int)sizeof(text) || inet_aton(text, server)) {
		DBG("DNS: no server configured\n");
		return -ENXIO;
	}
	return 0;
}

int dns_resolve(const char *name, struct in_addr *address)
{
	struct dns_query query;
	int rc;

	if (inet_aton(name, address) == 0)
		return 0;
	memset(&query, 0, sizeof(query));
	if (strlcpy(query.name, name, sizeof(query.name)) >= sizeof(query.name))
		return -EINVAL;
	rc = dns_server(&query.server.sin_addr);
	if (rc)
		return rc;
	query.server.sin_family = AF_INET;
	query.server.sin_port = htons(DNS_PORT);
	query.rc = -EINPROGRESS;
	retry_init(&query.timer, dns_expired, DNS_RETRY_MIN_US, DNS_RETRY_MAX_US);
	rc = udp_open(&query.conn, &dns_udp_operations, 0, &query.server, NULL);
	if (rc)
		return rc;
	dns_ask(&query);
	rc = wait_for(dns_done, &query, 0);
	if (rc == 0)
		rc = query.rc;
	stop_timer(&query.timer);
	udp_close(&query.conn);
	if (rc == 0)
		*address = query.address;
	DBG("DNS: %s: %s\n", name, rc ? strerror(rc) : "resolved");
	return rc;
}
