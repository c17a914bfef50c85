/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * EFI_SIMPLE_NETWORK_PROTOCOL (UEFI 2.10, section 24.1) exported over one
 * of our network devices, so that the firmware's own network stack (edk2's
 * MnpDxe, and PxeBcDxe / HttpBootDxe above it) or a loader boots over our
 * NIC driver.
 *
 * Frames are copied both ways: Transmit() copies the caller's frame into an
 * I/O buffer and queues the caller's pointer as "recycled" at once (we no
 * longer touch it), GetStatus() hands those pointers back oldest first.
 * Receive() takes frames from the device's receive queue, which the
 * driver's poll() fills.
 *
 * Receive filters are applied here, in software, on top of what the NIC
 * delivers; every filter bit is therefore supported. The multicast list is
 * exact (up to MAX_MCAST_FILTER_CNT addresses).
 *
 * Non-volatile data (NvData) is not offered: the drivers expose no EEPROM
 * interface, so NvRamSize is 0 and NvData() returns EFI_UNSUPPORTED. The
 * station address is the NIC's own (MacAddressChangeable is FALSE): some
 * NICs filter unicast frames in hardware by that address.
 *
 * Concurrency: SNP may be called at TPL_APPLICATION and TPL_CALLBACK (the
 * MNP polls from timer notifications at TPL_CALLBACK), so a call could
 * interrupt another one halfway through the driver's rings. Every entry
 * point therefore raises the TPL to TPL_CALLBACK while it works: calls
 * never nest, and the WaitForPacket notification (TPL_CALLBACK) cannot run
 * inside one either.
 */

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <net/ethernet.h>
#include <platform/efi/efi_snp_export.h>
#include <wireboot/byteorder.h>
#include <wireboot/debug.h>
#include <wireboot/efi.h>

#define SNP_FILTERS                                                          \
	(EFI_SIMPLE_NETWORK_RECEIVE_UNICAST |                                \
	 EFI_SIMPLE_NETWORK_RECEIVE_MULTICAST |                              \
	 EFI_SIMPLE_NETWORK_RECEIVE_BROADCAST |                              \
	 EFI_SIMPLE_NETWORK_RECEIVE_PROMISCUOUS |                            \
	 EFI_SIMPLE_NETWORK_RECEIVE_PROMISCUOUS_MULTICAST)
#define IF_TYPE_ETHERNET 1

/* Our own copy: net/ethernet.c's belongs to the stack, which a thin
 * driver image does not link. */
static const uint8_t broadcast[ETH_ALEN] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };

static struct efi_snp_export *snp_of(EFI_SIMPLE_NETWORK_PROTOCOL *protocol)
{
	return container_of(protocol, struct efi_snp_export, protocol);
}

static EFI_TPL snp_lock(void)
{
	return efi_boot_services->RaiseTPL(TPL_CALLBACK);
}

static EFI_STATUS snp_unlock(EFI_TPL tpl, EFI_STATUS status)
{
	efi_boot_services->RestoreTPL(tpl);
	return status;
}

static void set_mac(EFI_MAC_ADDRESS *mac, const uint8_t *addr)
{
	memset(mac, 0, sizeof(*mac));
	memcpy(mac->Addr, addr, ETH_ALEN);
}

/* Polls the NIC; the link state it reports is the media state. */
static void snp_poll(struct efi_snp_export *snp)
{
	snp->netdev->op->poll(snp->netdev);
	snp->mode.MediaPresent = netdev_link_ok(snp->netdev);
}

/*
 * The state check every data call starts with. The device may have been
 * closed under us while initialized (our own stack closes every device
 * before it starts the next stage): it is opened again here.
 */
static EFI_STATUS require_initialized(struct efi_snp_export *snp)
{
	switch (snp->mode.State) {
	case EfiSimpleNetworkStopped:
		return EFI_NOT_STARTED;
	case EfiSimpleNetworkInitialized:
		if (!snp->netdev->is_open && netdev_open(snp->netdev) != 0)
			return EFI_DEVICE_ERROR;
		return EFI_SUCCESS;
	default:
		return EFI_DEVICE_ERROR;
	}
}

