/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * DHCPv6 client (see net/dhcpv6.h).
 *
 * Messages go to All_DHCP_Relay_Agents_and_Servers (ff02::1:2) from the
 * link-local address, retransmitted with back-off from one second
 * (RFC 8415 section 15, without the random factor: one client per
 * device) and given up after 30 s, as DHCPv4 does. The first ADVERTISE
 * that offers an address is taken at once: waiting for a better
 * preference is what makes other firmware slow to boot. The client is
 * identified by a DUID-UUID made from the machine's UUID when the
 * platform knows one (so that a server sees the same machine on every
 * NIC and in every OS installer), else a DUID-LL of the MAC. The PXE
 * options ask for the boot file URL and its parameters and say what we
 * are: the client architecture (61), the network interface (62) and the
 * vendor class (16) with the same "PXEClient:Arch:..." string as DHCPv4.
 *
 * A session is an object with two interfaces, the job and a UDP socket
 * on port 546 of its device; nothing here waits or prints.
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <arch/dhcp_arch.h>
#include <net/config_protocol.h>
#include <net/dhcpv6.h>
#include <net/dhcpv6_packet.h>
#include <net/ipv6.h>
#include <net/ndp.h>
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

#define ERRFILE ERRFILE_dhcpv6

FEATURE("dhcpv6");
PROVIDE_OBJECT(dhcpv6);

#define DHCPV6_RETRY_MIN_US 1000000ULL
#define DHCPV6_RETRY_MAX_US 16000000ULL
#define DHCPV6_TIMEOUT_US 30000000ULL
#define DHCPV6_MSG_MAX 512
/* The enterprise number of the PXE vendor class (Intel, as PXE has it). */
#define DHCPV6_PXE_ENTERPRISE 343

enum dhcpv6_state {
	DHCPV6_WAIT_LINK,	/* the link-local address is in test */
	DHCPV6_SOLICITING,
	DHCPV6_REQUESTING,
	DHCPV6_INFORMING,	/* stateless */
	DHCPV6_TESTING,		/* the leased address is in test */
	DHCPV6_DONE,
};

struct dhcpv6_session {
	struct refcnt refcnt;
	struct interface job;
	struct interface xfer;
	struct net_device *netdev;	/* holds a reference */
	struct retry_timer timer;
	struct ndp_observer observer;
	struct ndp_dad dad;
	enum dhcpv6_state state;
	bool stateful;
	uint32_t xid;
	uint64_t start_us;
	unsigned transmissions;
	uint8_t duid[2 + 16];
	size_t duid_len;
	uint32_t iaid;			/* network order */
	struct dhcpv6_message offer;	/* the ADVERTISE taken */
	struct dhcpv6_message reply;
};

struct dhcpv6_device {
	struct settings block;
	bool registered;
};

extern const struct net_driver dhcpv6_net_driver;

static const uint16_t dhcpv6_requested[] = {
	DHCPV6_OPT_DNS_SERVERS, DHCPV6_OPT_DOMAIN_LIST,
	DHCPV6_OPT_BOOTFILE_URL, DHCPV6_OPT_BOOTFILE_PARAM,
};

/* DUID-UUID from the "uuid" setting (the platform's SMBIOS UUID), else
 * DUID-LL: type 3, hardware type 1 (Ethernet), the MAC. */
static void dhcpv6_make_duid(struct dhcpv6_session *dhcp)
{
	uint8_t *duid = dhcp->duid;

	duid[0] = 0;
	if (fetch_setting(&global_settings, "uuid", &duid[2], 16, NULL) == 16) {
		duid[1] = DHCPV6_DUID_UUID;
		dhcp->duid_len = 2 + 16;
		return;
	}
	duid[1] = DHCPV6_DUID_LL;
	duid[2] = 0;
	duid[3] = 1;
	memcpy(&duid[4], dhcp->netdev->ll_addr, ETH_ALEN);
	dhcp->duid_len = 4 + ETH_ALEN;
}

