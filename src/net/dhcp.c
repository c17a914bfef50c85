/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * DHCPv4 client with the PXE client options (see net/dhcp.h).
 *
 * DISCOVER is broadcast with back-off (1, 2, 4, 8, 16 s; given up after
 * 30 s). Offers are of two kinds: a lease (yiaddr set) and a ProxyDHCP
 * offer (vendor class "PXEClient", no address) that carries only boot
 * information. Waiting for a ProxyDHCP server that may not exist is what
 * makes other firmware slow, so the lease offer is taken at once when it
 * already names a boot file or a ProxyDHCP offer has arrived, and otherwise
 * after at most DHCP_PROXY_WAIT_US from the first lease offer.
 *
 * After the ACK, a PXE offer (ProxyDHCP, or a DHCP server announcing
 * "PXEClient") without a boot file name is asked again on port 4011 (PXE
 * specification 2.1, section 2.2.5); when that server does not answer, the
 * lease alone is used. A PXE offer with a boot menu is not asked: its boot
 * file comes from boot server discovery ("pxebs").
 *
 * A session is an object with two interfaces: the job (to whoever waits,
 * told the result by its close, asked for progress) and a UDP socket bound
 * to port 68 on its device. Nothing here waits or prints; sessions on
 * several devices run side by side.
 */

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <net/dhcp.h>
#include <net/dhcp_client.h>
#include <net/config_protocol.h>
#include <net/dhcp_packet.h>
#include <net/ipv4.h>
#include <net/pxe_options.h>
#include <net/udp.h>
#include <wireboot/byteorder.h>
#include <wireboot/debug.h>
#include <wireboot/errfile.h>
#include <wireboot/features.h>
#include <wireboot/job.h>
#include <wireboot/random_id.h>
#include <wireboot/retry.h>
#include <wireboot/settings.h>
#include <wireboot/timer.h>
#include <wireboot/xfer.h>

#define ERRFILE ERRFILE_dhcp

FEATURE("dhcp");
PROVIDE_OBJECT(dhcp);

#define DHCP_RETRY_MIN_US 1000000ULL
#define DHCP_RETRY_MAX_US 16000000ULL
#define DHCP_TIMEOUT_US 30000000ULL
#define DHCP_PROXY_WAIT_US 1000000ULL
/* A server that refuses every request would otherwise keep us busy. */
#define DHCP_MAX_NAKS 5
/* The port 4011 question is optional: 0.5 + 1 + 2 s, then carry on. */
#define DHCP_PROXY_RETRY_MIN_US 500000ULL
#define DHCP_PROXY_RETRY_MAX_US 2000000ULL

#define PXE_CLASS_PREFIX "PXEClient"

enum dhcp_state {
	DHCP_SELECTING,		/* DISCOVER sent, collecting offers */
	DHCP_REQUESTING,	/* REQUEST sent, waiting for ACK */
	DHCP_PROXY_REQUESTING,	/* bound; asking the ProxyDHCP server */
	DHCP_DONE,
};

struct dhcp_session {
	struct refcnt refcnt;
	struct interface job;
	struct interface xfer;		/* UDP, port 68 on netdev */
	struct net_device *netdev;	/* holds a reference */
	struct retry_timer timer;
	enum dhcp_state state;
	uint32_t xid;
	uint64_t start_us;
	uint64_t first_offer_us;
	unsigned naks;
	unsigned transmissions;
	uint8_t uuid[16];
	struct dhcp_message offer;	/* best lease offer so far */
	struct dhcp_message proxy;	/* first ProxyDHCP offer (or its ACK) */
	struct dhcp_message ack;
};

/* Per device: the "netN.dhcp" settings block, kept with the device, and
 * the messages of the last lease as they came (for a PXE base code). */
struct dhcp_device {
	struct settings block;
	bool registered;
	struct dhcp_message ack;
	struct dhcp_message proxy;	/* data NULL if none */
};

extern const struct net_driver dhcp_net_driver;