/* An entry point's hold on the export, from snp_enter() to snp_leave(). */
struct snp_call {
	EFI_TPL tpl;
	EFI_STATUS refused;	/* why snp_enter() returned NULL */
};

/*
 * What every entry point starts with: This checked, the TPL raised and,
 * for the calls that need it, the state checked (require_initialized()).
 * Returns the export, to be left through snp_leave(); or NULL, holding
 * nothing, with the call's status in call->refused.
 */
static struct efi_snp_export *snp_enter(EFI_SIMPLE_NETWORK_PROTOCOL *This,
					bool initialized, struct snp_call *call)
{
	struct efi_snp_export *snp;

	call->refused = EFI_INVALID_PARAMETER;
	if (!This)
		return NULL;
	snp = snp_of(This);
	call->tpl = snp_lock();
	call->refused = initialized ? require_initialized(snp) : EFI_SUCCESS;
	if (call->refused == EFI_SUCCESS)
		return snp;
	snp_unlock(call->tpl, EFI_SUCCESS);
	return NULL;
}

static EFI_STATUS snp_leave(struct snp_call *call, EFI_STATUS status)
{
	return snp_unlock(call->tpl, status);
}

static bool in_mcast_list(struct efi_snp_export *snp, const uint8_t *dest)
{
	UINT32 i;

	for (i = 0; i < snp->mode.MCastFilterCount; i++) {
		if (memcmp(snp->mode.MCastFilter[i].Addr, dest, ETH_ALEN) == 0)
			return true;
	}
	return false;
}

static bool filter_accepts(struct efi_snp_export *snp, const uint8_t *dest)
{
	UINT32 filter = snp->mode.ReceiveFilterSetting;

	if (filter & EFI_SIMPLE_NETWORK_RECEIVE_PROMISCUOUS)
		return true;
	if (!(dest[0] & 1))
		return (filter & EFI_SIMPLE_NETWORK_RECEIVE_UNICAST) &&
		       memcmp(dest, snp->mode.CurrentAddress.Addr, ETH_ALEN) == 0;
	if (memcmp(dest, broadcast, ETH_ALEN) == 0)
		return filter & EFI_SIMPLE_NETWORK_RECEIVE_BROADCAST;
	if (filter & EFI_SIMPLE_NETWORK_RECEIVE_PROMISCUOUS_MULTICAST)
		return true;
	return (filter & EFI_SIMPLE_NETWORK_RECEIVE_MULTICAST) &&
	       in_mcast_list(snp, dest);
}

/* Counts a frame into the unicast, broadcast and multicast counters that
 * follow each other in EFI_NETWORK_STATISTICS (Rx and Tx alike). */
static void count_by_destination(UINT64 *unicast, const uint8_t *dest)
{
	if (!(dest[0] & 1))
		unicast[0]++;
	else if (memcmp(dest, broadcast, ETH_ALEN) == 0)
		unicast[1]++;
	else
		unicast[2]++;
}

/* The first queued frame the filters accept; the others are dropped. */
static struct io_buffer *next_frame(struct efi_snp_export *snp)
{
	struct io_buffer *iob;

	while ((iob = netdev_rx_peek(snp->netdev))) {
		if (iob_len(iob) >= ETH_HLEN &&
		    filter_accepts(snp, ((struct ethhdr *)iob->data)->h_dest))
			return iob;
		snp->stats.RxTotalFrames++;
		if (iob_len(iob) < ETH_HLEN)
			snp->stats.RxUndersizeFrames++;
		else
			snp->stats.RxDroppedFrames++;
		free_iob(netdev_rx_dequeue(snp->netdev));
	}
	return NULL;
}

/* Counters we keep start at zero; the rest read as all ones, which the
 * specification defines as "not supported". */
