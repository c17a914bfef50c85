/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The hosted program's --tcp-fetch mode: one TCP connection to HOST:PORT
 * (a name or an address), the given text sent as soon as it is
 * established, then everything the peer sends until it closes, counted
 * and hashed as it arrives. The result line, "TCP-FETCH <bytes> <sha256>
 * <seconds> s" or "TCP-FETCH error: <message> (<name>)", lets a test
 * check a transfer's integrity, its speed and how it ended, with no
 * application protocol in between. With --tcp-save FILE the bytes are also
 * written there (a test that must look inside them, past a server's
 * headers).
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <net/socket.h>
#include <wireboot/device.h>
#include <wireboot/error_name.h>
#include <wireboot/process.h>
#include <wireboot/sha256.h>
#include <wireboot/timer.h>
#include <wireboot/xfer.h>
#include "linux.h"

struct tcp_fetch {
	struct interface xfer;
	const char *request;
	bool sent, done;
	int rc;
	uint64_t bytes;
	struct sha256_context sha;
	FILE *save;
};

static struct tcp_fetch fetch;

static void fetch_window_changed(struct interface *intf)
{
	size_t len = strlen(fetch.request);
	struct io_buffer *iob;

	if (fetch.sent || xfer_window(intf) < len)
		return;
	iob = xfer_alloc_iob(intf, len);
	if (!iob)
		return;
	memcpy(iob_put(iob, len), fetch.request, len);
	fetch.sent = true;
	xfer_deliver(intf, iob, NULL);
}

static int fetch_deliver(struct interface *intf __attribute__((unused)),
			 struct io_buffer *iob,
			 struct xfer_metadata *meta __attribute__((unused)))
{
	fetch.bytes += iob_len(iob);
	sha256_update(&fetch.sha, iob->data, iob_len(iob));
	if (fetch.save && fwrite(iob->data, 1, iob_len(iob), fetch.save) !=
			  iob_len(iob)) {
		free_iob(iob);
		fetch.rc = -EIO;
		fetch.done = true;
		intf_shutdown(&fetch.xfer, -EIO);
		return -EIO;
	}
	free_iob(iob);
	return 0;
}

static void fetch_close(struct interface *intf, int rc)
{
	intf_shutdown(intf, rc);
	fetch.rc = rc;
	fetch.done = true;
}

static const struct interface_operations fetch_operations = {
	.deliver = fetch_deliver,
	.window_changed = fetch_window_changed,
	.close = fetch_close,
};

/* Microseconds as "S.mmm" (the core's printf, linked first, has no %f). */
static const char *seconds(uint64_t us, char *text)
{
	sprintf(text, "%llu.%03llu", (unsigned long long)(us / 1000000),
		(unsigned long long)(us / 1000 % 1000));
	return text;
}

int linux_tcp_fetch(void)
{
	const char *target = linux_options.tcp_fetch_target;
	const char *colon = strrchr(target, ':');
	char host[256];
	unsigned long port;
	uint64_t start;
	uint8_t digest[32];
	char text[32];
	char *end;
	unsigned i;
	int rc;

	port = colon ? strtoul(colon + 1, &end, 10) : 0;
	if (!colon || colon == target || (size_t)(colon - target) >= sizeof(host) ||
	    *end || !port || port > 65535) {
		printf("TCP-FETCH error: want HOST:PORT, not %s\n", target);
		return -EINVAL;
	}
	memcpy(host, target, (size_t)(colon - target));
	host[colon - target] = '\0';
	if (linux_options.tcp_save) {
		fetch.save = fopen(linux_options.tcp_save, "wb");
		if (!fetch.save) {
			printf("TCP-FETCH error: cannot write %s\n",
			       linux_options.tcp_save);
			return -EIO;
		}
	}
	probe_devices();
	sha256_init(&fetch.sha);
	fetch.request = linux_options.tcp_fetch_request;
	intf_init(&fetch.xfer, &fetch_operations, NULL);
	start = monotonic_us();
	rc = xfer_open_named_socket(&fetch.xfer, SOCK_STREAM, host,
				    (uint16_t)port, NULL);
	if (rc == 0) {
		while (!fetch.done)
			step();
		rc = fetch.rc;
	}
	if (rc == 0) {
		sha256_final(&fetch.sha, digest);
		printf("TCP-FETCH %llu ", (unsigned long long)fetch.bytes);
		for (i = 0; i < sizeof(digest); i++)
			printf("%02x", digest[i]);
		printf(" %s s\n", seconds(monotonic_us() - start, text));
	} else {
		printf("TCP-FETCH error: %s (%s) after %llu bytes, %s s\n",
		       strerror(rc), error_name(rc),
		       (unsigned long long)fetch.bytes,
		       seconds(monotonic_us() - start, text));
	}
	remove_devices();
	if (fetch.save && fclose(fetch.save) != 0 && rc == 0)
		rc = -EIO;
	return rc;
}
