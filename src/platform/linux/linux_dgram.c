/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Network devices over UDP on 127.0.0.1 (--dgram LOCALPORT:REMOTEPORT):
 * one Ethernet frame per datagram, as QEMU's dgram netdev carries them, so
 * the program can sit behind the same frame relay as a QEMU guest
 * (tests/lib/relay.py). The socket is bound to LOCALPORT (0: any) and
 * connected to REMOTEPORT, which makes it a frame descriptor like a TAP's
 * (linux_netfd.c) that hears only its peer.
 */

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <wireboot/device.h>
#include <wireboot/features.h>
#include "linux.h"

/* Room for bursts of frames while the main loop is busy elsewhere. */
#define DGRAM_SOCKET_BUFFER (4 << 20)

static int dgram_socket(const struct linux_tap_option *option)
{
	struct sockaddr_in local = { .sin_family = AF_INET };
	struct sockaddr_in remote = { .sin_family = AF_INET };
	int size = DGRAM_SOCKET_BUFFER;
	int fd, rc = 0;

	fd = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -errno;
	local.sin_addr.s_addr = remote.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	local.sin_port = htons(option->local_port);
	remote.sin_port = htons(option->remote_port);
	setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, sizeof(size));
	setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &size, sizeof(size));
	if (bind(fd, (struct sockaddr *)&local, sizeof(local)) != 0 ||
	    connect(fd, (struct sockaddr *)&remote, sizeof(remote)) != 0)
		rc = -errno;
	if (rc) {
		close(fd);
		return rc;
	}
	return fd;
}

static int dgram_probe(void)
{
	unsigned i;

	for (i = 0; i < linux_options.tap_count; i++) {
		const struct linux_tap_option *option = &linux_options.taps[i];
		int fd, rc;

		if (!option->dgram)
			continue;
		fd = dgram_socket(option);
		rc = fd < 0 ? fd : linux_netfd_create(i, fd, "dgram");
		if (rc)
			printf("dgram %s: %s\n", option->name, strerror(rc));
	}
	return 0;
}

static void dgram_remove(void)
{
	linux_netfd_remove(true);
}

DEVICE_PROBER(dgram_prober) = {
	.name = "dgram",
	.probe = dgram_probe,
	.remove = dgram_remove,
};
FEATURE("dgram");
