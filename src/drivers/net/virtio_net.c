/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * virtio-net (virtio 1.2, section 5.1) over the virtio PCI transport.
 *
 * Queue 0 receives, queue 1 transmits. Every frame travels as a chain of
 * two descriptors: the virtio-net header, then the frame in its I/O buffer
 * (the layout legacy devices require). Transmit headers are all zero (no
 * offloads), so every transmit chain shares one; receive headers get a
 * slot each. Interrupts stay off: poll() reaps both queues.
 */

#include <errno.h>
#include <string.h>
#include <drivers/net/pci_nic.h>
#include <drivers/net/virtio_pci.h>
#include <drivers/net/virtio_ring.h>
#include <wireboot/debug.h>
#include <wireboot/features.h>
#include <wireboot/netdev.h>
#include <wireboot/pci.h>

PROVIDE_OBJECT(virtio_net);

#define VIRTIO_NET_F_MAC 5
#define VIRTIO_NET_F_STATUS 16
#define VIRTIO_NET_S_LINK_UP 1

/* Device configuration (section 5.1.4). */
#define VIRTIO_NET_CFG_MAC 0
#define VIRTIO_NET_CFG_STATUS 6

#define RX_QUEUE 0
#define TX_QUEUE 1

/* Buffers kept posted and frames in flight: a burst's worth. Transmit
 * has more (the queue allows 128 frames): a TCP receiver on a lossy link
 * sends an ACK for nearly every segment, faster than QEMU's device model
 * (a bottom half, late on a loaded host) takes them; with 16 a fifth of
 * them failed with ENOBUFS, and the sender lost its SACK information. */
#define RX_BUFFERS 32
#define TX_BUFFERS 128
#define DESCRIPTORS_PER_FRAME 2

/* struct virtio_net_hdr: 10 bytes; 12 with the num_buffers field, which
 * a VERSION_1 device always has. */
#define VIRTIO_NET_HDR_LEGACY_LEN 10
#define VIRTIO_NET_HDR_LEN 12

struct virtio_net_buffer {
	struct io_buffer *iob;	/* NULL while free */
	struct dma_mapping map;
};

struct virtio_net {
	struct pci_device *pci;
	struct net_device *netdev;
	struct virtio_pci vp;
	uint64_t features;
	size_t hdr_len;
	struct virtqueue rx, tx;
	unsigned rx_count, tx_count;	/* buffers usable with these queues */
	/* Receive header slots, then the shared transmit header. */
	uint8_t *headers;
	struct dma_mapping headers_map;
	uint64_t link_checked_us;
	struct virtio_net_buffer rx_buffers[RX_BUFFERS];
	struct virtio_net_buffer tx_buffers[TX_BUFFERS];
};

static bool has_feature(struct virtio_net *vnet, unsigned bit)
{
	return vnet->features & (1ULL << bit);
}

/*
 * Status handshake and feature negotiation, from reset up to FEATURES_OK
 * (section 3.1.1). We take the MAC and link status, VERSION_1 on a modern
 * device, and ACCESS_PLATFORM when offered: every address we give the
 * device comes from the platform's DMA mapping anyway.
 */
static int negotiate(struct virtio_net *vnet)
{
	struct virtio_pci *vp = &vnet->vp;
	uint64_t wanted = (1ULL << VIRTIO_NET_F_MAC) | (1ULL << VIRTIO_NET_F_STATUS);
	uint64_t offered;
	int rc;

	virtio_pci_reset(vp);
	virtio_pci_add_status(vp, VIRTIO_STATUS_ACKNOWLEDGE);
	virtio_pci_add_status(vp, VIRTIO_STATUS_DRIVER);
	offered = virtio_pci_device_features(vp);
	if (vp->modern) {
		if (!(offered & (1ULL << VIRTIO_F_VERSION_1)))
			return -ENOTSUP;
		wanted |= (1ULL << VIRTIO_F_VERSION_1) |
			  (1ULL << VIRTIO_F_ACCESS_PLATFORM);
	}
	vnet->features = offered & wanted;
	if (!has_feature(vnet, VIRTIO_NET_F_MAC))
		return -ENOTSUP;
	vnet->hdr_len = vp->modern ? VIRTIO_NET_HDR_LEN : VIRTIO_NET_HDR_LEGACY_LEN;
	rc = virtio_pci_set_features(vp, vnet->features);
	if (rc != 0)
		virtio_pci_add_status(vp, VIRTIO_STATUS_FAILED);
	return rc;
}

static void update_link(struct virtio_net *vnet)
{
	uint16_t status = VIRTIO_NET_S_LINK_UP;

	if (has_feature(vnet, VIRTIO_NET_F_STATUS))
		status = virtio_pci_config_read16(&vnet->vp, VIRTIO_NET_CFG_STATUS);
	if (status & VIRTIO_NET_S_LINK_UP)
		netdev_link_up(vnet->netdev);
	else
		netdev_link_down(vnet->netdev);
}

static void *rx_header(struct virtio_net *vnet, struct virtio_net_buffer *buf)
{
	return vnet->headers + vnet->hdr_len * (size_t)(buf - vnet->rx_buffers);
}