static void reset_statistics(struct efi_snp_export *snp)
{
	EFI_NETWORK_STATISTICS *stats = &snp->stats;

	memset(stats, 0xff, sizeof(*stats));
	stats->RxTotalFrames = stats->RxGoodFrames = 0;
	stats->RxUndersizeFrames = stats->RxDroppedFrames = 0;
	stats->RxUnicastFrames = stats->RxBroadcastFrames = 0;
	stats->RxMulticastFrames = stats->RxTotalBytes = 0;
	stats->TxTotalFrames = stats->TxGoodFrames = 0;
	stats->TxDroppedFrames = 0;
	stats->TxUnicastFrames = stats->TxBroadcastFrames = 0;
	stats->TxMulticastFrames = stats->TxTotalBytes = 0;
}

/* ---- state changes --------------------------------------------------------- */

static EFI_STATUS EFIAPI snp_start(EFI_SIMPLE_NETWORK_PROTOCOL *This)
{
	struct snp_call call;
	struct efi_snp_export *snp = snp_enter(This, false, &call);

	if (!snp)
		return call.refused;
	if (snp->mode.State != EfiSimpleNetworkStopped)
		return snp_leave(&call, EFI_ALREADY_STARTED);
	snp->mode.State = EfiSimpleNetworkStarted;
	return snp_leave(&call, EFI_SUCCESS);
}

static EFI_STATUS EFIAPI snp_stop(EFI_SIMPLE_NETWORK_PROTOCOL *This)
{
	struct snp_call call;
	struct efi_snp_export *snp = snp_enter(This, false, &call);
	EFI_STATUS status = EFI_SUCCESS;

	if (!snp)
		return call.refused;
	switch (snp->mode.State) {
	case EfiSimpleNetworkStarted:
		snp->mode.State = EfiSimpleNetworkStopped;
		status = EFI_SUCCESS;
		break;
	case EfiSimpleNetworkStopped:
		status = EFI_NOT_STARTED;
		break;
	default:
		/* Shutdown() comes first. */
		status = EFI_DEVICE_ERROR;
		break;
	}
	return snp_leave(&call, status);
}

static EFI_STATUS EFIAPI snp_initialize(EFI_SIMPLE_NETWORK_PROTOCOL *This,
					UINTN ExtraRxBufferSize,
					UINTN ExtraTxBufferSize)
{
	struct snp_call call;
	struct efi_snp_export *snp = snp_enter(This, false, &call);
	int rc;
	EFI_STATUS status = EFI_SUCCESS;

	if (!snp)
		return call.refused;
	if (snp->mode.State == EfiSimpleNetworkStopped) {
		status = EFI_NOT_STARTED;
	} else if (snp->mode.State == EfiSimpleNetworkInitialized) {
		status = EFI_DEVICE_ERROR;
	} else {
		/* Our buffers are our own: the extra sizes need nothing. */
		rc = netdev_open(snp->netdev);
		DBG("SNP %s: initialize: %s\n", snp->netdev->name, strerror(rc));
		if (rc != 0) {
			status = EFI_DEVICE_ERROR;
		} else {
			snp->mode.State = EfiSimpleNetworkInitialized;
			snp_poll(snp);
		}
	}
	return snp_leave(&call, status);
}

static EFI_STATUS EFIAPI snp_reset(EFI_SIMPLE_NETWORK_PROTOCOL *This,
				   BOOLEAN ExtendedVerification)
{
	struct snp_call call;
	struct efi_snp_export *snp = snp_enter(This, true, &call);
	EFI_STATUS status = EFI_SUCCESS;

	if (!snp)
		return call.refused;
	/* Filters and addresses live here and survive the reset. */
	netdev_close(snp->netdev);
	if (netdev_open(snp->netdev) != 0)
		status = EFI_DEVICE_ERROR;
	return snp_leave(&call, status);
}

static EFI_STATUS EFIAPI snp_shutdown(EFI_SIMPLE_NETWORK_PROTOCOL *This)
{
	struct snp_call call;
	struct efi_snp_export *snp = snp_enter(This, true, &call);

	if (!snp)
		return call.refused;
	DBG("SNP %s: shutdown\n", snp->netdev->name);
	netdev_close(snp->netdev);
	snp->mode.State = EfiSimpleNetworkStarted;
	snp->mode.ReceiveFilterSetting = 0;
	snp->mode.MCastFilterCount = 0;
	snp->recycled_count = 0;
	snp->tx_interrupt = false;
	return snp_leave(&call, EFI_SUCCESS);
}

