/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The platform's entropy source under UEFI: EFI_RNG_PROTOCOL, when the
 * firmware provides one (OVMF does when the machine has a virtio-rng
 * device; real firmware over the chipset's or the TPM's generator). The
 * platform's default algorithm is used: the specification leaves the choice
 * to the platform, and every algorithm it defines gives full-entropy or
 * DRBG output fit to seed ours.
 */

#include <errno.h>
#include <efi/protocol/rng.h>
#include <wireboot/efi.h>
#include <wireboot/entropy.h>

static EFI_RNG_PROTOCOL *rng;

static int efi_rng_start(void)
{
	static EFI_GUID rng_guid = EFI_RNG_PROTOCOL_GUID;
	VOID *interface;
	EFI_STATUS status;

	status = efi_boot_services->LocateProtocol(&rng_guid, NULL, &interface);
	if (EFI_ERROR(status))
		return -ENODEV;
	rng = interface;
	return 0;
}

static int efi_rng_read(void *buf, size_t len)
{
	EFI_STATUS status = rng->GetRNG(rng, NULL, len, buf);

	return EFI_ERROR(status) ? -EIO : 0;
}

static const struct entropy_source efi_rng_source ENTROPY_SOURCE(10) = {
	.name = "efi-rng",
	.start = efi_rng_start,
	.read = efi_rng_read,
};

PROVIDE_OBJECT(entropy_platform);