static uint64_t dma_address(struct virtio_net *vnet, const void *ptr)
{
	return vnet->headers_map.dma_addr +
	       (uint64_t)((const uint8_t *)ptr - vnet->headers);
}

/* Posts receive buffers into every free slot; stops quietly when memory
 * runs out (the next poll tries again). */
static void refill_rx(struct virtio_net *vnet)
{
	bool posted = false;
	unsigned i;

	for (i = 0; i < vnet->rx_count; i++) {
		struct virtio_net_buffer *buf = &vnet->rx_buffers[i];
		struct virtq_buf chain[DESCRIPTORS_PER_FRAME];

		if (buf->iob)
			continue;
		buf->iob = alloc_iob(NETDEV_RX_BUFFER_LEN);
		if (!buf->iob)
			break;
		if (dma_map(vnet->pci, &buf->map, buf->iob->data,
			    NETDEV_RX_BUFFER_LEN, DMA_FROM_DEVICE) != 0) {
			free_iob(buf->iob);
			buf->iob = NULL;
			break;
		}
		chain[0] = (struct virtq_buf){ dma_address(vnet, rx_header(vnet, buf)),
					       (uint32_t)vnet->hdr_len, true };
		chain[1] = (struct virtq_buf){ buf->map.dma_addr,
					       NETDEV_RX_BUFFER_LEN, true };
		if (virtq_add(&vnet->rx, chain, DESCRIPTORS_PER_FRAME, buf) != 0) {
			dma_unmap(vnet->pci, &buf->map);
			free_iob(buf->iob);
			buf->iob = NULL;
			break;
		}
		posted = true;
	}
	if (posted)
		virtio_pci_notify(&vnet->vp, &vnet->rx);
}

static void reap_rx(struct virtio_net *vnet)
{
	struct virtio_net_buffer *buf;
	struct io_buffer *iob;
	uint32_t len;

	while ((buf = virtq_get_used(&vnet->rx, &len))) {
		iob = buf->iob;
		buf->iob = NULL;
		dma_unmap(vnet->pci, &buf->map);
		/* The device reports header and frame together. */
		if (len < vnet->hdr_len + ETH_HLEN ||
		    len > vnet->hdr_len + NETDEV_RX_BUFFER_LEN) {
			netdev_rx_err(vnet->netdev, iob, -EPROTO);
			continue;
		}
		iob_put(iob, len - vnet->hdr_len);
		DBG2("virtio-net %s: received %u bytes\n", vnet->netdev->name,
		     (unsigned)iob_len(iob));
		netdev_rx(vnet->netdev, iob);
	}
}

static void reap_tx(struct virtio_net *vnet)
{
	struct virtio_net_buffer *buf;
	struct io_buffer *iob;
	uint32_t len;

	while ((buf = virtq_get_used(&vnet->tx, &len))) {
		iob = buf->iob;
		buf->iob = NULL;
		dma_unmap(vnet->pci, &buf->map);
		netdev_tx_complete(vnet->netdev, iob, 0);
	}
}

/* Unmaps and forgets every buffer; the device must be reset already.
 * Receive buffers are freed; transmit buffers belong to the network layer,
 * which completes them when close() returns. */
static void release_buffers(struct virtio_net *vnet)
{
	unsigned i;

	for (i = 0; i < RX_BUFFERS; i++) {
		struct virtio_net_buffer *buf = &vnet->rx_buffers[i];

		if (buf->iob) {
			dma_unmap(vnet->pci, &buf->map);
			free_iob(buf->iob);
			buf->iob = NULL;
		}
	}
	for (i = 0; i < TX_BUFFERS; i++) {
		struct virtio_net_buffer *buf = &vnet->tx_buffers[i];

		if (buf->iob) {
			dma_unmap(vnet->pci, &buf->map);
			buf->iob = NULL;
		}
	}
}

static void free_rings(struct virtio_net *vnet)
{
	virtq_free(vnet->pci, &vnet->rx);
	virtq_free(vnet->pci, &vnet->tx);
	if (vnet->headers)
		dma_free(vnet->pci, &vnet->headers_map, vnet->headers);
	vnet->headers = NULL;
}

static unsigned min_unsigned(unsigned a, unsigned b)
{
	return a < b ? a : b;
}

static int set_up_queue(struct virtio_net *vnet, struct virtqueue *vq,
			unsigned index)
{
	unsigned size = virtio_pci_queue_size(&vnet->vp, index);
	int rc;

	if (size < DESCRIPTORS_PER_FRAME)
		return -ENODEV;
	rc = virtq_alloc(vnet->pci, vq, index, size);
	if (rc == 0)
		rc = virtio_pci_enable_queue(&vnet->vp, vq);
	return rc;
}