/* ---- configuration ------------------------------------------------------- */

static EFI_STATUS set_mcast_list(struct efi_snp_export *snp, UINTN count,
				 const EFI_MAC_ADDRESS *list)
{
	UINTN i;

	if (count > snp->mode.MaxMCastFilterCount || !list)
		return EFI_INVALID_PARAMETER;
	for (i = 0; i < count; i++) {
		if (!(list[i].Addr[0] & 1))
			return EFI_INVALID_PARAMETER;
	}
	for (i = 0; i < count; i++)
		set_mac(&snp->mode.MCastFilter[i], list[i].Addr);
	snp->mode.MCastFilterCount = (UINT32)count;
	return EFI_SUCCESS;
}

static EFI_STATUS EFIAPI snp_receive_filters(EFI_SIMPLE_NETWORK_PROTOCOL *This,
					     UINT32 Enable, UINT32 Disable,
					     BOOLEAN ResetMCastFilter,
					     UINTN MCastFilterCnt,
					     EFI_MAC_ADDRESS *MCastFilter)
{
	struct snp_call call;
	struct efi_snp_export *snp = snp_enter(This, true, &call);
	EFI_STATUS status = EFI_SUCCESS;

	if (!snp)
		return call.refused;
	if ((Enable | Disable) & ~snp->mode.ReceiveFilterMask)
		return snp_leave(&call, EFI_INVALID_PARAMETER);
	if (ResetMCastFilter) {
		snp->mode.MCastFilterCount = 0;
	} else if (MCastFilterCnt) {
		/* A list only makes sense with the filter that uses it. */
		if (!(Enable & EFI_SIMPLE_NETWORK_RECEIVE_MULTICAST))
			return snp_leave(&call, EFI_INVALID_PARAMETER);
		status = set_mcast_list(snp, MCastFilterCnt, MCastFilter);
		if (status != EFI_SUCCESS)
			return snp_leave(&call, status);
	}
	snp->mode.ReceiveFilterSetting =
		(snp->mode.ReceiveFilterSetting | Enable) & ~Disable;
	DBG("SNP %s: filters %#x, %u multicast addresses\n", snp->netdev->name,
	    snp->mode.ReceiveFilterSetting, snp->mode.MCastFilterCount);
	return snp_leave(&call, EFI_SUCCESS);
}

static EFI_STATUS EFIAPI snp_station_address(EFI_SIMPLE_NETWORK_PROTOCOL *This,
					     BOOLEAN Reset, EFI_MAC_ADDRESS *New)
{
	struct snp_call call;
	struct efi_snp_export *snp = snp_enter(This, true, &call);
	EFI_STATUS status = EFI_SUCCESS;

	if (!snp)
		return call.refused;
	if (Reset)
		set_mac(&snp->mode.CurrentAddress, snp->netdev->hw_addr);
	else if (!New)
		status = EFI_INVALID_PARAMETER;
	else
		status = EFI_UNSUPPORTED;
	return snp_leave(&call, status);
}

static EFI_STATUS EFIAPI snp_statistics(EFI_SIMPLE_NETWORK_PROTOCOL *This,
					BOOLEAN Reset, UINTN *StatisticsSize,
					EFI_NETWORK_STATISTICS *StatisticsTable)
{
	struct snp_call call;
	struct efi_snp_export *snp = snp_enter(This, true, &call);
	UINTN size;
	EFI_STATUS status = EFI_SUCCESS;

	if (!snp)
		return call.refused;
	if (!StatisticsSize && (StatisticsTable || !Reset))
		return snp_leave(&call, EFI_INVALID_PARAMETER);
	if (StatisticsSize) {
		size = *StatisticsSize;
		if (StatisticsTable)
			memcpy(StatisticsTable, &snp->stats,
			       size < sizeof(snp->stats) ? size : sizeof(snp->stats));
		*StatisticsSize = sizeof(snp->stats);
		if (size < sizeof(snp->stats))
			status = EFI_BUFFER_TOO_SMALL;
	}
	if (Reset)
		reset_statistics(snp);
	return snp_leave(&call, status);
}

