/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef EFI_EFI_H
#define EFI_EFI_H

/*
 * Base types of the UEFI specification (2.10, section 2.3 "Calling
 * Conventions" and 2.3.1 "Data Types"), only what this project uses.
 *
 * Every function pointer in a firmware table and every function the firmware
 * calls is marked EFIAPI: the calling convention of the architecture's UEFI
 * binding where it differs from the compiler's (on x86-64 the Microsoft x64
 * one, while the rest of the code keeps System V), nothing where they agree
 * (IA32: cdecl; AArch64: AAPCS64).
 *
 * UINTN and INTN have the width of a pointer: 32 bits on IA32, 64 elsewhere.
 */

#include <stdint.h>
#include <stddef.h>
#include <stdbool.h>

#if defined(__x86_64__)
#define EFIAPI __attribute__((ms_abi))
#elif defined(__i386__) || defined(__aarch64__)
#define EFIAPI
#else
#error "no UEFI binding for this architecture"
#endif

typedef uint8_t BOOLEAN;
typedef intptr_t INTN;
typedef uintptr_t UINTN;
typedef int8_t INT8;
typedef uint8_t UINT8;
typedef int16_t INT16;
typedef uint16_t UINT16;
typedef int32_t INT32;
typedef uint32_t UINT32;
typedef int64_t INT64;
typedef uint64_t UINT64;
typedef uint8_t CHAR8;
typedef uint16_t CHAR16;	/* UCS-2; the build uses -fshort-wchar */
typedef void VOID;

typedef UINTN EFI_STATUS;
typedef VOID *EFI_HANDLE;
typedef VOID *EFI_EVENT;
typedef UINTN EFI_TPL;
typedef UINT64 EFI_PHYSICAL_ADDRESS;
typedef UINT64 EFI_VIRTUAL_ADDRESS;

/* UEFI aligns 64-bit members of structures to 8 bytes on every
 * architecture (IA32 builds need gcc's -malign-double for that). */
struct efi_alignment_check {
	UINT32 before;
	UINT64 member;
};
_Static_assert(offsetof(struct efi_alignment_check, member) == 8,
	       "64-bit members of UEFI structures must be 8-byte aligned");

typedef struct {
	UINT32 Data1;
	UINT16 Data2;
	UINT16 Data3;
	UINT8 Data4[8];
} EFI_GUID;

typedef struct {
	UINT64 Signature;
	UINT32 Revision;
	UINT32 HeaderSize;
	UINT32 CRC32;
	UINT32 Reserved;
} EFI_TABLE_HEADER;

/* Status codes (Appendix D): errors have the top bit of a UINTN set. */
#define EFI_ERROR_BIT ((UINTN)1 << (sizeof(UINTN) * 8 - 1))
#define EFI_ERROR(status) (((INTN)(status)) < 0)
#define EFI_ERRCODE(n) (EFI_ERROR_BIT | (n))

#define EFI_SUCCESS 0
#define EFI_LOAD_ERROR EFI_ERRCODE(1)
#define EFI_INVALID_PARAMETER EFI_ERRCODE(2)
#define EFI_UNSUPPORTED EFI_ERRCODE(3)
#define EFI_BAD_BUFFER_SIZE EFI_ERRCODE(4)
#define EFI_BUFFER_TOO_SMALL EFI_ERRCODE(5)
#define EFI_NOT_READY EFI_ERRCODE(6)
#define EFI_DEVICE_ERROR EFI_ERRCODE(7)
#define EFI_WRITE_PROTECTED EFI_ERRCODE(8)
#define EFI_OUT_OF_RESOURCES EFI_ERRCODE(9)
#define EFI_VOLUME_CORRUPTED EFI_ERRCODE(10)
#define EFI_VOLUME_FULL EFI_ERRCODE(11)
#define EFI_NO_MEDIA EFI_ERRCODE(12)
#define EFI_MEDIA_CHANGED EFI_ERRCODE(13)
#define EFI_NOT_FOUND EFI_ERRCODE(14)
#define EFI_ACCESS_DENIED EFI_ERRCODE(15)
#define EFI_NO_RESPONSE EFI_ERRCODE(16)
#define EFI_NO_MAPPING EFI_ERRCODE(17)
#define EFI_TIMEOUT EFI_ERRCODE(18)
#define EFI_NOT_STARTED EFI_ERRCODE(19)
#define EFI_ALREADY_STARTED EFI_ERRCODE(20)
#define EFI_ABORTED EFI_ERRCODE(21)
#define EFI_ICMP_ERROR EFI_ERRCODE(22)
#define EFI_TFTP_ERROR EFI_ERRCODE(23)
#define EFI_PROTOCOL_ERROR EFI_ERRCODE(24)
#define EFI_INCOMPATIBLE_VERSION EFI_ERRCODE(25)
#define EFI_SECURITY_VIOLATION EFI_ERRCODE(26)
#define EFI_CRC_ERROR EFI_ERRCODE(27)
#define EFI_END_OF_MEDIA EFI_ERRCODE(28)
#define EFI_END_OF_FILE EFI_ERRCODE(31)
#define EFI_INVALID_LANGUAGE EFI_ERRCODE(32)
#define EFI_COMPROMISED_DATA EFI_ERRCODE(33)
#define EFI_HTTP_ERROR EFI_ERRCODE(35)

/* Task priority levels (section 7.1). */
#define TPL_APPLICATION 4
#define TPL_CALLBACK 8
#define TPL_NOTIFY 16
#define TPL_HIGH_LEVEL 31

typedef enum {
	EfiReservedMemoryType,
	EfiLoaderCode,
	EfiLoaderData,
	EfiBootServicesCode,
	EfiBootServicesData,
	EfiRuntimeServicesCode,
	EfiRuntimeServicesData,
	EfiConventionalMemory,
	EfiUnusableMemory,
	EfiACPIReclaimMemory,
	EfiACPIMemoryNVS,
	EfiMemoryMappedIO,
	EfiMemoryMappedIOPortSpace,
	EfiPalCode,
	EfiPersistentMemory,
	EfiMaxMemoryType
} EFI_MEMORY_TYPE;

typedef enum {
	AllocateAnyPages,
	AllocateMaxAddress,
	AllocateAddress,
	MaxAllocateType
} EFI_ALLOCATE_TYPE;

typedef struct {
	UINT32 Type;
	EFI_PHYSICAL_ADDRESS PhysicalStart;
	EFI_VIRTUAL_ADDRESS VirtualStart;
	UINT64 NumberOfPages;
	UINT64 Attribute;
} EFI_MEMORY_DESCRIPTOR;

#define EFI_PAGE_SIZE 4096

/* A date and time, of files and of the real-time clock (UEFI
 * specification 8.3). TimeZone is minutes: local time = UTC - TimeZone,
 * unless EFI_UNSPECIFIED_TIMEZONE. */
typedef struct {
	UINT16 Year;
	UINT8 Month;
	UINT8 Day;
	UINT8 Hour;
	UINT8 Minute;
	UINT8 Second;
	UINT8 Pad1;
	UINT32 Nanosecond;
	INT16 TimeZone;
	UINT8 Daylight;
	UINT8 Pad2;
} EFI_TIME;

#define EFI_UNSPECIFIED_TIMEZONE 0x07ff

#endif
