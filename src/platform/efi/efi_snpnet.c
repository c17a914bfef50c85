/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A network device over the firmware's EFI_SIMPLE_NETWORK_PROTOCOL, for
 * NICs we have no driver of our own for (or when only the firmware's
 * driver is wanted: snponly.efi).
 *
 * The SNP is opened BY_DRIVER|EXCLUSIVE: that stops the firmware's own
 * network stack (MNP and everything above it), which would otherwise
 * poll the same SNP and take our frames. Detaching reconnects it.
 * Transmitted buffers stay ours until GetStatus() hands them back.
 */

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <efi/protocol/pci_io.h>
#include <efi/protocol/simple_network.h>
#include <platform/efi/efi_guid.h>
#include <platform/efi/efi_locate.h>
#include <platform/efi/efi_snpnet.h>
#include <wireboot/debug.h>
#include <wireboot/efi.h>
#include <wireboot/features.h>
#include <wireboot/netdev.h>
#include <wireboot/pci.h>

/* Frames handed to the firmware and not yet recycled. */
#define SNP_TX_MAX 32
/* Frames taken per poll: bounded so timers and other devices get a turn. */
#define SNP_RX_PER_POLL 16

struct snpnet {
	EFI_HANDLE handle;
	EFI_SIMPLE_NETWORK_PROTOCOL *snp;
	struct net_device *netdev;
	struct io_buffer *tx[SNP_TX_MAX];
	struct io_buffer *rx_spare;	/* kept between polls that got nothing */
	size_t rx_len;
	struct list_head list;
};

static LIST_HEAD(snpnets);

static int snp_error(struct snpnet *snpnet, const char *what, EFI_STATUS status)
{
	int rc = efi_status_to_rc(status);

	DBG("snp %s: %s failed: %s\n", snpnet->netdev->name, what, strerror(rc));
	return rc;
}

/* Takes back the buffers the firmware has finished transmitting. */
static void recycle_tx(struct snpnet *snpnet)
{
	unsigned rounds, i;

	for (rounds = 0; rounds <= SNP_TX_MAX; rounds++) {
		UINT32 interrupts;
		VOID *done = NULL;

		if (EFI_ERROR(snpnet->snp->GetStatus(snpnet->snp, &interrupts,
						     &done)) || !done)
			return;
		for (i = 0; i < SNP_TX_MAX; i++) {
			if (snpnet->tx[i] && snpnet->tx[i]->data == done) {
				netdev_tx_complete(snpnet->netdev, snpnet->tx[i], 0);
				snpnet->tx[i] = NULL;
				break;
			}
		}
	}
}

static void update_link(struct snpnet *snpnet)
{
	EFI_SIMPLE_NETWORK_MODE *mode = snpnet->snp->Mode;

	if (!mode->MediaPresentSupported || mode->MediaPresent)
		netdev_link_up(snpnet->netdev);
	else
		netdev_link_down(snpnet->netdev);
}

static int snpnet_open(struct net_device *netdev)
{
	struct snpnet *snpnet = netdev->priv;
	EFI_SIMPLE_NETWORK_PROTOCOL *snp = snpnet->snp;
	UINT32 filters;
	EFI_STATUS status;

	if (snp->Mode->State == EfiSimpleNetworkStopped) {
		status = snp->Start(snp);
		if (EFI_ERROR(status))
			return snp_error(snpnet, "Start", status);
	}
	if (snp->Mode->State == EfiSimpleNetworkStarted) {
		status = snp->Initialize(snp, 0, 0);
		if (EFI_ERROR(status))
			return snp_error(snpnet, "Initialize", status);
	}
	/* Every multicast where the NIC can: IPv6 neighbour discovery needs
	 * its groups, and the stack drops what it does not want. */
	filters = (EFI_SIMPLE_NETWORK_RECEIVE_UNICAST |
		   EFI_SIMPLE_NETWORK_RECEIVE_BROADCAST |
		   EFI_SIMPLE_NETWORK_RECEIVE_PROMISCUOUS_MULTICAST) &
		  snp->Mode->ReceiveFilterMask;
	status = snp->ReceiveFilters(snp, filters, 0, 0, 0, NULL);
	if (EFI_ERROR(status)) {
		snp->Shutdown(snp);
		return snp_error(snpnet, "ReceiveFilters", status);
	}
	update_link(snpnet);
	return 0;
}

