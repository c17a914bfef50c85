/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * EFI_PXE_BASE_CODE_PROTOCOL (UEFI 2.10, section 24.3) on the started
 * image's device handle, as network-booted loaders expect to find it:
 * shim reads the DHCP packets in Mode to learn its server and directory,
 * and fetches its next stage with Mtftp; GRUB reads the DHCPACK to
 * configure its own network stack over our SNP.
 *
 * Mode is built from the lease of the boot device's network device
 * (efi_pxe_mode.c), with the ACK's boot file naming the started image
 * when it came by TFTP. Mtftp reads a file with our TFTP client; the
 * loader's call waits for the download there (it is a firmware protocol
 * call from another program, with nothing else to run meanwhile). Only
 * what loaders use is offered: TFTP reads and file sizes; Discover, UDP
 * and ARP are refused with EFI_UNSUPPORTED, as a PXE base code without
 * those capabilities may. A shim we start asks for the image it was
 * handed (efi_image.c) by name, and gets it from memory.
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <net/dhcp.h>
#include <net/in.h>
#include <platform/efi/efi_boot_device.h>
#include <platform/efi/efi_guid.h>
#include <platform/efi/efi_pxe_mode.h>
#include <usr/imgmgmt.h>
#include <wireboot/efi.h>

PROVIDE_OBJECT(efi_pxe);

/* Longer names are refused: nobody's TFTP path is that long. */
#define FILENAME_MAX_LEN 255

struct efi_pxe {
	EFI_PXE_BASE_CODE_PROTOCOL protocol;
	EFI_PXE_BASE_CODE_MODE mode;
	struct efi_boot_device *dev;
	struct efi_pxe *next;
};

static struct efi_pxe *installed;

static struct efi_pxe *pxe_of(EFI_PXE_BASE_CODE_PROTOCOL *protocol)
{
	return container_of(protocol, struct efi_pxe, protocol);
}

static EFI_STATUS EFIAPI pxe_start(EFI_PXE_BASE_CODE_PROTOCOL *This,
				   BOOLEAN UseIpv6)
{
	if (!This)
		return EFI_INVALID_PARAMETER;
	if (UseIpv6)
		return EFI_UNSUPPORTED;
	if (pxe_of(This)->mode.Started)
		return EFI_ALREADY_STARTED;
	pxe_of(This)->mode.Started = 1;
	return EFI_SUCCESS;
}

static EFI_STATUS EFIAPI pxe_stop(EFI_PXE_BASE_CODE_PROTOCOL *This)
{
	if (!This)
		return EFI_INVALID_PARAMETER;
	if (!pxe_of(This)->mode.Started)
		return EFI_NOT_STARTED;
	pxe_of(This)->mode.Started = 0;
	return EFI_SUCCESS;
}

/* The lease is ours already: a loader asking again gets it. */
static EFI_STATUS EFIAPI pxe_dhcp(EFI_PXE_BASE_CODE_PROTOCOL *This,
				  BOOLEAN SortOffers)
{
	if (!This)
		return EFI_INVALID_PARAMETER;
	if (!pxe_of(This)->mode.Started)
		return EFI_NOT_STARTED;
	return pxe_of(This)->mode.DhcpAckReceived ? EFI_SUCCESS : EFI_NO_RESPONSE;
}

static EFI_STATUS EFIAPI pxe_discover(EFI_PXE_BASE_CODE_PROTOCOL *This,
				      UINT16 Type, UINT16 *Layer, BOOLEAN UseBis,
				      EFI_PXE_BASE_CODE_DISCOVER_INFO *Info)
{
	return EFI_UNSUPPORTED;
}

/* A name is sent as it is; what would change the meaning of the URI we
 * make of it (or of the request) is refused. */
static bool acceptable_filename(const UINT8 *name)
{
	size_t i;

	for (i = 0; name[i]; i++) {
		if (i >= FILENAME_MAX_LEN || name[i] < 0x21 || name[i] > 0x7e ||
		    name[i] == '?' || name[i] == '#' || name[i] == '%')
			return false;
	}
	return i > 0;
}

static int pxe_fetch(struct efi_pxe *pxe, const EFI_IP_ADDRESS *server,
		     const UINT8 *filename, const UINTN *block_size,
		     struct image **image)
{
	char text[FILENAME_MAX_LEN + 64], host[16];
	struct in_addr addr;
	struct uri *uri;
	int rc;

