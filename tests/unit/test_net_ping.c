/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/net/ethernet.c src/net/arp.c src/net/neighbour.c src/net/ipv4.c src/net/reassembly.c src/net/icmp.c src/net/pinger.c src/net/ping_packet.c src/net/udp.c src/core/random_id.c src/net/inet.c src/net/tcpip.c src/net/netproto.c src/net/socket.c
// FIRMWARE_SOURCES: src/core/netdev.c src/core/iobuf.c src/core/retry.c src/core/process.c src/core/interface.c src/core/xfer.c src/core/settings.c src/core/setting_types.c src/core/inet6.c src/core/string.c src/core/vsprintf.c src/core/errors.c
/*
 * The pinger over IPv4's ICMP: the requests it sends (type, checksum,
 * identifier, sequence, pattern, one per interval), replies reported once
 * each, and ignored when they are late, repeated, altered or another
 * pinger's; timeouts; the end after the last request (answered or not)
 * and its result; cancellation; a family without an echo protocol.
 */

#include <errno.h>
#include "unit.h"
#include "net_harness.h"

#define start_pinger wb_start_pinger
#include <net/ping.h>

struct outcome {
	unsigned seq;
	size_t len;
	int rc;
	uint32_t from;
};

static struct outcome outcomes[16];
static unsigned outcome_count;

static void record(void *context, const struct sockaddr *src, unsigned seq,
		   size_t len, int rc)
{
	const struct sockaddr_in *sin = (const struct sockaddr_in *)src;

	CHECK(context == outcomes);
	if (outcome_count < 16)
		outcomes[outcome_count++] = (struct outcome){
			seq, len, err_base(rc), sin->sin_addr.s_addr };
}

/* The job's end, as a waiter would see it. */
struct job_end {
	struct interface intf;
	bool closed;
	int rc;
};

static void job_closed(struct interface *intf, int rc)
{
	struct job_end *end = container_of(intf, struct job_end, intf);

	end->closed = true;
	end->rc = rc;
	wb_intf_shutdown(intf, rc);
}

static const struct interface_operations job_operations = {
	.close = job_closed,
};

static struct job_end job;

static void job_init(void)
{
	memset(&job, 0, sizeof(job));
	intf_init(&job.intf, &job_operations, NULL);
}

static void advance(uint64_t us)
{
	fake_now_us += us;
	wb_run_timers();
}

/* The ICMP message of captured frame i, checked as our echo request. */
static uint8_t *request(unsigned i, size_t len, unsigned seq)
{
	uint8_t *icmp = (uint8_t *)(captured_ip(i) + 1);
	size_t j;

	CHECK_INT(captured_ip(i)->protocol, IP_ICMP);
	CHECK_INT(ntohs(captured_ip(i)->len), 20 + 8 + len);
	CHECK_INT(icmp[0], 8);
	CHECK_INT(wb_tcpip_chksum(0, icmp, 8 + len), 0xffff);
	CHECK_INT(icmp[6] << 8 | icmp[7], seq);
	for (j = 0; j < len; j++)
		CHECK_INT(icmp[8 + j], (uint8_t)j);
	return icmp;
}

/* Answers the request in captured frame i (change: XOR into a byte). */
static int reply(struct net_device *netdev, unsigned i, size_t len,
		 size_t at, uint8_t change)
{
	uint8_t msg[128];

	memcpy(msg, captured_ip(i) + 1, 8 + len);
	msg[0] = 0;
	msg[at] ^= change;
	msg[2] = msg[3] = 0;
	*(uint16_t *)(msg + 2) = ~wb_tcpip_chksum(0, msg, 8 + len);
	return inject_ip(netdev, IP_ICMP, "10.0.0.2", msg, 8 + len, 9, 0);
}