static void dhcpv6_put_pxe_options(struct dhcpv6_builder *b)
{
	uint16_t oro[ARRAY_SIZE(dhcpv6_requested)];
	uint16_t arch = htons(DHCP_ARCH_CLIENT_ARCH);
	static const uint8_t nii[3] = { 1, 3, 0 };	/* UNDI 3.0 */
	uint8_t vendor[4 + 2 + sizeof(DHCP_ARCH_VENDOR_CLASS) - 1];
	uint32_t enterprise = htonl(DHCPV6_PXE_ENTERPRISE);
	uint16_t class_len = htons(sizeof(DHCP_ARCH_VENDOR_CLASS) - 1);
	size_t i;

	for (i = 0; i < ARRAY_SIZE(dhcpv6_requested); i++)
		oro[i] = htons(dhcpv6_requested[i]);
	dhcpv6_put(b, DHCPV6_OPT_ORO, oro, sizeof(oro));
	dhcpv6_put(b, DHCPV6_OPT_CLIENT_ARCH, &arch, sizeof(arch));
	dhcpv6_put(b, DHCPV6_OPT_NII, nii, sizeof(nii));
	memcpy(vendor, &enterprise, 4);
	memcpy(&vendor[4], &class_len, 2);
	memcpy(&vendor[6], DHCP_ARCH_VENDOR_CLASS,
	       sizeof(DHCP_ARCH_VENDOR_CLASS) - 1);
	dhcpv6_put(b, DHCPV6_OPT_VENDOR_CLASS, vendor, sizeof(vendor));
}

static void dhcpv6_put_ia_na(struct dhcpv6_session *dhcp,
			     struct dhcpv6_builder *b)
{
	uint8_t ia[12] = { 0 };
	size_t start;

	memcpy(ia, &dhcp->iaid, 4);
	start = dhcpv6_begin(b, DHCPV6_OPT_IA_NA);
	dhcpv6_append(b, ia, sizeof(ia));	/* IAID; T1, T2 as the server likes */
	if (dhcp->state == DHCPV6_REQUESTING) {
		uint8_t iaaddr[24] = { 0 };

		memcpy(iaaddr, &dhcp->offer.address, 16);
		dhcpv6_put(b, DHCPV6_OPT_IAADDR, iaaddr, sizeof(iaaddr));
	}
	dhcpv6_end(b, start);
}

static int dhcpv6_tx(struct dhcpv6_session *dhcp)
{
	static const uint8_t types[] = {
		[DHCPV6_SOLICITING] = DHCPV6_SOLICIT,
		[DHCPV6_REQUESTING] = DHCPV6_REQUEST,
		[DHCPV6_INFORMING] = DHCPV6_INFORMATION_REQUEST,
	};
	struct sockaddr_in6 dest;
	struct xfer_metadata meta = {
		.dest = (struct sockaddr *)&dest,
		.netdev = dhcp->netdev,
	};
	uint64_t elapsed = (monotonic_us() - dhcp->start_us) / 10000;
	uint16_t elapsed_field = htons(elapsed > 0xffff ? 0xffff : elapsed);
	struct dhcpv6_builder b;
	struct io_buffer *iob;
	int len;

	iob = xfer_alloc_iob(&dhcp->xfer, DHCPV6_MSG_MAX);
	if (!iob)
		return -EUNIQ(ENOMEM, 1);
	dhcpv6_builder_init(&b, iob->data, DHCPV6_MSG_MAX, types[dhcp->state],
			    dhcp->xid);
	dhcpv6_put(&b, DHCPV6_OPT_CLIENT_ID, dhcp->duid, dhcp->duid_len);
	if (dhcp->state == DHCPV6_REQUESTING)
		dhcpv6_put(&b, DHCPV6_OPT_SERVER_ID, dhcp->offer.server_id,
			   dhcp->offer.server_id_len);
	dhcpv6_put(&b, DHCPV6_OPT_ELAPSED_TIME, &elapsed_field, 2);
	if (dhcp->state != DHCPV6_INFORMING)
		dhcpv6_put_ia_na(dhcp, &b);
	dhcpv6_put_pxe_options(&b);
	len = dhcpv6_finish(&b);
	if (len < 0) {
		free_iob(iob);
		return len;
	}
	iob_put(iob, (size_t)len);
	ipv6_sockaddr(&dest, &ipv6_all_dhcp_agents, dhcp->netdev,
		      htons(DHCPV6_SERVER_PORT));
	dhcp->transmissions++;
	return xfer_deliver(&dhcp->xfer, iob, &meta);
}

