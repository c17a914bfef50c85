#ifndef NET_DNS_H
#define NET_DNS_H

/* DNS A-record resolution against the server DHCP named (setting "dns"). */

#include <net/in.h>

/* A dotted quad resolves immediately; otherwise runs the main loop until
 * answered. Returns 0, -ENOENT (no such name), -ETIMEDOUT, ... */
int dns_resolve(const char *name, struct in_addr *address);

#endif
