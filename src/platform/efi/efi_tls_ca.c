/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The TlsCaCertificate variable for the certificate store: the roots that
 * the platform's own TLS (edk2's TlsAuthConfigDxe) trusts, so that one
 * place configures both. What it holds is parsed by src/core/efi_siglist.c.
 */

#include <errno.h>
#include <stdlib.h>
#include <wireboot/certstore.h>
#include <wireboot/efi.h>
#include <platform/efi/efi_guid.h>

int platform_tls_ca_certificates(void **data, size_t *len)
{
	EFI_RUNTIME_SERVICES *rs = efi_system_table->RuntimeServices;
	static CHAR16 name[] = L"TlsCaCertificate";
	UINTN size = 0;
	EFI_STATUS status;
	void *buf;

	status = rs->GetVariable(name, &efi_tls_ca_certificate_guid, NULL,
				 &size, NULL);
	if (status != EFI_BUFFER_TOO_SMALL || size == 0)
		return -ENOENT;
	buf = malloc(size);
	if (!buf)
		return -ENOMEM;
	status = rs->GetVariable(name, &efi_tls_ca_certificate_guid, NULL,
				 &size, buf);
	if (EFI_ERROR(status)) {
		free(buf);
		return -ENOENT;
	}
	*data = buf;
	*len = size;
	return 0;
}
