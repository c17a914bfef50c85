/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef EFI_PROTOCOL_PXE_BASE_CODE_H
#define EFI_PROTOCOL_PXE_BASE_CODE_H

/*
 * EFI_PXE_BASE_CODE_PROTOCOL (UEFI 2.10, section 24.3): the PXE client a
 * network-booted loader finds on its device handle. Loaders read Mode
 * (the DHCP packets of the boot) and call Mtftp to fetch their next files.
 */

#include <efi/efi.h>
#include <efi/protocol/simple_network.h>

#define EFI_PXE_BASE_CODE_PROTOCOL_GUID                                      \
	{ 0x03c4e603, 0xac28, 0x11d3,                                        \
	  { 0x9a, 0x2d, 0x00, 0x90, 0x27, 0x3f, 0xc1, 0x4d } }
#define EFI_PXE_BASE_CODE_PROTOCOL_REVISION 0x00010000

#define EFI_PXE_BASE_CODE_MAX_IPCNT 8
#define EFI_PXE_BASE_CODE_MAX_ARP_ENTRIES 8
#define EFI_PXE_BASE_CODE_MAX_ROUTE_ENTRIES 8

typedef UINT16 EFI_PXE_BASE_CODE_UDP_PORT;

typedef struct {
	UINT8 BootpOpcode;
	UINT8 BootpHwType;
	UINT8 BootpHwAddrLen;
	UINT8 BootpGateHops;
	UINT32 BootpIdent;
	UINT16 BootpSeconds;
	UINT16 BootpFlags;
	UINT8 BootpCiAddr[4];
	UINT8 BootpYiAddr[4];
	UINT8 BootpSiAddr[4];
	UINT8 BootpGiAddr[4];
	UINT8 BootpHwAddr[16];
	UINT8 BootpSrvName[64];
	UINT8 BootpBootFile[128];
	UINT32 DhcpMagik;
	UINT8 DhcpOptions[56];
} EFI_PXE_BASE_CODE_DHCPV4_PACKET;

typedef union {
	UINT8 Raw[1472];
	EFI_PXE_BASE_CODE_DHCPV4_PACKET Dhcpv4;
	/* Dhcpv6 (message type, transaction id, options) is not used here. */
} EFI_PXE_BASE_CODE_PACKET;

typedef struct {
	UINT8 Filters;
	UINT8 IpCnt;
	UINT16 reserved;
	EFI_IP_ADDRESS IpList[EFI_PXE_BASE_CODE_MAX_IPCNT];
} EFI_PXE_BASE_CODE_IP_FILTER;

typedef struct {
	EFI_IP_ADDRESS IpAddr;
	EFI_MAC_ADDRESS MacAddr;
} EFI_PXE_BASE_CODE_ARP_ENTRY;

typedef struct {
	EFI_IP_ADDRESS IpAddr;
	EFI_IP_ADDRESS SubnetMask;
	EFI_IP_ADDRESS GwAddr;
} EFI_PXE_BASE_CODE_ROUTE_ENTRY;

typedef struct {
	UINT8 Type;
	UINT8 Code;
	UINT16 Checksum;
	union {
		UINT32 reserved;
		UINT32 Mtu;
		UINT32 Pointer;
		struct {
			UINT16 Identifier;
			UINT16 Sequence;
		} Echo;
	} u;
	UINT8 Data[494];
} EFI_PXE_BASE_CODE_ICMP_ERROR;

typedef struct {
	UINT8 ErrorCode;
	CHAR8 ErrorString[127];
} EFI_PXE_BASE_CODE_TFTP_ERROR;

typedef struct {
	BOOLEAN Started;
	BOOLEAN Ipv6Available;
	BOOLEAN Ipv6Supported;
	BOOLEAN UsingIpv6;
	BOOLEAN BisSupported;
	BOOLEAN BisDetected;
	BOOLEAN AutoArp;
	BOOLEAN SendGUID;
	BOOLEAN DhcpDiscoverValid;
	BOOLEAN DhcpAckReceived;
	BOOLEAN ProxyOfferReceived;
	BOOLEAN PxeDiscoverValid;
	BOOLEAN PxeReplyReceived;
	BOOLEAN PxeBisReplyReceived;
	BOOLEAN IcmpErrorReceived;
	BOOLEAN TftpErrorReceived;
	BOOLEAN MakeCallbacks;
	UINT8 TTL;
	UINT8 ToS;
	EFI_IP_ADDRESS StationIp;
	EFI_IP_ADDRESS SubnetMask;
	EFI_PXE_BASE_CODE_PACKET DhcpDiscover;
	EFI_PXE_BASE_CODE_PACKET DhcpAck;
	EFI_PXE_BASE_CODE_PACKET ProxyOffer;
	EFI_PXE_BASE_CODE_PACKET PxeDiscover;
	EFI_PXE_BASE_CODE_PACKET PxeReply;
	EFI_PXE_BASE_CODE_PACKET PxeBisReply;
	EFI_PXE_BASE_CODE_IP_FILTER IpFilter;
	UINT32 ArpCacheEntries;
	EFI_PXE_BASE_CODE_ARP_ENTRY ArpCache[EFI_PXE_BASE_CODE_MAX_ARP_ENTRIES];
	UINT32 RouteTableEntries;
	EFI_PXE_BASE_CODE_ROUTE_ENTRY RouteTable[EFI_PXE_BASE_CODE_MAX_ROUTE_ENTRIES];
	EFI_PXE_BASE_CODE_ICMP_ERROR IcmpError;
	EFI_PXE_BASE_CODE_TFTP_ERROR TftpError;
} EFI_PXE_BASE_CODE_MODE;