	memcpy(&addr, server->v4, sizeof(addr));
	snprintf(text, sizeof(text), "tftp://%s/%s", inet_ntoa_r(addr, host),
		 (const char *)filename);
	if (block_size && *block_size)
		snprintf(text + strlen(text), sizeof(text) - strlen(text),
			 "?blksize=%u", (unsigned)*block_size);
	uri = parse_uri(text);
	if (!uri)
		return -ENOMEM;
	/* Our stack closed the device when the loader started. */
	rc = pxe->dev->netdev ? netdev_open(pxe->dev->netdev) : -ENETDOWN;
	if (rc == 0)
		rc = image_download(uri, image);
	uri_put(uri);
	return rc;
}

/* The image handed to a shim, when the file asked for has its name (in
 * whatever directory: shim asks in the one it was booted from). */
static struct image *handed_image(struct efi_pxe *pxe, const char *filename)
{
	const struct image *handed = pxe->dev->handed;
	const char *base = strrchr(filename, '/');

	base = base ? base + 1 : filename;
	if (!handed || strcmp(base, handed->name) != 0)
		return NULL;
	return (struct image *)handed;
}

static EFI_STATUS EFIAPI pxe_mtftp(EFI_PXE_BASE_CODE_PROTOCOL *This,
				   EFI_PXE_BASE_CODE_TFTP_OPCODE Operation,
				   VOID *BufferPtr, BOOLEAN Overwrite,
				   UINT64 *BufferSize, UINTN *BlockSize,
				   EFI_IP_ADDRESS *ServerIp, UINT8 *Filename,
				   EFI_PXE_BASE_CODE_MTFTP_INFO *Info,
				   BOOLEAN DontUseBuffer)
{
	struct efi_pxe *pxe;
	struct image *image;
	EFI_STATUS status;
	int rc;

	if (!This || !BufferSize || !ServerIp || !Filename)
		return EFI_INVALID_PARAMETER;
	pxe = pxe_of(This);
	if (!pxe->mode.Started)
		return EFI_NOT_STARTED;
	if (Operation != EFI_PXE_BASE_CODE_TFTP_GET_FILE_SIZE &&
	    Operation != EFI_PXE_BASE_CODE_TFTP_READ_FILE)
		return EFI_UNSUPPORTED;
	if (Operation == EFI_PXE_BASE_CODE_TFTP_READ_FILE && !DontUseBuffer &&
	    !BufferPtr)
		return EFI_INVALID_PARAMETER;
	if (!acceptable_filename(Filename))
		return EFI_INVALID_PARAMETER;
	image = handed_image(pxe, (const char *)Filename);
	if (image) {
		image_get(image);
	} else {
		rc = pxe_fetch(pxe, ServerIp, Filename, BlockSize, &image);
		if (rc)
			return efi_rc_to_status(rc);
	}
	status = EFI_SUCCESS;
	if (Operation == EFI_PXE_BASE_CODE_TFTP_READ_FILE && !DontUseBuffer) {
		if (image->len > *BufferSize)
			status = EFI_BUFFER_TOO_SMALL;
		else
			memcpy(BufferPtr, image->data, image->len);
	}
	/* The size read (or needed): shim hands a large buffer and takes
	 * this as the file's length. */
	*BufferSize = image->len;
	image_put(image);
	return status;
}

static EFI_STATUS EFIAPI pxe_udp_write(EFI_PXE_BASE_CODE_PROTOCOL *This,
				       UINT16 OpFlags, EFI_IP_ADDRESS *DestIp,
				       EFI_PXE_BASE_CODE_UDP_PORT *DestPort,
				       EFI_IP_ADDRESS *GatewayIp,
				       EFI_IP_ADDRESS *SrcIp,
				       EFI_PXE_BASE_CODE_UDP_PORT *SrcPort,
				       UINTN *HeaderSize, VOID *HeaderPtr,
				       UINTN *BufferSize, VOID *BufferPtr)
{
	return EFI_UNSUPPORTED;
}