static bool has_boot_filename(const struct dhcp_packet *pkt)
{
	char name[2];

	return dhcp_boot_filename(pkt, name, sizeof(name)) > 0;
}

static bool is_pxe_message(const struct dhcp_packet *pkt)
{
	char class[sizeof(PXE_CLASS_PREFIX) - 1];
	int len = dhcp_option(pkt, DHCP_VENDOR_CLASS_ID, class, sizeof(class));

	return len >= (int)sizeof(class) &&
	       memcmp(class, PXE_CLASS_PREFIX, sizeof(class)) == 0;
}

/* Sends one DISCOVER or REQUEST for the current state. */
static int dhcp_tx(struct dhcp_session *dhcp)
{
	struct dhcp_builder opts;
	struct dhcphdr *hdr;
	struct io_buffer *iob;
	struct in_addr dest = { .s_addr = INADDR_BROADCAST };
	uint16_t port = BOOTP_SERVER_PORT;

	iob = dhcp_request_alloc(&dhcp->xfer, dhcp->netdev, dhcp->xid,
				 dhcp->start_us, &opts);
	if (!iob)
		return -EUNIQ(ENOMEM, 1);
	hdr = iob->data;
	switch (dhcp->state) {
	case DHCP_SELECTING:
		dhcp_put_byte(&opts, DHCP_MESSAGE_TYPE, DHCPDISCOVER);
		break;
	case DHCP_REQUESTING:
		dhcp_put_byte(&opts, DHCP_MESSAGE_TYPE, DHCPREQUEST);
		dhcp_put_option(&opts, DHCP_SERVER_ID, &dhcp->offer.server,
				sizeof(dhcp->offer.server));
		dhcp_put_option(&opts, DHCP_REQUESTED_ADDRESS,
				&dhcp->offer.pkt.hdr->yiaddr,
				sizeof(struct in_addr));
		break;
	default:	/* DHCP_PROXY_REQUESTING: unicast from our address */
		dhcp_put_byte(&opts, DHCP_MESSAGE_TYPE, DHCPREQUEST);
		hdr->ciaddr = dhcp->ack.pkt.hdr->yiaddr;
		dest = dhcp->proxy.server;
		port = PXE_PROXY_PORT;
		break;
	}
	/* Servers reply by broadcast: we cannot take unicast before we have
	 * an address. */
	if (dhcp->state != DHCP_PROXY_REQUESTING)
		hdr->flags = htons(BOOTP_FLAG_BROADCAST);
	DBG2("DHCP %s: sending state %d\n", dhcp->netdev->name, dhcp->state);
	dhcp->transmissions++;
	return dhcp_request_send(&dhcp->xfer, dhcp->netdev, dhcp->uuid, iob,
				 &opts, dest, port);
}

/* Ends the session once: everything stops, the waiter hears rc. */
static void dhcp_finish(struct dhcp_session *dhcp, int rc)
{
	if (dhcp->state == DHCP_DONE)
		return;
	DBG("DHCP %s: %s\n", dhcp->netdev->name, rc ? strerror(rc) : "bound");
	stop_timer(&dhcp->timer);
	dhcp->state = DHCP_DONE;
	intf_shutdown(&dhcp->xfer, rc);
	intf_shutdown(&dhcp->job, rc);
}

/* Starts (or, after a NAK, restarts) discovery. */
static void dhcp_discover(struct dhcp_session *dhcp)
{
	dhcp->state = DHCP_SELECTING;
	dhcp->first_offer_us = 0;
	dhcp_message_clear(&dhcp->offer);
	dhcp_message_clear(&dhcp->proxy);
	stop_timer(&dhcp->timer);
	retry_init(&dhcp->timer, dhcp->timer.expired, DHCP_RETRY_MIN_US,
		   DHCP_RETRY_MAX_US);
	dhcp_tx(dhcp);
	start_timer(&dhcp->timer);
}