static void dhcpv6_stop(struct dhcpv6_session *dhcp, int rc)
{
	if (dhcp->state == DHCPV6_DONE)
		return;
	DBG("DHCPv6 %s: %s\n", dhcp->netdev->name, rc ? strerror(rc) : "done");
	stop_timer(&dhcp->timer);
	ndp_dad_stop(&dhcp->dad);
	ndp_unobserve(&dhcp->observer);
	dhcp->state = DHCPV6_DONE;
	intf_shutdown(&dhcp->xfer, rc);
	intf_shutdown(&dhcp->job, rc);
}

/* Sends the first message of a state and starts its retransmissions. */
static void dhcpv6_enter(struct dhcpv6_session *dhcp, enum dhcpv6_state state)
{
	dhcp->state = state;
	stop_timer(&dhcp->timer);
	retry_init(&dhcp->timer, dhcp->timer.expired, DHCPV6_RETRY_MIN_US,
		   DHCPV6_RETRY_MAX_US);
	dhcpv6_tx(dhcp);
	start_timer(&dhcp->timer);
}

/* ---- settings ---------------------------------------------------------------- */

static int store_text(struct settings *block, const char *name,
		      const char *text)
{
	return *text ? store_setting(block, name, SETTING_STRING, text,
				     strlen(text)) : 0;
}

static void dhcpv6_forget_settings(struct dhcpv6_device *device)
{
	if (device->registered)
		unregister_settings(&device->block);
	device->registered = false;
}

static int dhcpv6_store_settings(struct dhcpv6_session *dhcp)
{
	struct net_device *netdev = dhcp->netdev;
	struct dhcpv6_device *device = netdev_priv(netdev, &dhcpv6_net_driver);
	const struct dhcpv6_message *msg = &dhcp->reply;
	struct settings *block = &device->block;
	int rc = 0;

	dhcpv6_forget_settings(device);
	settings_init(block, "dhcpv6");
	if (dhcp->stateful) {
		uint8_t len6 = (uint8_t)ndp_onlink_len(netdev, &msg->address);

		rc = store_setting(block, "ip6", SETTING_IPV6, &msg->address,
				   sizeof(msg->address));
		if (!rc)
			rc = store_setting(block, "len6", SETTING_UINT, &len6, 1);
	}
	if (!rc && msg->dns_count)
		rc = store_setting(block, "dns6", SETTING_IPV6, &msg->dns[0],
				   sizeof(msg->dns[0]));
	if (!rc)
		rc = store_text(block, "domain", msg->domain);
	if (!rc)
		rc = store_text(block, "filename", msg->bootfile_url);
	if (!rc)
		rc = store_text(block, "bootfile-params", msg->bootfile_param);
	if (rc) {
		unregister_settings(block);
		return rc;
	}
	register_settings(block, &netdev->settings);
	device->registered = true;
	return 0;
}

/* ---- the exchange ------------------------------------------------------------- */

static void dhcpv6_dad_done(struct ndp_dad *dad, int rc)
{
	struct dhcpv6_session *dhcp =
		container_of(dad, struct dhcpv6_session, dad);

	if (rc) {
		char reason[96], addr[INET6_ADDRSTRLEN], mac[18];

		snprintf(reason, sizeof(reason), "%s is in use by %s",
			 inet6_ntoa(&dad->addr, addr),
			 eth_ntoa(dad->conflict_ll, mac));
		intf_reason(&dhcp->job, reason);
		dhcpv6_stop(dhcp, rc);
		return;
	}
	dhcpv6_stop(dhcp, dhcpv6_store_settings(dhcp));
}