static EFI_STATUS EFIAPI pxe_udp_read(EFI_PXE_BASE_CODE_PROTOCOL *This,
				      UINT16 OpFlags, EFI_IP_ADDRESS *DestIp,
				      EFI_PXE_BASE_CODE_UDP_PORT *DestPort,
				      EFI_IP_ADDRESS *SrcIp,
				      EFI_PXE_BASE_CODE_UDP_PORT *SrcPort,
				      UINTN *HeaderSize, VOID *HeaderPtr,
				      UINTN *BufferSize, VOID *BufferPtr)
{
	return EFI_UNSUPPORTED;
}

static EFI_STATUS EFIAPI pxe_set_ip_filter(EFI_PXE_BASE_CODE_PROTOCOL *This,
					   EFI_PXE_BASE_CODE_IP_FILTER *NewFilter)
{
	if (!This || !NewFilter)
		return EFI_INVALID_PARAMETER;
	if (NewFilter->IpCnt > EFI_PXE_BASE_CODE_MAX_IPCNT)
		return EFI_INVALID_PARAMETER;
	pxe_of(This)->mode.IpFilter = *NewFilter;
	return EFI_SUCCESS;
}

static EFI_STATUS EFIAPI pxe_arp(EFI_PXE_BASE_CODE_PROTOCOL *This,
				 EFI_IP_ADDRESS *IpAddr, EFI_MAC_ADDRESS *MacAddr)
{
	return EFI_UNSUPPORTED;
}

static EFI_STATUS EFIAPI pxe_set_parameters(EFI_PXE_BASE_CODE_PROTOCOL *This,
					    BOOLEAN *NewAutoArp,
					    BOOLEAN *NewSendGUID, UINT8 *NewTTL,
					    UINT8 *NewToS,
					    BOOLEAN *NewMakeCallback)
{
	EFI_PXE_BASE_CODE_MODE *mode;

	if (!This)
		return EFI_INVALID_PARAMETER;
	mode = &pxe_of(This)->mode;
	/* No callback protocol is consulted, so none can be asked for. */
	if (NewMakeCallback && *NewMakeCallback)
		return EFI_INVALID_PARAMETER;
	if (NewAutoArp)
		mode->AutoArp = *NewAutoArp;
	if (NewSendGUID)
		mode->SendGUID = *NewSendGUID;
	if (NewTTL)
		mode->TTL = *NewTTL;
	if (NewToS)
		mode->ToS = *NewToS;
	return EFI_SUCCESS;
}

static EFI_STATUS EFIAPI pxe_set_station_ip(EFI_PXE_BASE_CODE_PROTOCOL *This,
					    EFI_IP_ADDRESS *NewStationIp,
					    EFI_IP_ADDRESS *NewSubnetMask)
{
	EFI_PXE_BASE_CODE_MODE *mode;

	if (!This)
		return EFI_INVALID_PARAMETER;
	mode = &pxe_of(This)->mode;
	if (NewStationIp)
		mode->StationIp = *NewStationIp;
	if (NewSubnetMask)
		mode->SubnetMask = *NewSubnetMask;
	return EFI_SUCCESS;
}

static void set_packet(BOOLEAN *flag, EFI_PXE_BASE_CODE_PACKET *packet,
		       const BOOLEAN *new_flag,
		       const EFI_PXE_BASE_CODE_PACKET *new_packet)
{
	if (new_flag)
		*flag = *new_flag;
	if (new_packet)
		*packet = *new_packet;
}

static EFI_STATUS EFIAPI pxe_set_packets(EFI_PXE_BASE_CODE_PROTOCOL *This,
					 BOOLEAN *NewDhcpDiscoverValid,
					 BOOLEAN *NewDhcpAckReceived,
					 BOOLEAN *NewProxyOfferReceived,
					 BOOLEAN *NewPxeDiscoverValid,
					 BOOLEAN *NewPxeReplyReceived,
					 BOOLEAN *NewPxeBisReplyReceived,
					 EFI_PXE_BASE_CODE_PACKET *NewDhcpDiscover,
					 EFI_PXE_BASE_CODE_PACKET *NewDhcpAck,
					 EFI_PXE_BASE_CODE_PACKET *NewProxyOffer,
					 EFI_PXE_BASE_CODE_PACKET *NewPxeDiscover,
					 EFI_PXE_BASE_CODE_PACKET *NewPxeReply,
					 EFI_PXE_BASE_CODE_PACKET *NewPxeBisReply)
{
	EFI_PXE_BASE_CODE_MODE *mode;

	if (!This)
		return EFI_INVALID_PARAMETER;
	mode = &pxe_of(This)->mode;
	set_packet(&mode->DhcpDiscoverValid, &mode->DhcpDiscover,
		   NewDhcpDiscoverValid, NewDhcpDiscover);
	set_packet(&mode->DhcpAckReceived, &mode->DhcpAck, NewDhcpAckReceived,
		   NewDhcpAck);
	set_packet(&mode->ProxyOfferReceived, &mode->ProxyOffer,
		   NewProxyOfferReceived, NewProxyOffer);
	set_packet(&mode->PxeDiscoverValid, &mode->PxeDiscover,
		   NewPxeDiscoverValid, NewPxeDiscover);
	set_packet(&mode->PxeReplyReceived, &mode->PxeReply,
		   NewPxeReplyReceived, NewPxeReply);
	set_packet(&mode->PxeBisReplyReceived, &mode->PxeBisReply,
		   NewPxeBisReplyReceived, NewPxeBisReply);
	return EFI_SUCCESS;
}

