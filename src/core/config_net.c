/*
 * Configuration of what the network boot program links: the download
 * protocols enabled in src/config/general.h. Only images that run the
 * program (not thin driver images) pull this object in, through the
 * application flow, so a thin driver never carries a protocol.
 */

#include <config/general.h>
#include <wireboot/tables.h>

PROVIDE_OBJECT(config_net);

#ifdef DOWNLOAD_PROTO_TFTP
REQUIRE_OBJECT(tftp);
#endif
