/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * PXE boot server discovery (see net/pxebs.h).
 *
 * What to ask comes from the last DHCP exchange on the device: option 43
 * of the ProxyDHCP answer if it has valid PXE options, else of the lease
 * (pxebs_last_options(), which the boot menu of usr/ reads too). Its
 * discovery control says whether we may broadcast (to port 67) and
 * whether only the servers it lists for our type (sub-option 8, asked by
 * unicast on port 4011) may answer. Every transmission goes to all the
 * destinations allowed, with back-off (1, 2, 4 s) and an end after about
 * 7 s, so a type nobody serves fails promptly. Multicast discovery
 * (sub-option 7) is not used: the IPv4 layer has no multicast groups,
 * and a server that offers multicast also answers broadcast unless told
 * otherwise.
 *
 * The request is a DHCPREQUEST from our leased address carrying the PXE
 * client options and option 43 with the boot item (type, layer 0); the
 * first ACK that is ours, names the same boot item and, when only listed
 * servers count, comes from one of them, wins. Nothing here waits.
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <net/dhcp.h>
#include <net/dhcp_client.h>
#include <net/pxe_options.h>
#include <net/pxebs.h>
#include <net/udp.h>
#include <wireboot/byteorder.h>
#include <wireboot/debug.h>
#include <wireboot/errfile.h>
#include <wireboot/job.h>
#include <wireboot/random_id.h>
#include <wireboot/retry.h>
#include <wireboot/settings.h>
#include <wireboot/timer.h>
#include <wireboot/xfer.h>

#define ERRFILE ERRFILE_pxebs

PROVIDE_OBJECT(pxebs);

#define PXEBS_RETRY_MIN_US 1000000ULL
#define PXEBS_RETRY_MAX_US 4000000ULL
#define PXEBS_MAX_SERVERS 8
/* Option 43 as the servers send it; longer values are cut here. */
#define PXEBS_VENDOR_MAX 1024

struct pxebs_session {
	struct refcnt refcnt;
	struct interface job;
	struct interface xfer;		/* UDP, port 68 on netdev */
	struct net_device *netdev;	/* holds a reference */
	struct retry_timer timer;
	uint16_t type;
	uint32_t xid;
	uint64_t start_us;
	struct in_addr address;		/* our lease */
	uint8_t uuid[16];
	uint8_t vendor[PXEBS_VENDOR_MAX];	/* what pxe points into */
	struct pxe_options pxe;
	bool broadcast;
	struct in_addr servers[PXEBS_MAX_SERVERS];
	unsigned server_count;
	unsigned transmissions;
	bool done;
};

/* The answer, for the machine: one block, the last discovery's. */
static struct settings pxebs_block;
static bool pxebs_registered;

static void pxebs_finish(struct pxebs_session *pxebs, int rc)
{
	if (pxebs->done)
		return;
	pxebs->done = true;
	DBG("PXEBS %s: %s\n", pxebs->netdev->name, rc ? strerror(rc) : "answered");
	stop_timer(&pxebs->timer);
	intf_shutdown(&pxebs->xfer, rc);
	intf_shutdown(&pxebs->job, rc);
}

/* Ends the session with rc and a reason the waiter prints. */
static void pxebs_fail(struct pxebs_session *pxebs, int rc, const char *why)
{
	char reason[80];

	snprintf(reason, sizeof(reason), "no boot server of type %u %s",
		 pxebs->type, why);
	intf_reason(&pxebs->job, reason);
	pxebs_finish(pxebs, rc);
}

static void pxebs_tx_to(struct pxebs_session *pxebs, struct in_addr dest,
			uint16_t port)
{
	uint8_t item[8];
	struct dhcp_builder opts;
	struct dhcphdr *hdr;
	struct io_buffer *iob;
	int len;

	iob = dhcp_request_alloc(&pxebs->xfer, pxebs->netdev, pxebs->xid,
				 pxebs->start_us, &opts);
	if (!iob)
		return;
	hdr = iob->data;
	hdr->ciaddr = pxebs->address;
	dhcp_put_byte(&opts, DHCP_MESSAGE_TYPE, DHCPREQUEST);
	len = pxe_build_boot_item(item, sizeof(item), pxebs->type, 0);
	dhcp_put_option(&opts, DHCP_VENDOR_OPTIONS, item, (size_t)len);
	dhcp_request_send(&pxebs->xfer, pxebs->netdev, pxebs->uuid, iob, &opts,
			  dest, port);
}