static void dhcp_request(struct dhcp_session *dhcp)
{
	char addr[16];

	DBG("DHCP %s: requesting %s", dhcp->netdev->name,
	    inet_ntoa_r(dhcp->offer.pkt.hdr->yiaddr, addr));
	DBG(" from %s%s\n", inet_ntoa_r(dhcp->offer.server, addr),
	    dhcp->proxy.data ? " (with ProxyDHCP)" : "");
	dhcp->state = DHCP_REQUESTING;
	stop_timer(&dhcp->timer);
	dhcp_tx(dhcp);
	start_timer(&dhcp->timer);
}

/* A PXE server with a boot menu (option 43, sub-option 9) leaves the
 * choice to boot server discovery (net/pxebs.h): there is no one boot file
 * to ask it for on port 4011, and dnsmasq, for one, does not answer. */
static bool offers_boot_menu(const struct dhcp_packet *pkt)
{
	uint8_t vendor[256];
	struct pxe_options pxe;
	int len = dhcp_option(pkt, DHCP_VENDOR_OPTIONS, vendor, sizeof(vendor));

	return len > 0 && len <= (int)sizeof(vendor) &&
	       pxe_options_parse(vendor, (size_t)len, &pxe) == 0 &&
	       pxe.menu_len > 0;
}

/* ---- settings ---------------------------------------------------------- */

static int store_ipv4(struct settings *block, const char *name,
		      const struct dhcp_packet *pkt, unsigned tag)
{
	struct in_addr addr;

	if (dhcp_option(pkt, tag, &addr, sizeof(addr)) < (int)sizeof(addr))
		return 0;
	return store_setting(block, name, SETTING_IPV4, &addr, sizeof(addr));
}

/* Option 6 names several servers: all of them are kept, in order. */
static int store_ipv4_list(struct settings *block, const char *name,
			   const struct dhcp_packet *pkt, unsigned tag)
{
	struct in_addr addrs[8];
	int len = dhcp_option(pkt, tag, addrs, sizeof(addrs));

	if (len < (int)sizeof(addrs[0]))
		return 0;
	if (len > (int)sizeof(addrs))
		len = sizeof(addrs);
	return store_setting(block, name, SETTING_IPV4, addrs,
			     (size_t)len / sizeof(addrs[0]) * sizeof(addrs[0]));
}

static int store_string(struct settings *block, const char *name,
			const struct dhcp_packet *pkt, unsigned tag)
{
	char text[256];
	int len = dhcp_option(pkt, tag, text, sizeof(text) - 1);

	if (len < 0)
		return 0;
	if (len > (int)sizeof(text) - 1)
		len = sizeof(text) - 1;
	text[len] = '\0';
	len = (int)strnlen(text, (size_t)len);
	return len ? store_setting(block, name, SETTING_STRING, text, len) : 0;
}

static int store_lease_settings(struct settings *block,
				const struct dhcp_message *ack)
{
	const struct dhcp_packet *pkt = &ack->pkt;
	uint8_t lease[4];
	int rc;

	rc = dhcp_store_all_options(block, pkt);
	if (!rc)
		rc = store_setting(block, "ip", SETTING_IPV4, &pkt->hdr->yiaddr,
				   sizeof(struct in_addr));
	if (!rc)
		rc = store_ipv4(block, "netmask", pkt, DHCP_NETMASK);
	if (!rc)
		rc = store_ipv4(block, "gateway", pkt, DHCP_ROUTERS);
	if (!rc)
		rc = store_ipv4_list(block, "dns", pkt, DHCP_DNS_SERVERS);
	if (!rc)
		rc = store_ipv4(block, "dhcp-server", pkt, DHCP_SERVER_ID);
	if (!rc)
		rc = store_string(block, "domain", pkt, DHCP_DOMAIN_NAME);
	if (!rc)
		rc = store_string(block, "hostname", pkt, DHCP_HOSTNAME);
	if (!rc)
		rc = store_string(block, "root-path", pkt, DHCP_ROOT_PATH);
	if (!rc && dhcp_option(pkt, DHCP_LEASE_TIME, lease, sizeof(lease)) == 4)
		rc = store_setting(block, "lease-time", SETTING_UINT, lease, 4);
	return rc;
}