/* IPv4 groups map to 01:00:5e plus the address's low 23 bits (RFC 1112),
 * IPv6 groups to 33:33 plus the low 32 bits (RFC 2464). */
static EFI_STATUS EFIAPI snp_mcast_ip_to_mac(EFI_SIMPLE_NETWORK_PROTOCOL *This,
					     BOOLEAN IPv6, EFI_IP_ADDRESS *IP,
					     EFI_MAC_ADDRESS *MAC)
{
	struct snp_call call;
	struct efi_snp_export *snp = snp_enter(This, true, &call);
	uint8_t mac[ETH_ALEN];

	if (!snp)
		return call.refused;
	if (!IP || !MAC)
		return snp_leave(&call, EFI_INVALID_PARAMETER);
	if (IPv6) {
		if (IP->v6[0] != 0xff)
			return snp_leave(&call, EFI_INVALID_PARAMETER);
		mac[0] = 0x33;
		mac[1] = 0x33;
		memcpy(&mac[2], &IP->v6[12], 4);
	} else {
		if ((IP->v4[0] & 0xf0) != 0xe0)
			return snp_leave(&call, EFI_INVALID_PARAMETER);
		mac[0] = 0x01;
		mac[1] = 0x00;
		mac[2] = 0x5e;
		mac[3] = IP->v4[1] & 0x7f;
		mac[4] = IP->v4[2];
		mac[5] = IP->v4[3];
	}
	set_mac(MAC, mac);
	return snp_leave(&call, EFI_SUCCESS);
}

static EFI_STATUS EFIAPI snp_nvdata(EFI_SIMPLE_NETWORK_PROTOCOL *This,
				    BOOLEAN ReadWrite, UINTN Offset,
				    UINTN BufferSize, VOID *Buffer)
{
	/* No NVRAM is exposed (NvRamSize 0); see the top of this file. */
	return EFI_UNSUPPORTED;
}

/* ---- data ----------------------------------------------------------------- */

static EFI_STATUS EFIAPI snp_get_status(EFI_SIMPLE_NETWORK_PROTOCOL *This,
					UINT32 *InterruptStatus, VOID **TxBuf)
{
	struct snp_call call;
	struct efi_snp_export *snp = snp_enter(This, true, &call);

	if (!snp)
		return call.refused;
	snp_poll(snp);
	if (InterruptStatus) {
		*InterruptStatus = 0;
		if (next_frame(snp))
			*InterruptStatus |= EFI_SIMPLE_NETWORK_RECEIVE_INTERRUPT;
		if (snp->tx_interrupt)
			*InterruptStatus |= EFI_SIMPLE_NETWORK_TRANSMIT_INTERRUPT;
		snp->tx_interrupt = false;
	}
	if (TxBuf) {
		*TxBuf = NULL;
		if (snp->recycled_count) {
			*TxBuf = snp->recycled[0];
			snp->recycled_count--;
			memmove(&snp->recycled[0], &snp->recycled[1],
				snp->recycled_count * sizeof(snp->recycled[0]));
		}
	}
	return snp_leave(&call, EFI_SUCCESS);
}

/* Checks a Transmit() call's arguments and fills the media header when
 * the caller asks for it (HeaderSize != 0). */