static const EFI_PXE_BASE_CODE_PROTOCOL pxe_operations = {
	.Revision = EFI_PXE_BASE_CODE_PROTOCOL_REVISION,
	.Start = pxe_start,
	.Stop = pxe_stop,
	.Dhcp = pxe_dhcp,
	.Discover = pxe_discover,
	.Mtftp = pxe_mtftp,
	.UdpWrite = pxe_udp_write,
	.UdpRead = pxe_udp_read,
	.SetIpFilter = pxe_set_ip_filter,
	.Arp = pxe_arp,
	.SetParameters = pxe_set_parameters,
	.SetStationIp = pxe_set_station_ip,
	.SetPackets = pxe_set_packets,
};

/* The started image's place on its TFTP server, if it came by TFTP from
 * a server named by address. */
static bool tftp_boot_file(const struct image *image,
			   struct efi_pxe_boot_file *boot)
{
	const struct uri *uri = image->uri;
	struct in_addr addr;

	if (!uri || !uri->scheme || strcmp(uri->scheme, "tftp") != 0 ||
	    !uri->host || !uri->path || inet_aton(uri->host, &addr) != 0)
		return false;
	boot->path = uri->path;
	memcpy(boot->server, &addr, sizeof(boot->server));
	return true;
}

static int install_pxe(struct efi_boot_device *dev)
{
	struct efi_pxe_boot_file boot;
	const void *ack, *proxy;
	size_t ack_len = 0, proxy_len = 0;
	struct efi_pxe *pxe;
	EFI_STATUS status;

	/* Without a lease there is nothing a loader could use. */
	ack = dev->netdev ? dhcp_last_message(dev->netdev, false, &ack_len) : NULL;
	if (!ack)
		return 0;
	proxy = dhcp_last_message(dev->netdev, true, &proxy_len);
	pxe = zalloc(sizeof(*pxe));
	if (!pxe)
		return -ENOMEM;
	pxe->protocol = pxe_operations;
	pxe->protocol.Mode = &pxe->mode;
	pxe->dev = dev;
	efi_pxe_mode_build(&pxe->mode, ack, ack_len, proxy, proxy_len,
			   tftp_boot_file(dev->image, &boot) ? &boot : NULL);
	status = efi_boot_services->InstallMultipleProtocolInterfaces(
		&dev->handle, &efi_pxe_base_code_protocol_guid, &pxe->protocol,
		NULL);
	if (EFI_ERROR(status)) {
		free(pxe);
		return efi_status_to_rc(status);
	}
	pxe->next = installed;
	installed = pxe;
	return 0;
}

static void uninstall_pxe(struct efi_boot_device *dev)
{
	struct efi_pxe **link, *pxe;

	for (link = &installed; (pxe = *link); link = &pxe->next) {
		if (pxe->dev != dev)
			continue;
		*link = pxe->next;
		/* Still held by a loader that never let go: kept. */
		if (!EFI_ERROR(efi_boot_services->UninstallMultipleProtocolInterfaces(
			    dev->handle, &efi_pxe_base_code_protocol_guid,
			    &pxe->protocol, NULL)))
			free(pxe);
		return;
	}
}

EFI_BOOT_DEVICE_PROTOCOL(efi_pxe_protocol) = {
	.name = "PXE base code",
	.install = install_pxe,
	.uninstall = uninstall_pxe,
};