/*
 * The ProxyDHCP answer as the global "proxydhcp" block, as in the
 * established language (${proxydhcp/filename}, ${proxydhcp/next-server}):
 * every option by number and its boot file and server. One block for the
 * machine, the last device's whose DHCP had such an answer.
 */
static struct settings proxydhcp_block;
static struct net_device *proxydhcp_owner;

static void forget_proxy_settings(void)
{
	if (proxydhcp_owner)
		unregister_settings(&proxydhcp_block);
	proxydhcp_owner = NULL;
}

static int store_proxy_settings(struct net_device *netdev,
				const struct dhcp_message *proxy)
{
	int rc;

	forget_proxy_settings();
	rc = dhcp_register_message_block(&proxydhcp_block, "proxydhcp", proxy);
	if (rc)
		return rc;
	proxydhcp_owner = netdev;
	return 0;
}

static void dhcp_forget_settings(struct dhcp_device *device)
{
	if (device->registered)
		unregister_settings(&device->block);
	device->registered = false;
}

/* Replaces the device's "dhcp" block with one holding this lease. The
 * values go in while the block is detached and it is registered once
 * complete, so the applicators configure the device in one step. */
static int dhcp_store_settings(struct dhcp_session *dhcp)
{
	struct net_device *netdev = dhcp->netdev;
	struct dhcp_device *device = netdev_priv(netdev, &dhcp_net_driver);
	const struct dhcp_message *boot = &dhcp->ack;
	int rc;

	dhcp_forget_settings(device);
	settings_init(&device->block, "dhcp");
	if (dhcp->proxy.data && has_boot_filename(&dhcp->proxy.pkt) &&
	    !has_boot_filename(&dhcp->ack.pkt))
		boot = &dhcp->proxy;
	rc = store_lease_settings(&device->block, &dhcp->ack);
	if (!rc)
		rc = dhcp_store_boot_settings(&device->block, boot);
	if (rc) {
		unregister_settings(&device->block);
		return rc;
	}
	register_settings(&device->block, &netdev->settings);
	device->registered = true;
	return dhcp->proxy.data ? store_proxy_settings(netdev, &dhcp->proxy) : 0;
}

/* ---- state machine ------------------------------------------------------ */

/* The lease's messages stay with the device (an allocation failure only
 * leaves them out: the lease itself is in force). */
static void dhcp_keep_messages(struct dhcp_session *dhcp)
{
	struct dhcp_device *device = netdev_priv(dhcp->netdev, &dhcp_net_driver);

	dhcp_message_clear(&device->ack);
	dhcp_message_clear(&device->proxy);
	dhcp_message_copy(&device->ack, dhcp->ack.data, dhcp->ack.len,
		     dhcp->ack.server);
	if (dhcp->proxy.data)
		dhcp_message_copy(&device->proxy, dhcp->proxy.data, dhcp->proxy.len,
			     dhcp->proxy.server);
}

const void *dhcp_last_message(struct net_device *netdev, bool proxy,
			      size_t *len)
{
	struct dhcp_device *device = netdev_priv(netdev, &dhcp_net_driver);
	const struct dhcp_message *msg;

	if (!device)
		return NULL;
	msg = proxy ? &device->proxy : &device->ack;
	*len = msg->len;
	return msg->data;
}

static void dhcp_bound(struct dhcp_session *dhcp)
{
	int rc = dhcp_store_settings(dhcp);

	if (rc == 0)
		dhcp_keep_messages(dhcp);
	dhcp_finish(dhcp, rc);
}

/* After the ACK: ask the ProxyDHCP server on port 4011 if its offer named
 * no boot file and the lease did not either. The lease's settings are
 * stored first: that question goes out from our new address. */