typedef enum {
	EFI_PXE_BASE_CODE_TFTP_FIRST,
	EFI_PXE_BASE_CODE_TFTP_GET_FILE_SIZE,
	EFI_PXE_BASE_CODE_TFTP_READ_FILE,
	EFI_PXE_BASE_CODE_TFTP_WRITE_FILE,
	EFI_PXE_BASE_CODE_TFTP_READ_DIRECTORY,
	EFI_PXE_BASE_CODE_MTFTP_GET_FILE_SIZE,
	EFI_PXE_BASE_CODE_MTFTP_READ_FILE,
	EFI_PXE_BASE_CODE_MTFTP_READ_DIRECTORY,
	EFI_PXE_BASE_CODE_MTFTP_LAST
} EFI_PXE_BASE_CODE_TFTP_OPCODE;

typedef struct {
	EFI_IP_ADDRESS MCastIp;
	EFI_PXE_BASE_CODE_UDP_PORT CPort;
	EFI_PXE_BASE_CODE_UDP_PORT SPort;
	UINT16 ListenTimeout;
	UINT16 TransmitTimeout;
} EFI_PXE_BASE_CODE_MTFTP_INFO;

typedef struct _EFI_PXE_BASE_CODE_PROTOCOL EFI_PXE_BASE_CODE_PROTOCOL;

/* Discover's boot server list and information; not used here. */
typedef VOID EFI_PXE_BASE_CODE_DISCOVER_INFO;

struct _EFI_PXE_BASE_CODE_PROTOCOL {
	UINT64 Revision;
	EFI_STATUS(EFIAPI *Start)(EFI_PXE_BASE_CODE_PROTOCOL *This,
				  BOOLEAN UseIpv6);
	EFI_STATUS(EFIAPI *Stop)(EFI_PXE_BASE_CODE_PROTOCOL *This);
	EFI_STATUS(EFIAPI *Dhcp)(EFI_PXE_BASE_CODE_PROTOCOL *This,
				 BOOLEAN SortOffers);
	EFI_STATUS(EFIAPI *Discover)(EFI_PXE_BASE_CODE_PROTOCOL *This,
				     UINT16 Type, UINT16 *Layer, BOOLEAN UseBis,
				     EFI_PXE_BASE_CODE_DISCOVER_INFO *Info);
	EFI_STATUS(EFIAPI *Mtftp)(EFI_PXE_BASE_CODE_PROTOCOL *This,
				  EFI_PXE_BASE_CODE_TFTP_OPCODE Operation,
				  VOID *BufferPtr, BOOLEAN Overwrite,
				  UINT64 *BufferSize, UINTN *BlockSize,
				  EFI_IP_ADDRESS *ServerIp, UINT8 *Filename,
				  EFI_PXE_BASE_CODE_MTFTP_INFO *Info,
				  BOOLEAN DontUseBuffer);
	EFI_STATUS(EFIAPI *UdpWrite)(EFI_PXE_BASE_CODE_PROTOCOL *This,
				     UINT16 OpFlags, EFI_IP_ADDRESS *DestIp,
				     EFI_PXE_BASE_CODE_UDP_PORT *DestPort,
				     EFI_IP_ADDRESS *GatewayIp,
				     EFI_IP_ADDRESS *SrcIp,
				     EFI_PXE_BASE_CODE_UDP_PORT *SrcPort,
				     UINTN *HeaderSize, VOID *HeaderPtr,
				     UINTN *BufferSize, VOID *BufferPtr);
	EFI_STATUS(EFIAPI *UdpRead)(EFI_PXE_BASE_CODE_PROTOCOL *This,
				    UINT16 OpFlags, EFI_IP_ADDRESS *DestIp,
				    EFI_PXE_BASE_CODE_UDP_PORT *DestPort,
				    EFI_IP_ADDRESS *SrcIp,
				    EFI_PXE_BASE_CODE_UDP_PORT *SrcPort,
				    UINTN *HeaderSize, VOID *HeaderPtr,
				    UINTN *BufferSize, VOID *BufferPtr);
	EFI_STATUS(EFIAPI *SetIpFilter)(EFI_PXE_BASE_CODE_PROTOCOL *This,
					EFI_PXE_BASE_CODE_IP_FILTER *NewFilter);
	EFI_STATUS(EFIAPI *Arp)(EFI_PXE_BASE_CODE_PROTOCOL *This,
				EFI_IP_ADDRESS *IpAddr,
				EFI_MAC_ADDRESS *MacAddr);
	EFI_STATUS(EFIAPI *SetParameters)(EFI_PXE_BASE_CODE_PROTOCOL *This,
					  BOOLEAN *NewAutoArp,
					  BOOLEAN *NewSendGUID, UINT8 *NewTTL,
					  UINT8 *NewToS,
					  BOOLEAN *NewMakeCallback);
	EFI_STATUS(EFIAPI *SetStationIp)(EFI_PXE_BASE_CODE_PROTOCOL *This,
					 EFI_IP_ADDRESS *NewStationIp,
					 EFI_IP_ADDRESS *NewSubnetMask);
	EFI_STATUS(EFIAPI *SetPackets)(EFI_PXE_BASE_CODE_PROTOCOL *This,
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
				       EFI_PXE_BASE_CODE_PACKET *NewPxeBisReply);
	EFI_PXE_BASE_CODE_MODE *Mode;
};

#endif