static int virtio_net_open(struct net_device *netdev)
{
	struct virtio_net *vnet = netdev->priv;
	size_t headers_len;
	int rc;

	rc = negotiate(vnet);
	if (rc == 0)
		rc = set_up_queue(vnet, &vnet->rx, RX_QUEUE);
	if (rc == 0)
		rc = set_up_queue(vnet, &vnet->tx, TX_QUEUE);
	if (rc != 0)
		goto fail;
	vnet->rx_count = min_unsigned(RX_BUFFERS, vnet->rx.size / DESCRIPTORS_PER_FRAME);
	vnet->tx_count = min_unsigned(TX_BUFFERS, vnet->tx.size / DESCRIPTORS_PER_FRAME);

	headers_len = vnet->hdr_len * (RX_BUFFERS + 1);
	vnet->headers = dma_alloc(vnet->pci, &vnet->headers_map, headers_len);
	if (!vnet->headers) {
		rc = -ENOMEM;
		goto fail;
	}
	refill_rx(vnet);
	virtio_pci_add_status(&vnet->vp, VIRTIO_STATUS_DRIVER_OK);
	/* Buffers posted before DRIVER_OK are noticed only when notified. */
	virtio_pci_notify(&vnet->vp, &vnet->rx);
	update_link(vnet);
	return 0;

fail:
	virtio_pci_reset(&vnet->vp);
	release_buffers(vnet);
	free_rings(vnet);
	return rc;
}

static void virtio_net_close(struct net_device *netdev)
{
	struct virtio_net *vnet = netdev->priv;

	/* After the reset the device touches none of our memory. */
	virtio_pci_reset(&vnet->vp);
	release_buffers(vnet);
	free_rings(vnet);
}

static int virtio_net_transmit(struct net_device *netdev, struct io_buffer *iob)
{
	struct virtio_net *vnet = netdev->priv;
	struct virtio_net_buffer *buf = NULL;
	struct virtq_buf chain[DESCRIPTORS_PER_FRAME];
	uint8_t *shared_header = vnet->headers + vnet->hdr_len * RX_BUFFERS;
	unsigned i;
	int rc;

	reap_tx(vnet);
	for (i = 0; i < vnet->tx_count && !buf; i++) {
		if (!vnet->tx_buffers[i].iob)
			buf = &vnet->tx_buffers[i];
	}
	if (!buf)
		return -ENOBUFS;
	rc = dma_map(vnet->pci, &buf->map, iob->data, iob_len(iob), DMA_TO_DEVICE);
	if (rc != 0)
		return rc;
	chain[0] = (struct virtq_buf){ dma_address(vnet, shared_header),
				       (uint32_t)vnet->hdr_len, false };
	chain[1] = (struct virtq_buf){ buf->map.dma_addr, (uint32_t)iob_len(iob),
				       false };
	rc = virtq_add(&vnet->tx, chain, DESCRIPTORS_PER_FRAME, buf);
	if (rc != 0) {
		dma_unmap(vnet->pci, &buf->map);
		return rc;
	}
	buf->iob = iob;
	virtio_pci_notify(&vnet->vp, &vnet->tx);
	return 0;
}

static void virtio_net_poll(struct net_device *netdev)
{
	struct virtio_net *vnet = netdev->priv;

	reap_tx(vnet);
	reap_rx(vnet);
	refill_rx(vnet);
	if (pci_nic_link_due(&vnet->link_checked_us))
		update_link(vnet);
}

static const struct net_device_operations virtio_net_operations = {
	.open = virtio_net_open,
	.close = virtio_net_close,
	.transmit = virtio_net_transmit,
	.poll = virtio_net_poll,
};

static int virtio_net_init(struct pci_device *pci, struct net_device *netdev)
{
	struct virtio_net *vnet = netdev->priv;
	int rc;

	vnet->pci = pci;
	vnet->netdev = netdev;
	rc = virtio_pci_init(&vnet->vp, pci);
	if (rc != 0)
		return rc;
	rc = negotiate(vnet);
	if (rc == 0) {
		virtio_pci_config_read(&vnet->vp, VIRTIO_NET_CFG_MAC,
				       netdev->hw_addr, ETH_ALEN);
		update_link(vnet);
	}
	/* Quiet until opened (or for good, if negotiation failed). */
	virtio_pci_reset(&vnet->vp);
	if (rc == 0)
		pci_nic_dbg_probed(pci, netdev, "%s",
				   vnet->vp.modern ? "modern" : "legacy");
	return rc;
}

static void virtio_net_quiesce(struct net_device *netdev)
{
	struct virtio_net *vnet = netdev->priv;

	virtio_pci_reset(&vnet->vp);
}

static const struct pci_nic_ops virtio_net_nic = {
	.priv_len = sizeof(struct virtio_net),
	.op = &virtio_net_operations,
	.init = virtio_net_init,
	.quiesce = virtio_net_quiesce,
};

static const struct pci_device_id virtio_net_ids[] = {
	PCI_ID(0x1af4, 0x1000, "virtio-net (transitional)", 0),
	PCI_ID(0x1af4, 0x1041, "virtio-net", 0),
};

PCI_DRIVER(virtio_net_driver) = {
	.name = "virtio-net",
	.ids = virtio_net_ids,
	.id_count = ARRAY_SIZE(virtio_net_ids),
	.probe = pci_nic_probe,
	.remove = pci_nic_remove,
	.shutdown = pci_nic_shutdown,
	.ops = &virtio_net_nic,
};

FEATURE("virtio-net");