static void dhcp_acked(struct dhcp_session *dhcp)
{
	int rc = dhcp_store_settings(dhcp);

	if (rc) {
		dhcp_finish(dhcp, rc);
		return;
	}
	if (dhcp->proxy.data && !has_boot_filename(&dhcp->proxy.pkt) &&
	    !has_boot_filename(&dhcp->ack.pkt) && dhcp->proxy.server.s_addr &&
	    !offers_boot_menu(&dhcp->proxy.pkt)) {
		dhcp->state = DHCP_PROXY_REQUESTING;
		stop_timer(&dhcp->timer);
		retry_init(&dhcp->timer, dhcp->timer.expired,
			   DHCP_PROXY_RETRY_MIN_US, DHCP_PROXY_RETRY_MAX_US);
		dhcp_tx(dhcp);
		start_timer(&dhcp->timer);
		return;
	}
	dhcp_bound(dhcp);
}

/* Requests the best lease offer when nothing better is worth waiting for. */
static void dhcp_consider_offers(struct dhcp_session *dhcp, uint64_t now)
{
	if (!dhcp->offer.data)
		return;
	if (has_boot_filename(&dhcp->offer.pkt) || dhcp->proxy.data ||
	    now - dhcp->first_offer_us >= DHCP_PROXY_WAIT_US) {
		dhcp_request(dhcp);
		return;
	}
	/* Wake up when the ProxyDHCP wait ends. */
	stop_timer(&dhcp->timer);
	start_timer_fixed(&dhcp->timer,
			  dhcp->first_offer_us + DHCP_PROXY_WAIT_US - now);
}

static void dhcp_rx_offer(struct dhcp_session *dhcp,
			  const struct dhcp_packet *pkt, const void *data,
			  size_t len, struct in_addr sender)
{
	uint64_t now = monotonic_us();
	char addr[16];

	if (pkt->hdr->yiaddr.s_addr) {
		/* A later offer replaces the first only if it names a boot
		 * file and the first does not. */
		if (!dhcp->offer.data || (!has_boot_filename(&dhcp->offer.pkt) &&
					  has_boot_filename(pkt))) {
			if (dhcp_message_copy(&dhcp->offer, data, len, sender))
				return;
			if (!dhcp->first_offer_us)
				dhcp->first_offer_us = now;
			DBG("DHCP %s: offer of %s", dhcp->netdev->name,
			    inet_ntoa_r(pkt->hdr->yiaddr, addr));
			DBG(" from %s\n", inet_ntoa_r(dhcp->offer.server, addr));
		}
	}
	/* A PXE server without a boot file name expects the question on port
	 * 4011, whether it also offers a lease or not. */
	if (is_pxe_message(pkt) && !dhcp->proxy.data &&
	    (!pkt->hdr->yiaddr.s_addr || !has_boot_filename(pkt))) {
		if (dhcp_message_copy(&dhcp->proxy, data, len, sender))
			return;
		DBG("DHCP %s: PXE offer from %s\n", dhcp->netdev->name,
		    inet_ntoa_r(dhcp->proxy.server, addr));
	}
	dhcp_consider_offers(dhcp, now);
}

static void dhcp_rx_request_reply(struct dhcp_session *dhcp,
				  const struct dhcp_packet *pkt,
				  const void *data, size_t len,
				  struct in_addr sender)
{
	struct in_addr server;

	/* The answer must come from the server we asked: by its identifier
	 * (option 54), or where that is missing or malformed, by the
	 * address it came from. Never skip the check. */
	if (dhcp_option(pkt, DHCP_SERVER_ID, &server, 4) != 4 || !server.s_addr)
		server = sender;
	if (server.s_addr != dhcp->offer.server.s_addr) {
		DBG("DHCP %s: reply from another server ignored\n",
		    dhcp->netdev->name);
		return;
	}
	if (pkt->message_type == DHCPNAK) {
		DBG("DHCP %s: NAK, restarting\n", dhcp->netdev->name);
		if (++dhcp->naks >= DHCP_MAX_NAKS)
			dhcp_finish(dhcp, -EUNIQ(ECONNREFUSED, 2));
		else
			dhcp_discover(dhcp);
		return;
	}
	if (pkt->message_type != DHCPACK || !pkt->hdr->yiaddr.s_addr)
		return;
	if (dhcp_message_copy(&dhcp->ack, data, len, sender)) {
		dhcp_finish(dhcp, -EUNIQ(ENOMEM, 3));
		return;
	}
	dhcp_acked(dhcp);
}