static void dhcpv6_rx_reply(struct dhcpv6_session *dhcp,
			    const struct dhcpv6_message *msg)
{
	if (msg->status != DHCPV6_STATUS_SUCCESS) {
		dhcpv6_stop(dhcp, -EUNIQ(ECONNREFUSED, 2));
		return;
	}
	if (dhcp->state == DHCPV6_REQUESTING &&
	    (!msg->has_address || msg->ia_status != DHCPV6_STATUS_SUCCESS ||
	     msg->iaid != dhcp->iaid)) {
		dhcpv6_stop(dhcp, -EUNIQ(ECONNREFUSED, 3));
		return;
	}
	dhcp->reply = *msg;
	if (dhcp->state == DHCPV6_INFORMING) {
		dhcpv6_stop(dhcp, dhcpv6_store_settings(dhcp));
		return;
	}
	dhcp->state = DHCPV6_TESTING;
	stop_timer(&dhcp->timer);
	ndp_dad_start(&dhcp->dad, dhcp->netdev, &msg->address, dhcpv6_dad_done);
}

static int dhcpv6_deliver(struct interface *xfer, struct io_buffer *iob,
			  struct xfer_metadata *meta)
{
	struct dhcpv6_session *dhcp =
		container_of(xfer, struct dhcpv6_session, xfer);
	struct dhcpv6_message *msg = malloc(sizeof(*msg));

	/* Our transaction and our DUID; a server identifier, except in a
	 * stateless reply, where QEMU's user network sends none and nothing
	 * is asked of a server later. */
	if (!msg || !meta->src || meta->src->sa_family != AF_INET6 ||
	    dhcpv6_parse(iob->data, iob_len(iob), msg) != 0 ||
	    msg->xid != dhcp->xid || msg->client_id_len != dhcp->duid_len ||
	    memcmp(msg->client_id, dhcp->duid, dhcp->duid_len) != 0 ||
	    (!msg->server_id_len && dhcp->state != DHCPV6_INFORMING))
		goto drop;
	switch (dhcp->state) {
	case DHCPV6_SOLICITING:
		if (msg->type != DHCPV6_ADVERTISE || !msg->has_address ||
		    msg->ia_status != DHCPV6_STATUS_SUCCESS ||
		    msg->status != DHCPV6_STATUS_SUCCESS)
			break;
		dhcp->offer = *msg;
		dhcpv6_enter(dhcp, DHCPV6_REQUESTING);
		break;
	case DHCPV6_REQUESTING:
		if (msg->type == DHCPV6_REPLY &&
		    msg->server_id_len == dhcp->offer.server_id_len &&
		    memcmp(msg->server_id, dhcp->offer.server_id,
			   msg->server_id_len) == 0)
			dhcpv6_rx_reply(dhcp, msg);
		break;
	case DHCPV6_INFORMING:
		if (msg->type == DHCPV6_REPLY)
			dhcpv6_rx_reply(dhcp, msg);
		break;
	default:
		break;
	}
drop:
	free(msg);
	free_iob(iob);
	return 0;
}

static void dhcpv6_xfer_close(struct interface *xfer, int rc)
{
	dhcpv6_stop(container_of(xfer, struct dhcpv6_session, xfer),
		      rc ? rc : -EUNIQ(EPIPE, 4));
}

static const struct interface_operations dhcpv6_xfer_operations = {
	.deliver = dhcpv6_deliver,
	.close = dhcpv6_xfer_close,
};

static void dhcpv6_expired(struct retry_timer *timer, bool fail)
{
	struct dhcpv6_session *dhcp =
		container_of(timer, struct dhcpv6_session, timer);

	if (fail || monotonic_us() - dhcp->start_us >= DHCPV6_TIMEOUT_US) {
		dhcpv6_stop(dhcp, -EUNIQ(ETIMEDOUT, 5));
		return;
	}
	if (dhcp->state == DHCPV6_WAIT_LINK) {
		start_timer(timer);
		return;
	}
	dhcpv6_tx(dhcp);
	start_timer(timer);
}

/* The link-local address is ready (or failed its test). */
static void dhcpv6_ndp_changed(struct ndp_observer *observer)
{
	struct dhcpv6_session *dhcp =
		container_of(observer, struct dhcpv6_session, observer);
	struct ndp_status status;

	if (dhcp->state != DHCPV6_WAIT_LINK)
		return;
	ndp_status(dhcp->netdev, &status);
	if (status.link_local_ready) {
		dhcp->start_us = monotonic_us();
		dhcpv6_enter(dhcp, dhcp->stateful ? DHCPV6_SOLICITING :
						    DHCPV6_INFORMING);
	} else if (status.conflict) {
		dhcpv6_stop(dhcp, -EUNIQ(EADDRINUSE, 6));
	}
}