static void test_pings(struct net_device *netdev)
{
	struct sockaddr_in dest = sock_in("10.0.0.1", 0);

	captured_count = outcome_count = 0;
	job_init();
	CHECK_INT(start_pinger(&job.intf, (struct sockaddr *)&dest, 1000000, 16,
			       3, record, outcomes), 0);
	CHECK_INT(captured_count, 1);
	request(0, 16, 1);
	/* Answered; the same answer again, or altered, counts once. */
	CHECK_INT(reply(netdev, 0, 16, 0, 0), 0);
	CHECK_INT(reply(netdev, 0, 16, 0, 0), 0);
	CHECK_INT(outcome_count, 1);
	CHECK_INT(outcomes[0].seq, 1);
	CHECK_INT(outcomes[0].len, 16);
	CHECK_INT(outcomes[0].rc, 0);
	CHECK(outcomes[0].from == ip("10.0.0.1").s_addr);
	/* The next request waits for the interval. */
	advance(999999);
	CHECK_INT(captured_count, 1);
	advance(1);
	CHECK_INT(captured_count, 2);
	request(1, 16, 2);
	CHECK_ERR(reply(netdev, 1, 16, 8 + 3, 0x10), -EINVAL);	/* altered */
	CHECK_INT(reply(netdev, 1, 16, 4, 0x01), 0);	/* another identifier */
	CHECK_INT(outcome_count, 1);
	advance(1000000);
	CHECK_INT(outcome_count, 2);
	CHECK_INT(outcomes[1].seq, 2);
	CHECK_INT(outcomes[1].rc, -ETIMEDOUT);
	CHECK_INT(captured_count, 3);
	request(2, 16, 3);
	/* Late for request 2: not request 3's answer. */
	CHECK_INT(reply(netdev, 1, 16, 0, 0), 0);
	CHECK_INT(outcome_count, 2);
	CHECK(!job.closed);
	/* The last answer ends the job at once, successfully. */
	CHECK_INT(reply(netdev, 2, 16, 0, 0), 0);
	CHECK_INT(outcome_count, 3);
	CHECK(job.closed);
	CHECK_INT(job.rc, 0);
	advance(5000000);
	CHECK_INT(captured_count, 3);
}

static void test_unanswered(struct net_device *netdev)
{
	struct sockaddr_in dest = sock_in("10.0.0.1", 0);

	(void)netdev;
	captured_count = outcome_count = 0;
	job_init();
	CHECK_INT(start_pinger(&job.intf, (struct sockaddr *)&dest, 300000, 0, 2,
			       record, outcomes), 0);
	request(0, 0, 1);
	advance(300000);
	CHECK(!job.closed);
	advance(300000);
	CHECK(job.closed);
	CHECK_INT(err_base(job.rc), -ETIMEDOUT);
	CHECK_INT(outcome_count, 2);
	CHECK_INT(captured_count, 2);

	/* Cancelled: nothing more goes out, nothing is reported. */
	captured_count = outcome_count = 0;
	job_init();
	CHECK_INT(start_pinger(&job.intf, (struct sockaddr *)&dest, 300000, 8, 0,
			       record, outcomes), 0);
	advance(300000);
	CHECK_INT(captured_count, 2);
	wb_intf_shutdown(&job.intf, -ECANCELED);
	advance(3000000);
	CHECK_INT(captured_count, 2);
	CHECK_INT(outcome_count, 1);

	/* No echo protocol for the family; lengths that cannot be sent. */
	dest.sin_family = 99;
	CHECK_INT(err_base(start_pinger(&job.intf, (struct sockaddr *)&dest,
					1000, 8, 1, record, outcomes)), -ENOTSUP);
	dest.sin_family = AF_INET;
	CHECK_INT(err_base(start_pinger(&job.intf, (struct sockaddr *)&dest,
					1000, 70000, 1, record, outcomes)), -EINVAL);
	CHECK_INT(err_base(start_pinger(&job.intf, (struct sockaddr *)&dest,
					0, 8, 1, record, outcomes)), -EINVAL);
}

int main(void)
{
	struct net_device *netdev = fake_netdev();

	configure(netdev);
	captured_count = 0;
	CHECK_INT(inject_arp_reply(netdev, "10.0.0.1", "10.0.0.2"), 0);
	test_pings(netdev);
	test_unanswered(netdev);
	fake_netdev_remove(netdev);
	return unit_finish();
}