static void pxebs_tx(struct pxebs_session *pxebs)
{
	struct in_addr everyone = { .s_addr = INADDR_BROADCAST };
	unsigned i;

	pxebs->transmissions++;
	if (pxebs->broadcast)
		pxebs_tx_to(pxebs, everyone, BOOTP_SERVER_PORT);
	for (i = 0; i < pxebs->server_count; i++)
		pxebs_tx_to(pxebs, pxebs->servers[i], PXE_PROXY_PORT);
}

static int pxebs_store(struct pxebs_session *pxebs,
		       const struct dhcp_message *ack)
{
	if (pxebs_registered)
		unregister_settings(&pxebs_block);
	pxebs_registered = false;
	if (dhcp_register_message_block(&pxebs_block, "pxebs", ack) != 0)
		return -EUNIQ(ENOMEM, 1);
	pxebs_registered = true;
	DBG("PXEBS %s: boot server type %u answered\n", pxebs->netdev->name,
	    pxebs->type);
	return 0;
}

/* An ACK naming our boot item, from a server we may listen to. */
static bool pxebs_acceptable(struct pxebs_session *pxebs,
			     const struct dhcp_packet *pkt, struct in_addr sender)
{
	uint8_t vendor[PXEBS_VENDOR_MAX];
	struct pxe_options answer;
	int len;

	if (pkt->message_type != DHCPACK)
		return false;
	len = dhcp_option(pkt, DHCP_VENDOR_OPTIONS, vendor, sizeof(vendor));
	if (len <= 0 || len > (int)sizeof(vendor) ||
	    pxe_options_parse(vendor, (size_t)len, &answer) != 0 ||
	    !answer.has_item || answer.item_type != pxebs->type) {
		DBG("PXEBS %s: answer without our boot item\n",
		    pxebs->netdev->name);
		return false;
	}
	if ((pxebs->pxe.discovery_control & PXE_ONLY_LISTED_SERVERS) &&
	    !pxe_server_listed(&pxebs->pxe, pxebs->type, sender)) {
		DBG("PXEBS %s: answer from an unlisted server\n",
		    pxebs->netdev->name);
		return false;
	}
	return true;
}

static int pxebs_deliver(struct interface *xfer, struct io_buffer *iob,
			 struct xfer_metadata *meta)
{
	struct pxebs_session *pxebs =
		container_of(xfer, struct pxebs_session, xfer);
	const struct sockaddr_in *src = (struct sockaddr_in *)meta->src;
	struct dhcp_message ack = { 0 };
	struct dhcp_packet pkt;
	int rc;

	if (pxebs->done || !src || src->sin_family != AF_INET ||
	    dhcp_parse(iob->data, iob_len(iob), &pkt) != 0 ||
	    !dhcp_reply_is_ours(&pkt, pxebs->xid, pxebs->netdev) ||
	    !pxebs_acceptable(pxebs, &pkt, src->sin_addr))
		goto drop;
	rc = dhcp_message_copy(&ack, iob->data, iob_len(iob), src->sin_addr);
	if (rc == 0)
		rc = pxebs_store(pxebs, &ack);
	dhcp_message_clear(&ack);
	pxebs_finish(pxebs, rc);
drop:
	free_iob(iob);
	return 0;
}

static void pxebs_xfer_close(struct interface *xfer, int rc)
{
	pxebs_finish(container_of(xfer, struct pxebs_session, xfer),
		     rc ? rc : -EUNIQ(EPIPE, 2));
}

static const struct interface_operations pxebs_xfer_operations = {
	.deliver = pxebs_deliver,
	.close = pxebs_xfer_close,
};

static void pxebs_expired(struct retry_timer *timer, bool fail)
{
	struct pxebs_session *pxebs =
		container_of(timer, struct pxebs_session, timer);

	if (fail) {
		pxebs_fail(pxebs, -EUNIQ(ETIMEDOUT, 3), "answered");
		return;
	}
	pxebs_tx(pxebs);
	start_timer(timer);
}

static void pxebs_progress(struct interface *job, struct job_progress *progress)
{
	struct pxebs_session *pxebs = container_of(job, struct pxebs_session, job);

	snprintf(progress->message, sizeof(progress->message), "type %u, %u",
		 pxebs->type, pxebs->transmissions);
}

static void pxebs_job_close(struct interface *job, int rc)
{
	pxebs_finish(container_of(job, struct pxebs_session, job), rc);
}

