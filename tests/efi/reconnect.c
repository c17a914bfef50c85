/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The driver-mode test program: exercises a wireboot driver image (loaded
 * from an option ROM) from the outside, as the firmware and loaders do.
 *
 * 1. Finds our driver by its component name ("wireboot ...") and the PCI
 *    device it runs (the one it names).
 * 2. Disconnects and reconnects the PCI device RECONNECT_CYCLES times and
 *    checks each time that our driver runs it again; compares the free
 *    memory before and after (after a warm-up cycle, so that the
 *    firmware's own caches are filled): a leak shows as pages lost.
 * 3. Takes the network interface's SNP away from the firmware's network
 *    stack and sends ARP requests for QEMU's gateway (10.0.2.2) through
 *    it, with the header filled in by Transmit(), until the reply comes
 *    back through Receive() (header parsed) signalled by WaitForPacket;
 *    checks that GetStatus() recycles the transmitted buffer and the
 *    multicast address mappings.
 * Every line it prints starts with "RECONNECT:"; then it powers off.
 */

#include <stdio.h>
#include <string.h>
#include <efi/protocol/component_name2.h>
#include <efi/protocol/pci_io.h>
#include <efi/protocol/simple_network.h>
#include <net/ethernet.h>
#include <wireboot/byteorder.h>
#include <wireboot/efi.h>
#include <wireboot/main.h>
#include <wireboot/timer.h>
#include <wireboot/utf.h>

#define RECONNECT_CYCLES 50
#define MEMORY_MAP_SPACE 16384
#define ARP_TIMEOUT_US 10000000
#define ARP_RETRY_US 1000000
#define ARP_HTYPE_ETHERNET 1
#define ARP_REQUEST 1
#define ARP_REPLY 2

struct arp_frame {
	struct ethhdr eth;
	uint16_t htype, ptype;
	uint8_t hlen, plen;
	uint16_t oper;
	uint8_t sha[ETH_ALEN];
	uint8_t spa[4];
	uint8_t tha[ETH_ALEN];
	uint8_t tpa[4];
} __packed;

static EFI_GUID name2_guid = EFI_COMPONENT_NAME2_PROTOCOL_GUID;
static EFI_GUID pci_io_guid = EFI_PCI_IO_PROTOCOL_GUID;
static EFI_GUID snp_guid = EFI_SIMPLE_NETWORK_PROTOCOL_GUID;
static CHAR8 english[] = "en";
static const uint8_t our_ip[4] = { 10, 0, 2, 15 };
static const uint8_t gateway_ip[4] = { 10, 0, 2, 2 };

static EFI_COMPONENT_NAME2_PROTOCOL *our_names;
static EFI_HANDLE our_image;
/* Reused for every memory map, so that taking one allocates nothing. */
static UINT8 memory_map[MEMORY_MAP_SPACE];

static EFI_HANDLE *handles_with(EFI_GUID *protocol, UINTN *count)
{
	EFI_HANDLE *handles;

	if (EFI_ERROR(efi_boot_services->LocateHandleBuffer(
		    ByProtocol, protocol, NULL, count, &handles))) {
		*count = 0;
		return NULL;
	}
	return handles;
}

static void print_name(const char *what, CHAR16 *name)
{
	char text[80];

	utf16_to_utf8(text, sizeof(text), name, 80);
	printf("RECONNECT: %s: %s\n", what, text);
}

/* Our driver's component names, found by the name it gives itself. */
static bool find_our_driver(void)
{
	EFI_HANDLE *handles;
	UINTN count, i;
	CHAR16 *name;
	char text[80];

	handles = handles_with(&name2_guid, &count);
	for (i = 0; i < count && !our_names; i++) {
		EFI_COMPONENT_NAME2_PROTOCOL *names;

		if (EFI_ERROR(efi_boot_services->HandleProtocol(
			    handles[i], &name2_guid, (VOID **)&names)) ||
		    EFI_ERROR(names->GetDriverName(names, english, &name)))
			continue;
		utf16_to_utf8(text, sizeof(text), name, 80);
		if (strncmp(text, "wireboot ", 9) == 0) {
			our_names = names;
			our_image = handles[i];
			print_name("driver", name);
		}
	}
	efi_boot_services->FreePool(handles);
	return our_names != NULL;
}

/* The handle among those with protocol that our driver names (as a
 * controller, or as the child of controller). */
static EFI_HANDLE ours_with(EFI_GUID *protocol, EFI_HANDLE controller)
{
	EFI_HANDLE *handles, found = NULL;
	UINTN count, i;
	CHAR16 *name;

	handles = handles_with(protocol, &count);
	for (i = 0; i < count && !found; i++) {
		if (!EFI_ERROR(our_names->GetControllerName(
			    our_names, controller ? controller : handles[i],
			    controller ? handles[i] : NULL, english, &name)))
			found = handles[i];
	}
	efi_boot_services->FreePool(handles);
	return found;
}

static UINT64 free_pages(void)
{
	UINTN size = sizeof(memory_map), key, desc_size, offset;
	UINT32 version;
	UINT64 pages = 0;

	if (EFI_ERROR(efi_boot_services->GetMemoryMap(
		    &size, (EFI_MEMORY_DESCRIPTOR *)memory_map, &key,
		    &desc_size, &version)))
		return 0;
	for (offset = 0; offset + desc_size <= size; offset += desc_size) {
		EFI_MEMORY_DESCRIPTOR *desc = (void *)(memory_map + offset);

		if (desc->Type == EfiConventionalMemory)
			pages += desc->NumberOfPages;
	}
	return pages;
}

/* Our driver only: what the firmware's stack above it does on each
 * connection is the firmware's business, not part of the measurement.
 * The NIC is brought up through SNP each time, so that the teardown frees
 * a running device (rings and buffers) too. */
static bool reconnect(EFI_HANDLE pci)
{
	EFI_HANDLE drivers[] = { our_image, NULL }, child;
	EFI_SIMPLE_NETWORK_PROTOCOL *snp;
	CHAR16 *name;

	efi_boot_services->DisconnectController(pci, our_image, NULL);
	if (!EFI_ERROR(our_names->GetControllerName(our_names, pci, NULL,
						    english, &name)))
		return false;
	efi_boot_services->ConnectController(pci, drivers, NULL, 0);
	child = ours_with(&snp_guid, pci);
	if (!child || EFI_ERROR(efi_boot_services->HandleProtocol(
			      child, &snp_guid, (VOID **)&snp)))
		return false;
	return snp->Start(snp) == EFI_SUCCESS &&
	       snp->Initialize(snp, 0, 0) == EFI_SUCCESS;
}

static void reconnect_cycles(EFI_HANDLE pci)
{
	UINT64 before, after;
	unsigned i, failed = 0;

	/* Warm-up: the firmware's pools settle on the first cycle. */
	reconnect(pci);
	before = free_pages();
	for (i = 0; i < RECONNECT_CYCLES; i++) {
		if (!reconnect(pci))
			failed++;
	}
	after = free_pages();
	printf("RECONNECT: %u cycles, %u failed\n", RECONNECT_CYCLES, failed);
	printf("RECONNECT: free pages before %llu after %llu\n",
	       (unsigned long long)before, (unsigned long long)after);
}

static void fill_arp_request(struct arp_frame *frame, const uint8_t *mac)
{
	memset(frame, 0, sizeof(*frame));
	frame->htype = htons(ARP_HTYPE_ETHERNET);
	frame->ptype = htons(ETH_P_IP);
	frame->hlen = ETH_ALEN;
	frame->plen = sizeof(our_ip);
	frame->oper = htons(ARP_REQUEST);
	memcpy(frame->sha, mac, ETH_ALEN);
	memcpy(frame->spa, our_ip, sizeof(our_ip));
	memcpy(frame->tpa, gateway_ip, sizeof(gateway_ip));
}

static bool is_gateway_reply(const struct arp_frame *frame, UINTN len)
{
	return len >= sizeof(*frame) && frame->oper == htons(ARP_REPLY) &&
	       memcmp(frame->spa, gateway_ip, sizeof(gateway_ip)) == 0;
}

/* The next frame, once WaitForPacket says there is one; true on the
 * gateway's ARP reply. */
static bool receive_reply(EFI_SIMPLE_NETWORK_PROTOCOL *snp)
{
	static union {
		struct arp_frame arp;
		UINT8 bytes[ETH_FRAME_LEN];
	} frame;
	EFI_MAC_ADDRESS src, dest;
	UINTN header_size = 0, len = 1;
	UINT16 protocol = 0;
	EFI_STATUS status;
	char mac[18];

	if (efi_boot_services->CheckEvent(snp->WaitForPacket) != EFI_SUCCESS)
		return false;
	/* Too small on purpose first: the size needed comes back. */
	status = snp->Receive(snp, NULL, &len, &frame, NULL, NULL, NULL);
	if (status != EFI_BUFFER_TOO_SMALL || len < ETH_HLEN) {
		printf("RECONNECT: receive with a 1-byte buffer: %#llx, %llu\n",
		       (unsigned long long)status, (unsigned long long)len);
		return false;
	}
	len = sizeof(frame);
	status = snp->Receive(snp, &header_size, &len, &frame, &src, &dest,
			      &protocol);
	if (status != EFI_SUCCESS || protocol != ETH_P_ARP ||
	    !is_gateway_reply(&frame.arp, len))
		return false;
	printf("RECONNECT: ARP reply from %s via SNP, header %llu, protocol %#x, "
	       "source matches: %s\n", eth_ntoa(src.Addr, mac),
	       (unsigned long long)header_size, protocol,
	       memcmp(src.Addr, frame.arp.sha, ETH_ALEN) == 0 ? "yes" : "no");
	return true;
}

static void check_recycling(EFI_SIMPLE_NETWORK_PROTOCOL *snp, VOID *sent)
{
	UINT32 interrupts = 0;
	VOID *recycled = NULL;
	bool found = false;

	/* Everything sent comes back, oldest first; ours is among them. */
	do {
		recycled = NULL;
		snp->GetStatus(snp, &interrupts, &recycled);
		if (recycled == sent)
			found = true;
	} while (recycled);
	printf("RECONNECT: transmit buffer recycled: %s\n", found ? "yes" : "no");
}

static void check_mcast_mapping(EFI_SIMPLE_NETWORK_PROTOCOL *snp)
{
	EFI_IP_ADDRESS v4 = { .v4 = { 224, 0, 0, 251 } };
	EFI_IP_ADDRESS v6 = { .v6 = { 0xff, 0x02, [11] = 0x01, 0xff, 0x12, 0x34, 0x56 } };
	EFI_MAC_ADDRESS mac4, mac6;
	char text4[18], text6[18];

	if (EFI_ERROR(snp->MCastIpToMac(snp, 0, &v4, &mac4)) ||
	    EFI_ERROR(snp->MCastIpToMac(snp, 1, &v6, &mac6))) {
		printf("RECONNECT: MCastIpToMac failed\n");
		return;
	}
	printf("RECONNECT: multicast 224.0.0.251 -> %s, ff02::1:ff12:3456 -> %s\n",
	       eth_ntoa(mac4.Addr, text4), eth_ntoa(mac6.Addr, text6));
}

static void arp_through_snp(EFI_HANDLE child)
{
	EFI_SIMPLE_NETWORK_PROTOCOL *snp;
	static struct arp_frame request;
	EFI_MAC_ADDRESS broadcast;
	UINT16 arp = ETH_P_ARP;
	uint64_t start, last_sent = 0;
	EFI_STATUS status;

	/* The firmware's stack (MNP and above) lets go of the SNP. */
	efi_boot_services->DisconnectController(child, NULL, NULL);
	if (EFI_ERROR(efi_boot_services->HandleProtocol(child, &snp_guid,
							(VOID **)&snp))) {
		printf("RECONNECT: no SNP on the network interface\n");
		return;
	}
	printf("RECONNECT: SNP state %u after the firmware stack let go\n",
	       snp->Mode->State);
	if (snp->Mode->State == EfiSimpleNetworkStopped)
		snp->Start(snp);
	if (snp->Mode->State == EfiSimpleNetworkStarted)
		snp->Initialize(snp, 0, 0);
	status = snp->ReceiveFilters(snp, EFI_SIMPLE_NETWORK_RECEIVE_UNICAST |
					  EFI_SIMPLE_NETWORK_RECEIVE_BROADCAST,
				     0, 1, 0, NULL);
	printf("RECONNECT: SNP state %u, media %s, filters %#x (%#llx)\n",
	       snp->Mode->State, snp->Mode->MediaPresent ? "present" : "absent",
	       snp->Mode->ReceiveFilterSetting, (unsigned long long)status);
	check_mcast_mapping(snp);

	memset(broadcast.Addr, 0xff, ETH_ALEN);
	start = monotonic_us();
	while (monotonic_us() - start < ARP_TIMEOUT_US) {
		if (!last_sent || monotonic_us() - last_sent > ARP_RETRY_US) {
			fill_arp_request(&request, snp->Mode->CurrentAddress.Addr);
			status = snp->Transmit(snp, ETH_HLEN, sizeof(request),
					       &request, NULL, &broadcast, &arp);
			if (status != EFI_SUCCESS)
				printf("RECONNECT: transmit: %#llx\n",
				       (unsigned long long)status);
			last_sent = monotonic_us();
		}
		if (receive_reply(snp)) {
			check_recycling(snp, &request);
			snp->Shutdown(snp);
			snp->Stop(snp);
			printf("RECONNECT: SNP state %u after shutdown and stop\n",
			       snp->Mode->State);
			return;
		}
	}
	printf("RECONNECT: no ARP reply\n");
}

/* Binds every driver to every device, as a firmware booting from the
 * network would have: OVMF booting from disk leaves the NIC unconnected. */
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

/* Unloading leaves no trace of us: the names are gone and the NIC is
 * free for the firmware's own driver. */
static void unload(EFI_HANDLE pci)
{
	EFI_STATUS status = efi_boot_services->UnloadImage(our_image);
	UINTN snps;

	our_names = NULL;
	printf("RECONNECT: unload: %#llx\n", (unsigned long long)status);
	printf("RECONNECT: wireboot driver after unload: %s\n",
	       find_our_driver() ? "still there" : "gone");
	efi_boot_services->ConnectController(pci, NULL, NULL, 1);
	efi_boot_services->FreePool(handles_with(&snp_guid, &snps));
	printf("RECONNECT: SNP handles after the firmware reconnected: %llu\n",
	       (unsigned long long)snps);
}

int wireboot_main(void)
{
	EFI_HANDLE pci, child;
	CHAR16 *name;

	printf("\nRECONNECT: started\n");
	connect_all_drivers();
	if (!find_our_driver()) {
		printf("RECONNECT: no wireboot driver loaded\n");
		efi_poweroff();
		return 0;
	}
	pci = ours_with(&pci_io_guid, NULL);
	if (!pci) {
		printf("RECONNECT: our driver runs no PCI device\n");
		efi_poweroff();
		return 0;
	}
	if (!EFI_ERROR(our_names->GetControllerName(our_names, pci, NULL,
						    english, &name)))
		print_name("controller", name);
	reconnect_cycles(pci);
	child = ours_with(&snp_guid, pci);
	if (child && !EFI_ERROR(our_names->GetControllerName(
			     our_names, pci, child, english, &name)))
		print_name("network interface", name);
	if (child)
		arp_through_snp(child);
	else
		printf("RECONNECT: no network interface after reconnecting\n");
	unload(pci);
	efi_poweroff();
	return 0;
}
