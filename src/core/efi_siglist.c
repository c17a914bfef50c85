/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A reader of EFI_SIGNATURE_LIST sequences (see wireboot/efi_siglist.h).
 * The variable comes from the firmware, which anyone with a shell may
 * have written, so every size is checked against what is left before it
 * is used, in a first pass over the whole: a damaged variable yields no
 * certificate at all rather than the ones before the damage.
 */

#include <errno.h>
#include <string.h>
#include <wireboot/efi_siglist.h>

#define LIST_HEADER 28		/* GUID + three UINT32 */
#define OWNER_LEN 16

const uint8_t efi_cert_x509_guid[16] = {
	0xa1, 0x59, 0xc0, 0xa5, 0xe4, 0x94, 0xa7, 0x4a,
	0x87, 0xb5, 0xab, 0x15, 0x5c, 0x2b, 0xf0, 0x72,
};

static uint32_t le32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	       (uint32_t)p[3] << 24;
}

/* Checks the list at p (left bytes remain); its size, or 0 if malformed. */
static size_t list_size(const uint8_t *p, size_t left)
{
	uint32_t size, header, entry;

	if (left < LIST_HEADER)
		return 0;
	size = le32(p + 16);
	header = le32(p + 20);
	entry = le32(p + 24);
	if (size < LIST_HEADER || size > left ||
	    header > size - LIST_HEADER || entry <= OWNER_LEN ||
	    (size - LIST_HEADER - header) % entry)
		return 0;
	return size;
}

static int walk(const uint8_t *data, size_t len,
		int (*fn)(const uint8_t *der, size_t der_len, void *ctx),
		void *ctx)
{
	size_t offset = 0;

	while (offset < len) {
		const uint8_t *list = data + offset;
		size_t size = list_size(list, len - offset);
		uint32_t header, entry, at;

		if (!size)
			return -EINVAL;
		header = le32(list + 20);
		entry = le32(list + 24);
		if (fn && memcmp(list, efi_cert_x509_guid, 16) == 0) {
			for (at = LIST_HEADER + header; at < size; at += entry) {
				int rc = fn(list + at + OWNER_LEN,
					    entry - OWNER_LEN, ctx);

				if (rc)
					return rc;
			}
		}
		offset += size;
	}
	return 0;
}

int efi_siglist_x509(const void *data, size_t len,
		     int (*fn)(const uint8_t *der, size_t der_len, void *ctx),
		     void *ctx)
{
	if (walk(data, len, NULL, NULL))
		return -EINVAL;
	return walk(data, len, fn, ctx);
}
