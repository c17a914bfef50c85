/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Configuration of HTTPS and the certificate store: https:// (TLS over
 * wolfSSL), the certificate commands and signed images (imgverify,
 * imgtrust: CMS signatures checked against the store), with the built-in
 * roots they bring. The applications require this object (IMAGE_REQUIRES_* and
 * DRIVER_REQUIRES_app in src/Makefile.firmware, and the hosted program);
 * driver images do not, since TLS and a CA bundle would not fit an
 * option ROM, so every .efidrv/.efirom stays as small as without TLS.
 */

#include <config/general.h>
#include <wireboot/tables.h>

PROVIDE_OBJECT(config_tls);

#ifdef DOWNLOAD_PROTO_HTTPS
REQUIRE_OBJECT(https);
#endif
#ifdef CERT_CMD
REQUIRE_OBJECT(cert_cmd);
#endif
#ifdef IMAGE_TRUST_CMD
REQUIRE_OBJECT(imgtrust_cmd);
#endif