static void snpnet_close(struct net_device *netdev)
{
	struct snpnet *snpnet = netdev->priv;

	snpnet->snp->Shutdown(snpnet->snp);
	snpnet->snp->Stop(snpnet->snp);
	/* The network layer completes the transmits we still held. */
	memset(snpnet->tx, 0, sizeof(snpnet->tx));
	free_iob(snpnet->rx_spare);
	snpnet->rx_spare = NULL;
}

static struct io_buffer **free_tx_slot(struct snpnet *snpnet)
{
	unsigned i;

	for (i = 0; i < SNP_TX_MAX; i++) {
		if (!snpnet->tx[i])
			return &snpnet->tx[i];
	}
	return NULL;
}

static int snpnet_transmit(struct net_device *netdev, struct io_buffer *iob)
{
	struct snpnet *snpnet = netdev->priv;
	struct io_buffer **slot = free_tx_slot(snpnet);
	EFI_STATUS status;

	if (!slot) {
		recycle_tx(snpnet);
		slot = free_tx_slot(snpnet);
		if (!slot)
			return -ENOBUFS;
	}
	/* HeaderSize 0: the frame carries its Ethernet header already. */
	status = snpnet->snp->Transmit(snpnet->snp, 0, iob_len(iob), iob->data,
				       NULL, NULL, NULL);
	if (status == EFI_NOT_READY) {
		/* Its transmit queue is full: make room and try once more. */
		recycle_tx(snpnet);
		status = snpnet->snp->Transmit(snpnet->snp, 0, iob_len(iob),
					       iob->data, NULL, NULL, NULL);
	}
	if (EFI_ERROR(status))
		return status == EFI_NOT_READY ? -ENOBUFS :
						 snp_error(snpnet, "Transmit", status);
	*slot = iob;
	return 0;
}

static void receive(struct snpnet *snpnet)
{
	unsigned frames;

	for (frames = 0; frames < SNP_RX_PER_POLL; frames++) {
		struct io_buffer *iob = snpnet->rx_spare;
		UINTN len = snpnet->rx_len;
		EFI_STATUS status;

		if (!iob) {
			iob = alloc_iob(snpnet->rx_len);
			if (!iob)
				return;
			snpnet->rx_spare = iob;
		}
		status = snpnet->snp->Receive(snpnet->snp, NULL, &len, iob->data,
					      NULL, NULL, NULL);
		if (status == EFI_NOT_READY)
			return;
		if (EFI_ERROR(status)) {
			/* Too small a buffer, or a bad frame: either way it is
			 * gone or stuck, so stop for this poll. */
			netdev_rx_err(snpnet->netdev, NULL, efi_status_to_rc(status));
			return;
		}
		if (len > snpnet->rx_len) {
			netdev_rx_err(snpnet->netdev, NULL, -EPROTO);
			continue;
		}
		snpnet->rx_spare = NULL;
		iob_put(iob, len);
		netdev_rx(snpnet->netdev, iob);
	}
}

static void snpnet_poll(struct net_device *netdev)
{
	struct snpnet *snpnet = netdev->priv;

	recycle_tx(snpnet);
	receive(snpnet);
	update_link(snpnet);
}

static const struct net_device_operations snpnet_operations = {
	.open = snpnet_open,
	.close = snpnet_close,
	.transmit = snpnet_transmit,
	.poll = snpnet_poll,
};

