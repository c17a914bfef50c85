/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The network test program: proves that frames really travel through a
 * network device, with no protocol stack in the way. It probes devices as
 * its image was linked to (our PCI drivers, or the firmware's SNP), sends
 * ARP requests for QEMU's user-mode gateway 10.0.2.2 from 10.0.2.15 and
 * waits for the answer, reading the device's receive queue itself. It also
 * reports how many firmware SNP handles exist while the devices are ours
 * and after they are given back, then powers the machine off. Every line
 * it prints starts with "NETTEST:" for the test to match.
 */

#include <stdio.h>
#include <string.h>
#include <efi/protocol/simple_network.h>
#include <net/ethernet.h>
#include <wireboot/byteorder.h>
#include <wireboot/device.h>
#include <wireboot/efi.h>
#include <wireboot/main.h>
#include <wireboot/netdev.h>
#include <wireboot/timer.h>

#define ARP_HTYPE_ETHERNET 1
#define ARP_REQUEST 1
#define ARP_REPLY 2
#define LINK_TIMEOUT_US 5000000
#define ARP_TIMEOUT_US 10000000
#define ARP_RETRY_US 1000000

struct arp_packet {
	uint16_t htype, ptype;
	uint8_t hlen, plen;
	uint16_t oper;
	uint8_t sha[ETH_ALEN];
	uint8_t spa[4];
	uint8_t tha[ETH_ALEN];
	uint8_t tpa[4];
} __packed;

static const uint8_t our_ip[4] = { 10, 0, 2, 15 };
static const uint8_t gateway_ip[4] = { 10, 0, 2, 2 };

static unsigned count_firmware_snps(void)
{
	static EFI_GUID snp_guid = EFI_SIMPLE_NETWORK_PROTOCOL_GUID;
	EFI_HANDLE *handles;
	UINTN count;

	if (EFI_ERROR(efi_boot_services->LocateHandleBuffer(
		    ByProtocol, &snp_guid, NULL, &count, &handles)))
		return 0;
	efi_boot_services->FreePool(handles);
	return (unsigned)count;
}

static int send_arp_request(struct net_device *netdev)
{
	struct io_buffer *iob = alloc_iob(ETH_HLEN + sizeof(struct arp_packet));
	struct ethhdr *eth;
	struct arp_packet *arp;

	if (!iob)
		return -1;
	eth = iob_put(iob, sizeof(*eth));
	memset(eth->h_dest, 0xff, ETH_ALEN);
	memcpy(eth->h_source, netdev->ll_addr, ETH_ALEN);
	eth->h_protocol = htons(ETH_P_ARP);
	arp = iob_put(iob, sizeof(*arp));
	memset(arp, 0, sizeof(*arp));
	arp->htype = htons(ARP_HTYPE_ETHERNET);
	arp->ptype = htons(ETH_P_IP);
	arp->hlen = ETH_ALEN;
	arp->plen = sizeof(our_ip);
	arp->oper = htons(ARP_REQUEST);
	memcpy(arp->sha, netdev->ll_addr, ETH_ALEN);
	memcpy(arp->spa, our_ip, sizeof(our_ip));
	memcpy(arp->tpa, gateway_ip, sizeof(gateway_ip));
	return netdev_tx(netdev, iob);
}

/* The gateway's MAC if iob is its ARP reply. */
static const uint8_t *arp_reply_sender(struct io_buffer *iob)
{
	const struct ethhdr *eth = iob->data;
	const struct arp_packet *arp;

	if (iob_len(iob) < sizeof(*eth) + sizeof(*arp) ||
	    eth->h_protocol != htons(ETH_P_ARP))
		return NULL;
	arp = (const void *)(eth + 1);
	if (arp->oper != htons(ARP_REPLY) ||
	    memcmp(arp->spa, gateway_ip, sizeof(gateway_ip)) != 0)
		return NULL;
	return arp->sha;
}

/* Binds every firmware driver to every device, as a firmware that boots
 * from the network would have done before starting us: the NIC's own
 * driver must then be running before we take the NIC. */
static void connect_all_drivers(void)
{
	EFI_HANDLE *handles;
	UINTN count, i;

	if (EFI_ERROR(efi_boot_services->LocateHandleBuffer(
		    AllHandles, NULL, NULL, &count, &handles)))
		return;
	for (i = 0; i < count; i++)
		efi_boot_services->ConnectController(handles[i], NULL, NULL, 1);
	efi_boot_services->FreePool(handles);
}

/* Polls the device and looks at what it received; true on the reply. */
static bool poll_for_reply(struct net_device *netdev, uint8_t *gateway_mac)
{
	struct io_buffer *iob;
	bool found = false;

	netdev->op->poll(netdev);
	while ((iob = netdev_rx_dequeue(netdev))) {
		const uint8_t *sender = arp_reply_sender(iob);

		if (sender && !found) {
			memcpy(gateway_mac, sender, ETH_ALEN);
			found = true;
		}
		free_iob(iob);
	}
	return found;
}

static void arp_the_gateway(struct net_device *netdev)
{
	uint8_t gateway_mac[ETH_ALEN];
	uint64_t start = monotonic_us(), last_sent = 0;
	char mac[18];

	while (monotonic_us() - start < LINK_TIMEOUT_US && !netdev_link_ok(netdev))
		netdev->op->poll(netdev);
	printf("NETTEST: link %s\n", netdev_link_ok(netdev) ? "up" : "down");

	start = monotonic_us();
	while (monotonic_us() - start < ARP_TIMEOUT_US) {
		if (!last_sent || monotonic_us() - last_sent > ARP_RETRY_US) {
			if (send_arp_request(netdev) != 0)
				printf("NETTEST: transmit failed\n");
			last_sent = monotonic_us();
		}
		if (poll_for_reply(netdev, gateway_mac)) {
			printf("NETTEST: ARP reply from %s via %s\n",
			       eth_ntoa(gateway_mac, mac), netdev->driver_name);
			return;
		}
	}
	printf("NETTEST: no ARP reply\n");
}

int wireboot_main(void)
{
	struct net_device *netdev;
	char mac[18];
	int rc;

	connect_all_drivers();
	printf("\nNETTEST: started, firmware SNP handles: %u\n",
	       count_firmware_snps());
	probe_devices();
	printf("NETTEST: firmware SNP handles while probed: %u\n",
	       count_firmware_snps());
	netdev = find_netdev("net0");
	if (!netdev) {
		printf("NETTEST: no network device\n");
	} else {
		printf("NETTEST: net0 is %s at %s, MAC %s\n", netdev->driver_name,
		       netdev->location, eth_ntoa(netdev->hw_addr, mac));
		rc = netdev_open(netdev);
		if (rc != 0)
			printf("NETTEST: open failed: %s\n", strerror(rc));
		else
			arp_the_gateway(netdev);
	}
	remove_devices();
	printf("NETTEST: firmware SNP handles after remove: %u\n",
	       count_firmware_snps());
	efi_poweroff();
	return 0;
}