static EFI_STATUS prepare_frame(struct efi_snp_export *snp, UINTN HeaderSize,
				UINTN BufferSize, VOID *Buffer,
				EFI_MAC_ADDRESS *SrcAddr,
				EFI_MAC_ADDRESS *DestAddr, UINT16 *Protocol)
{
	struct ethhdr *eth = Buffer;

	if (!Buffer)
		return EFI_INVALID_PARAMETER;
	if (BufferSize < snp->mode.MediaHeaderSize)
		return EFI_BUFFER_TOO_SMALL;
	if (BufferSize > snp->mode.MediaHeaderSize + snp->mode.MaxPacketSize)
		return EFI_INVALID_PARAMETER;
	if (!HeaderSize)
		return EFI_SUCCESS;
	if (HeaderSize != snp->mode.MediaHeaderSize || !DestAddr || !Protocol)
		return EFI_INVALID_PARAMETER;
	memcpy(eth->h_dest, DestAddr->Addr, ETH_ALEN);
	memcpy(eth->h_source,
	       SrcAddr ? SrcAddr->Addr : snp->mode.CurrentAddress.Addr, ETH_ALEN);
	eth->h_protocol = htons(*Protocol);
	return EFI_SUCCESS;
}

static EFI_STATUS EFIAPI snp_transmit(EFI_SIMPLE_NETWORK_PROTOCOL *This,
				      UINTN HeaderSize, UINTN BufferSize,
				      VOID *Buffer, EFI_MAC_ADDRESS *SrcAddr,
				      EFI_MAC_ADDRESS *DestAddr,
				      UINT16 *Protocol)
{
	struct snp_call call;
	struct efi_snp_export *snp = snp_enter(This, true, &call);
	struct io_buffer *iob;
	int rc;
	EFI_STATUS status = EFI_SUCCESS;

	if (!snp)
		return call.refused;
	status = prepare_frame(snp, HeaderSize, BufferSize, Buffer, SrcAddr,
			       DestAddr, Protocol);
	if (status != EFI_SUCCESS)
		return snp_leave(&call, status);
	/* Until the caller collects its buffers we cannot report more. */
	if (snp->recycled_count == EFI_SNP_RECYCLE_MAX)
		return snp_leave(&call, EFI_NOT_READY);

	/* Reaps completed transmits, so the ring has room. */
	snp_poll(snp);
	/* Room for the padding netdev_tx() adds in place to short frames. */
	iob = alloc_iob(BufferSize < ETH_ZLEN ? ETH_ZLEN : BufferSize);
	if (!iob)
		return snp_leave(&call, EFI_OUT_OF_RESOURCES);
	memcpy(iob_put(iob, BufferSize), Buffer, BufferSize);
	snp->stats.TxTotalFrames++;
	rc = netdev_tx(snp->netdev, iob);
	if (rc != 0) {
		DBG2("SNP %s: transmit: %s\n", snp->netdev->name, strerror(rc));
		snp->stats.TxDroppedFrames++;
		/* A full ring is a transient state the caller retries. */
		return snp_leave(&call, rc == -ENOBUFS ? EFI_NOT_READY :
							EFI_DEVICE_ERROR);
	}
	snp->stats.TxGoodFrames++;
	snp->stats.TxTotalBytes += BufferSize;
	count_by_destination(&snp->stats.TxUnicastFrames, Buffer);
	snp->recycled[snp->recycled_count++] = Buffer;
	snp->tx_interrupt = true;
	return snp_leave(&call, EFI_SUCCESS);
}

static EFI_STATUS EFIAPI snp_receive(EFI_SIMPLE_NETWORK_PROTOCOL *This,
				     UINTN *HeaderSize, UINTN *BufferSize,
				     VOID *Buffer, EFI_MAC_ADDRESS *SrcAddr,
				     EFI_MAC_ADDRESS *DestAddr, UINT16 *Protocol)
{
	struct snp_call call;
	struct efi_snp_export *snp = snp_enter(This, true, &call);
	struct io_buffer *iob;
	struct ethhdr *eth;
	size_t len;

	if (!snp)
		return call.refused;
	if (!BufferSize || !Buffer)
		return snp_leave(&call, EFI_INVALID_PARAMETER);
	iob = next_frame(snp);
	if (!iob) {
		snp_poll(snp);
		iob = next_frame(snp);
	}
	if (!iob)
		return snp_leave(&call, EFI_NOT_READY);

	len = iob_len(iob);
	if (len > *BufferSize) {
		/* The frame stays queued for a call with room for it. */
		*BufferSize = len;
		return snp_leave(&call, EFI_BUFFER_TOO_SMALL);
	}
	eth = iob->data;
	memcpy(Buffer, eth, len);
	*BufferSize = len;
	if (HeaderSize)
		*HeaderSize = snp->mode.MediaHeaderSize;
	if (SrcAddr)
		set_mac(SrcAddr, eth->h_source);
	if (DestAddr)
		set_mac(DestAddr, eth->h_dest);
	if (Protocol)
		*Protocol = ntohs(eth->h_protocol);

	snp->stats.RxTotalFrames++;
	snp->stats.RxGoodFrames++;
	snp->stats.RxTotalBytes += len;
	count_by_destination(&snp->stats.RxUnicastFrames, eth->h_dest);
	free_iob(netdev_rx_dequeue(snp->netdev));
	return snp_leave(&call, EFI_SUCCESS);
}

