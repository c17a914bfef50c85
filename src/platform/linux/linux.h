/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef PLATFORM_LINUX_H
#define PLATFORM_LINUX_H

/*
 * The hosted platform's parts, shared between its files. Platform files are
 * compiled against the system's headers, so this header uses none of ours
 * that clash with them (net/in.h and the system's socket headers both
 * define struct sockaddr).
 */

#include <stdbool.h>
#include <stdint.h>

/* What the command line asked for (see linux_entry.c). */
#define LINUX_MAX_TAPS 8
#define LINUX_MAX_FETCHES 8
#define LINUX_MAX_RANDOM 4096

/* IPv4 addresses in network byte order. */
struct linux_ip_config {
	uint32_t address;	/* 0: not configured */
	uint32_t netmask;
	uint32_t gateway;
	uint32_t dns;		/* 0: none */
};

/* A network device: a TAP interface (--tap) or a UDP link (--dgram). */
struct linux_tap_option {
	const char *name;	/* TAP interface, e.g. "tap0", or "L:R" */
	bool dgram;		/* UDP from local_port to remote_port */
	uint16_t local_port;	/* 0: any */
	uint16_t remote_port;
	struct linux_ip_config ip;
};

struct linux_options {
	struct linux_tap_option taps[LINUX_MAX_TAPS];
	unsigned tap_count;
	uint16_t udp_echo_port;	/* 0: no UDP echo service */
	const char *script;	/* file to run instead of the boot program */
	bool serve;
	size_t random_len;	/* --random: bytes to print, 0 if not asked */
	/* --fetch: download these at once instead of the boot program */
	const char *fetches[LINUX_MAX_FETCHES];
	unsigned fetch_count;
	uint16_t udp_resolve_port;	/* 0: no name service */
	/* --clock-offset: seconds the wall clock is off from the host's,
	 * as a machine's wrong real-time clock would be. */
	long clock_offset;
	/* --tcp-fetch HOST:PORT TEXT: one TCP exchange instead */
	const char *tcp_fetch_target;
	const char *tcp_fetch_request;
	const char *tcp_save;		/* --tcp-save FILE: what arrived */
	/* --tls-ca-variable FILE: the TlsCaCertificate variable's content */
	const char *tls_ca_variable;
	/* --no-entropy (for tests): as if no entropy source worked */
	bool no_entropy;
};

/* The --fetch mode (linux_fetch.c): 0 if every download succeeded. */
int linux_fetch(void);
/* The --tcp-fetch mode (linux_tcp_fetch.c): 0 if the peer closed
 * cleanly after sending everything. */
int linux_tcp_fetch(void);
/* The --udp-resolve service (linux_udp_resolve.c). */
int udp_resolve_start(uint16_t port);
void udp_resolve_stop(void);

extern struct linux_options linux_options;

/* The network device of each --tap or --dgram, NULL if it failed
 * (linux_netfd.c). */
struct net_device;
extern struct net_device *linux_netdevs[LINUX_MAX_TAPS];
/* A device for frames read from and written to fd, as option index says;
 * closes fd on failure. 0 or a negative errno. */
int linux_netfd_create(unsigned index, int fd, const char *driver);
/* Removes the UDP (dgram) or the TAP devices. */
void linux_netfd_remove(bool dgram);

/* Parses "ADDR/PREFIX[,GATEWAY]"; 0 or -EINVAL (linux_setup.c). */
int linux_parse_ip(const char *text, struct linux_ip_config *config);

/* Prints len bytes from random_bytes() and their entropy source; 0 or a
 * negative errno (linux_random.c). */
int linux_print_random(size_t len);

/* A UDP service that sends every datagram back (linux_udp_echo.c). */
int udp_echo_start(uint16_t port);
void udp_echo_stop(void);

#endif