static void dhcp_rx_proxy_ack(struct dhcp_session *dhcp,
			      const struct dhcp_packet *pkt, const void *data,
			      size_t len, struct in_addr sender)
{
	if (pkt->message_type != DHCPACK ||
	    sender.s_addr != dhcp->proxy.server.s_addr)
		return;
	if (dhcp_message_copy(&dhcp->proxy, data, len, sender))
		return;
	DBG("DHCP %s: ProxyDHCP answer from port %u\n", dhcp->netdev->name,
	    PXE_PROXY_PORT);
	dhcp_bound(dhcp);
}

static int dhcp_deliver(struct interface *xfer, struct io_buffer *iob,
			struct xfer_metadata *meta)
{
	struct dhcp_session *dhcp = container_of(xfer, struct dhcp_session, xfer);
	const struct sockaddr_in *src = (struct sockaddr_in *)meta->src;
	struct dhcp_packet pkt;
	const void *data = iob->data;
	size_t len = iob_len(iob);

	if (!src || src->sin_family != AF_INET || dhcp_parse(data, len, &pkt) != 0)
		goto drop;
	if (!dhcp_reply_is_ours(&pkt, dhcp->xid, dhcp->netdev)) {
		DBG2("DHCP %s: reply for someone else\n", dhcp->netdev->name);
		goto drop;
	}
	switch (dhcp->state) {
	case DHCP_SELECTING:
		if (pkt.message_type == DHCPOFFER)
			dhcp_rx_offer(dhcp, &pkt, data, len, src->sin_addr);
		break;
	case DHCP_REQUESTING:
		dhcp_rx_request_reply(dhcp, &pkt, data, len, src->sin_addr);
		break;
	case DHCP_PROXY_REQUESTING:
		dhcp_rx_proxy_ack(dhcp, &pkt, data, len, src->sin_addr);
		break;
	case DHCP_DONE:
		break;
	}
drop:
	free_iob(iob);
	return 0;
}

static void dhcp_xfer_close(struct interface *xfer, int rc)
{
	dhcp_finish(container_of(xfer, struct dhcp_session, xfer),
		    rc ? rc : -EUNIQ(EPIPE, 4));
}

static const struct interface_operations dhcp_xfer_operations = {
	.deliver = dhcp_deliver,
	.close = dhcp_xfer_close,
};

static void dhcp_expired(struct retry_timer *timer, bool fail)
{
	struct dhcp_session *dhcp = container_of(timer, struct dhcp_session, timer);
	uint64_t now = monotonic_us();

	switch (dhcp->state) {
	case DHCP_SELECTING:
		if (dhcp->offer.data) {
			/* The ProxyDHCP wait is over. */
			dhcp_consider_offers(dhcp, now);
			return;
		}
		/* fall through */
	case DHCP_REQUESTING:
		if (fail || now - dhcp->start_us >= DHCP_TIMEOUT_US) {
			dhcp_finish(dhcp, dhcp->offer.data ?
				    -EUNIQ(ETIMEDOUT, 5) :	/* no ACK */
				    -EUNIQ(ETIMEDOUT, 6));	/* no offer */
			return;
		}
		break;
	case DHCP_PROXY_REQUESTING:
		if (fail) {
			DBG("DHCP %s: no ProxyDHCP answer; using the lease\n",
			    dhcp->netdev->name);
			dhcp_bound(dhcp);
			return;
		}
		break;
	case DHCP_DONE:
		return;
	}
	dhcp_tx(dhcp);
	start_timer(timer);
}