/* "PCI bb:dd.f" when the NIC is a PCI device, else "SNP". */
static void describe_location(EFI_HANDLE handle, char *buf, size_t len)
{
	EFI_HANDLE pci_handle;
	EFI_PCI_IO_PROTOCOL *io;
	UINTN segment, bus, dev, fn;
	VOID *interface;

	snprintf(buf, len, "SNP");
	if (efi_locate_on_path(handle, &efi_pci_io_protocol_guid, &pci_handle) != 0 ||
	    EFI_ERROR(efi_boot_services->HandleProtocol(pci_handle, &efi_pci_io_protocol_guid,
							&interface)))
		return;
	io = interface;
	if (!EFI_ERROR(io->GetLocation(io, &segment, &bus, &dev, &fn)))
		snprintf(buf, len, "PCI " PCI_FMT, (unsigned)bus,
			 (unsigned)dev, (unsigned)fn);
}

int efi_snpnet_attach(EFI_HANDLE handle, struct net_device **registered)
{
	EFI_SIMPLE_NETWORK_PROTOCOL *snp;
	EFI_SIMPLE_NETWORK_MODE *mode;
	struct net_device *netdev;
	struct snpnet *snpnet;
	EFI_STATUS status;
	VOID *interface;
	int rc;

	status = efi_boot_services->OpenProtocol(
		handle, &efi_simple_network_protocol_guid, &interface, efi_image_handle, handle,
		EFI_OPEN_PROTOCOL_BY_DRIVER | EFI_OPEN_PROTOCOL_EXCLUSIVE);
	if (EFI_ERROR(status)) {
		rc = efi_status_to_rc(status);
		printf("snp: cannot take the firmware's network device: %s\n",
		       strerror(rc));
		return rc;
	}
	snp = interface;
	mode = snp->Mode;
	if (mode->HwAddressSize != ETH_ALEN || mode->MediaHeaderSize != ETH_HLEN) {
		printf("snp: not an Ethernet device\n");
		rc = -ENOTSUP;
		goto fail_close;
	}

	netdev = alloc_netdev(sizeof(*snpnet));
	if (!netdev) {
		rc = -ENOMEM;
		goto fail_close;
	}
	netdev->op = &snpnet_operations;
	netdev->driver_name = "snp";
	describe_location(handle, netdev->location, sizeof(netdev->location));
	memcpy(netdev->hw_addr, mode->PermanentAddress.Addr, ETH_ALEN);
	memcpy(netdev->ll_addr, mode->CurrentAddress.Addr, ETH_ALEN);
	snpnet = netdev->priv;
	snpnet->handle = handle;
	snpnet->snp = snp;
	snpnet->netdev = netdev;
	snpnet->rx_len = mode->MediaHeaderSize + mode->MaxPacketSize;
	if (snpnet->rx_len < NETDEV_RX_BUFFER_LEN)
		snpnet->rx_len = NETDEV_RX_BUFFER_LEN;

	rc = register_netdev(netdev);
	if (rc != 0) {
		netdev_put(netdev);
		goto fail_close;
	}
	list_add_tail(&snpnet->list, &snpnets);
	DBG("snp %s: firmware NIC at %s\n", netdev->name, netdev->location);
	if (registered)
		*registered = netdev;
	return 0;

fail_close:
	efi_boot_services->CloseProtocol(handle, &efi_simple_network_protocol_guid, efi_image_handle,
					 handle);
	efi_boot_services->ConnectController(handle, NULL, NULL, 1);
	return rc;
}

void efi_snpnet_detach_all(void)
{
	struct snpnet *snpnet, *next;

	list_for_each_entry_safe(snpnet, next, &snpnets, list) {
		EFI_HANDLE handle = snpnet->handle;

		list_del(&snpnet->list);
		unregister_netdev(snpnet->netdev);
		netdev_put(snpnet->netdev);
		efi_boot_services->CloseProtocol(handle, &efi_simple_network_protocol_guid,
						 efi_image_handle, handle);
		/* The firmware's network stack binds to it again. */
		efi_boot_services->ConnectController(handle, NULL, NULL, 1);
	}
}

FEATURE("snp");