static void dhcpv6_progress(struct interface *job,
			    struct job_progress *progress)
{
	struct dhcpv6_session *dhcp =
		container_of(job, struct dhcpv6_session, job);
	static const char *const states[] = {
		[DHCPV6_WAIT_LINK] = "link-local",
		[DHCPV6_SOLICITING] = "solicit",
		[DHCPV6_REQUESTING] = "request",
		[DHCPV6_INFORMING] = "information",
		[DHCPV6_TESTING] = "DAD",
		[DHCPV6_DONE] = "done",
	};

	snprintf(progress->message, sizeof(progress->message), "%s %u",
		 states[dhcp->state], dhcp->transmissions);
}

static void dhcpv6_job_close(struct interface *job, int rc)
{
	dhcpv6_stop(container_of(job, struct dhcpv6_session, job), rc);
}

static const struct interface_operations dhcpv6_job_operations = {
	.progress = dhcpv6_progress,
	.close = dhcpv6_job_close,
};

static void dhcpv6_free(struct refcnt *refcnt)
{
	struct dhcpv6_session *dhcp =
		container_of(refcnt, struct dhcpv6_session, refcnt);

	netdev_put(dhcp->netdev);
	free(dhcp);
}

int start_dhcpv6(struct interface *job, struct net_device *netdev,
		 bool stateful)
{
	struct sockaddr_in6 local;
	struct dhcpv6_session *dhcp;
	int rc;

	rc = netdev_open(netdev);
	if (rc)
		return rc;
	dhcp = zalloc(sizeof(*dhcp));
	if (!dhcp)
		return -EUNIQ(ENOMEM, 7);
	ref_init(&dhcp->refcnt, dhcpv6_free);
	intf_init(&dhcp->job, &dhcpv6_job_operations, &dhcp->refcnt);
	intf_init(&dhcp->xfer, &dhcpv6_xfer_operations, &dhcp->refcnt);
	netdev_get(netdev);
	dhcp->netdev = netdev;
	dhcp->stateful = stateful;
	dhcp->start_us = monotonic_us();
	/* Random, so that nobody off the link can forge an answer. */
	dhcp->xid = random_id() & 0xffffff;
	dhcp->iaid = htonl((uint32_t)netdev->index + 1);
	INIT_LIST_HEAD(&dhcp->dad.list);
	INIT_LIST_HEAD(&dhcp->observer.list);
	dhcp->observer.changed = dhcpv6_ndp_changed;
	dhcpv6_make_duid(dhcp);
	retry_init(&dhcp->timer, dhcpv6_expired, DHCPV6_RETRY_MIN_US,
		   DHCPV6_RETRY_MAX_US);
	ipv6_sockaddr(&local, NULL, netdev, htons(DHCPV6_CLIENT_PORT));
	rc = xfer_open_socket(&dhcp->xfer, SOCK_DGRAM, NULL,
			      (struct sockaddr *)&local);
	if (rc) {
		ref_put(&dhcp->refcnt);
		return rc;
	}
	intf_plug_plug(&dhcp->job, job);
	dhcp->state = DHCPV6_WAIT_LINK;
	ndp_observe(netdev, &dhcp->observer);
	start_timer(&dhcp->timer);
	dhcpv6_ndp_changed(&dhcp->observer);
	ref_put(&dhcp->refcnt);
	return 0;
}

static int start_dhcpv6_stateful(struct interface *job,
				 struct net_device *netdev)
{
	return start_dhcpv6(job, netdev, true);
}

CONFIG_PROTOCOL(dhcpv6_config_protocol) = {
	.name = "dhcpv6",
	.label = "DHCPv6",
	.start = start_dhcpv6_stateful,
};

static void dhcpv6_remove(struct net_device *netdev, void *priv)
{
	dhcpv6_forget_settings(priv);
}

NET_DRIVER(dhcpv6_net_driver) = {
	.name = "DHCPv6",
	.priv_len = sizeof(struct dhcpv6_device),
	.remove = dhcpv6_remove,
};

SETTING_DEFINITION(bootfile_params_setting) = {
	.name = "bootfile-params", .type = SETTING_STRING
};