/* WaitForPacket: checked by WaitForEvent()/CheckEvent(); polls the NIC and
 * signals once a frame the filters accept is waiting. */
static VOID EFIAPI wait_for_packet_notify(EFI_EVENT event, VOID *context)
{
	struct efi_snp_export *snp = context;
	EFI_TPL tpl = snp_lock();

	if (snp->mode.State == EfiSimpleNetworkInitialized &&
	    snp->netdev->is_open) {
		snp_poll(snp);
		if (next_frame(snp))
			efi_boot_services->SignalEvent(event);
	}
	snp_unlock(tpl, EFI_SUCCESS);
}

/* ---- life cycle ------------------------------------------------------------ */

static const EFI_SIMPLE_NETWORK_PROTOCOL snp_template = {
	.Revision = EFI_SIMPLE_NETWORK_PROTOCOL_REVISION,
	.Start = snp_start,
	.Stop = snp_stop,
	.Initialize = snp_initialize,
	.Reset = snp_reset,
	.Shutdown = snp_shutdown,
	.ReceiveFilters = snp_receive_filters,
	.StationAddress = snp_station_address,
	.Statistics = snp_statistics,
	.MCastIpToMac = snp_mcast_ip_to_mac,
	.NvData = snp_nvdata,
	.GetStatus = snp_get_status,
	.Transmit = snp_transmit,
	.Receive = snp_receive,
};

struct efi_snp_export *efi_snp_export_new(struct net_device *netdev)
{
	struct efi_snp_export *snp = zalloc(sizeof(*snp));
	EFI_SIMPLE_NETWORK_MODE *mode;

	if (!snp)
		return NULL;
	snp->protocol = snp_template;
	snp->protocol.Mode = mode = &snp->mode;
	if (EFI_ERROR(efi_boot_services->CreateEvent(
		    EVT_NOTIFY_WAIT, TPL_CALLBACK, wait_for_packet_notify, snp,
		    &snp->protocol.WaitForPacket))) {
		free(snp);
		return NULL;
	}
	netdev_get(netdev);
	snp->netdev = netdev;

	mode->State = EfiSimpleNetworkStopped;
	mode->HwAddressSize = ETH_ALEN;
	mode->MediaHeaderSize = ETH_HLEN;
	mode->MaxPacketSize = (UINT32)netdev->mtu;
	mode->ReceiveFilterMask = SNP_FILTERS;
	mode->MaxMCastFilterCount = MAX_MCAST_FILTER_CNT;
	set_mac(&mode->CurrentAddress, netdev->ll_addr);
	set_mac(&mode->PermanentAddress, netdev->hw_addr);
	set_mac(&mode->BroadcastAddress, broadcast);
	mode->IfType = IF_TYPE_ETHERNET;
	mode->MacAddressChangeable = 0;
	mode->MultipleTxSupported = 1;
	mode->MediaPresentSupported = 1;
	mode->MediaPresent = netdev_link_ok(netdev);
	reset_statistics(snp);
	return snp;
}

void efi_snp_export_free(struct efi_snp_export *snp)
{
	if (snp->mode.State == EfiSimpleNetworkInitialized)
		netdev_close(snp->netdev);
	efi_boot_services->CloseEvent(snp->protocol.WaitForPacket);
	netdev_put(snp->netdev);
	free(snp);
}