static const struct interface_operations pxebs_job_operations = {
	.progress = pxebs_progress,
	.close = pxebs_job_close,
};

static void pxebs_free(struct refcnt *refcnt)
{
	struct pxebs_session *pxebs =
		container_of(refcnt, struct pxebs_session, refcnt);

	netdev_put(pxebs->netdev);
	free(pxebs);
}

bool pxebs_last_options(struct net_device *netdev, void *vendor, size_t max,
			struct pxe_options *pxe)
{
	static const bool proxy_first[] = { true, false };
	struct dhcp_packet pkt;
	const void *data;
	unsigned i;
	size_t len;
	int vendor_len;

	for (i = 0; i < sizeof(proxy_first) / sizeof(proxy_first[0]); i++) {
		data = dhcp_last_message(netdev, proxy_first[i], &len);
		if (!data || dhcp_parse(data, len, &pkt) != 0)
			continue;
		vendor_len = dhcp_option(&pkt, DHCP_VENDOR_OPTIONS, vendor, max);
		if (vendor_len > 0 && vendor_len <= (int)max &&
		    pxe_options_parse(vendor, (size_t)vendor_len, pxe) == 0)
			return true;
	}
	memset(pxe, 0, sizeof(*pxe));
	return false;
}

/*
 * Where to ask, from the last DHCP exchange: our address, and the PXE
 * options of its answers. None at all means broadcast, as for a server
 * that says nothing about discovery.
 */
static int pxebs_plan(struct pxebs_session *pxebs)
{
	struct dhcp_packet lease;
	const void *data;
	size_t len;

	data = dhcp_last_message(pxebs->netdev, false, &len);
	if (!data || dhcp_parse(data, len, &lease) != 0)
		return -EUNIQ(ENETUNREACH, 4);
	pxebs->address = lease.hdr->yiaddr;
	pxebs_last_options(pxebs->netdev, pxebs->vendor, sizeof(pxebs->vendor),
			   &pxebs->pxe);
	pxebs->broadcast =
		!(pxebs->pxe.discovery_control & PXE_DISABLE_BROADCAST);
	pxebs->server_count = pxe_boot_servers(&pxebs->pxe, pxebs->type,
					       pxebs->servers,
					       PXEBS_MAX_SERVERS);
	if (pxebs->server_count > PXEBS_MAX_SERVERS)
		pxebs->server_count = PXEBS_MAX_SERVERS;
	return 0;
}

int start_pxebs(struct interface *job, struct net_device *netdev,
		uint16_t type)
{
	struct sockaddr_in local = {
		.sin_family = AF_INET,
		.sin_port = htons(BOOTP_CLIENT_PORT),
		.sin_scope_id = (uint16_t)(netdev->index + 1),
	};
	struct pxebs_session *pxebs;
	int rc;

	pxebs = zalloc(sizeof(*pxebs));
	if (!pxebs)
		return -EUNIQ(ENOMEM, 7);
	ref_init(&pxebs->refcnt, pxebs_free);
	intf_init(&pxebs->job, &pxebs_job_operations, &pxebs->refcnt);
	intf_init(&pxebs->xfer, &pxebs_xfer_operations, &pxebs->refcnt);
	netdev_get(netdev);
	pxebs->netdev = netdev;
	pxebs->type = type;
	pxebs->start_us = monotonic_us();
	pxebs->xid = random_id();
	dhcp_client_uuid(netdev, pxebs->uuid);
	retry_init(&pxebs->timer, pxebs_expired, PXEBS_RETRY_MIN_US,
		   PXEBS_RETRY_MAX_US);
	rc = pxebs_plan(pxebs);
	if (rc == 0)
		rc = xfer_open_socket(&pxebs->xfer, SOCK_DGRAM, NULL,
				      (struct sockaddr *)&local);
	if (rc) {
		ref_put(&pxebs->refcnt);
		return rc;
	}
	intf_plug_plug(&pxebs->job, job);
	if (pxebs->broadcast || pxebs->server_count) {
		pxebs_tx(pxebs);
		start_timer(&pxebs->timer);
	} else {
		/* Broadcast is off and the list names nobody of our type. */
		pxebs_fail(pxebs, -EUNIQ(ENOENT, 6),
			   "is listed (and broadcast is off)");
	}
	ref_put(&pxebs->refcnt);
	return 0;
}