static void dhcp_progress(struct interface *job, struct job_progress *progress)
{
	struct dhcp_session *dhcp = container_of(job, struct dhcp_session, job);
	static const char *const states[] = {
		[DHCP_SELECTING] = "discover",
		[DHCP_REQUESTING] = "request",
		[DHCP_PROXY_REQUESTING] = "ProxyDHCP",
		[DHCP_DONE] = "done",
	};

	snprintf(progress->message, sizeof(progress->message), "%s %u",
		 states[dhcp->state], dhcp->transmissions);
}

/* The waiter gave up (Ctrl-C, another device booted first). */
static void dhcp_job_close(struct interface *job, int rc)
{
	dhcp_finish(container_of(job, struct dhcp_session, job), rc);
}

static const struct interface_operations dhcp_job_operations = {
	.progress = dhcp_progress,
	.close = dhcp_job_close,
};

static void dhcp_free(struct refcnt *refcnt)
{
	struct dhcp_session *dhcp = container_of(refcnt, struct dhcp_session,
						 refcnt);

	dhcp_message_clear(&dhcp->offer);
	dhcp_message_clear(&dhcp->proxy);
	dhcp_message_clear(&dhcp->ack);
	netdev_put(dhcp->netdev);
	free(dhcp);
}

int start_dhcp(struct interface *job, struct net_device *netdev)
{
	struct sockaddr_in local = {
		.sin_family = AF_INET,
		.sin_port = htons(BOOTP_CLIENT_PORT),
		.sin_scope_id = (uint16_t)(netdev->index + 1),
	};
	struct dhcp_session *dhcp;
	int rc;

	rc = netdev_open(netdev);
	if (rc)
		return rc;
	dhcp = zalloc(sizeof(*dhcp));
	if (!dhcp)
		return -EUNIQ(ENOMEM, 7);
	ref_init(&dhcp->refcnt, dhcp_free);
	intf_init(&dhcp->job, &dhcp_job_operations, &dhcp->refcnt);
	intf_init(&dhcp->xfer, &dhcp_xfer_operations, &dhcp->refcnt);
	netdev_get(netdev);
	dhcp->netdev = netdev;
	dhcp->start_us = monotonic_us();
	/* Random, so that nobody off the link can forge an answer to us. */
	dhcp->xid = random_id();
	dhcp_client_uuid(netdev, dhcp->uuid);
	retry_init(&dhcp->timer, dhcp_expired, DHCP_RETRY_MIN_US,
		   DHCP_RETRY_MAX_US);
	rc = xfer_open_socket(&dhcp->xfer, SOCK_DGRAM, NULL,
			      (struct sockaddr *)&local);
	if (rc) {
		ref_put(&dhcp->refcnt);
		return rc;
	}
	intf_plug_plug(&dhcp->job, job);
	dhcp_discover(dhcp);
	ref_put(&dhcp->refcnt);
	return 0;
}

/* ---- the per-device settings block ------------------------------------- */

static void dhcp_remove(struct net_device *netdev, void *priv)
{
	struct dhcp_device *device = priv;

	dhcp_forget_settings(device);
	dhcp_message_clear(&device->ack);
	dhcp_message_clear(&device->proxy);
	if (proxydhcp_owner == netdev)
		forget_proxy_settings();
}

NET_DRIVER(dhcp_net_driver) = {
	.name = "DHCP",
	.priv_len = sizeof(struct dhcp_device),
	.remove = dhcp_remove,
};

SETTING_DEFINITION(next_server_setting) = {
	.name = "next-server", .type = SETTING_IPV4
};
SETTING_DEFINITION(dhcp_server_setting) = {
	.name = "dhcp-server", .type = SETTING_IPV4
};

CONFIG_PROTOCOL(dhcp_config_protocol) = {
	.name = "dhcp",
	.label = "DHCP",
	.autoboot = true,
	.start = start_dhcp,
};
