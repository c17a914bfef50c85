// FIRMWARE_SOURCES: src/core/iobuf.c src/core/xfer.c src/core/retry.c src/core/process.c src/core/netdev.c src/core/string.c src/core/vsprintf.c src/core/errors.c
/*
 * The core object model: I/O buffers, transfer interfaces, retry timers,
 * the main loop and the network device layer, with the platform and the
 * protocols replaced by fakes (plain names: they are not renamed).
 */

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include "unit.h"

#include <wireboot/iobuf.h>
#include <wireboot/netdev.h>
#include <wireboot/retry.h>
#include <wireboot/xfer.h>

struct io_buffer *wb_alloc_iob(size_t len);
struct io_buffer *wb_alloc_net_iob(size_t len);
void wb_free_iob(struct io_buffer *iob);
void wb_iob_cache_flush(void);
void wb_xfer_plug(struct xfer *a, struct xfer *b);
int wb_xfer_deliver(struct xfer *xfer, struct io_buffer *iob,
		    const struct xfer_metadata *meta);
int wb_xfer_deliver_raw(struct xfer *xfer, const void *data, size_t len,
			const struct xfer_metadata *meta);
void wb_xfer_close(struct xfer *xfer, int rc);
void wb_start_timer(struct retry_timer *timer);
void wb_stop_timer(struct retry_timer *timer);
void wb_run_timers(void);
int wb_wait_for(bool (*done)(void *context), void *context, uint64_t timeout_us);
struct net_device *wb_alloc_netdev(size_t priv_len);
int wb_register_netdev(struct net_device *netdev);
void wb_unregister_netdev(struct net_device *netdev);
int wb_netdev_open(struct net_device *netdev);
void wb_netdev_close(struct net_device *netdev);
int wb_netdev_tx(struct net_device *netdev, struct io_buffer *iob);
void wb_netdev_tx_complete(struct net_device *netdev, struct io_buffer *iob, int rc);
void wb_netdev_rx(struct net_device *netdev, struct io_buffer *iob);
struct net_device *wb_find_netdev(const char *name);
const char *wb_eth_ntoa(const uint8_t *ll_addr, char *buf);

/* ---- platform and protocol fakes ---- */

static uint64_t fake_now;
static uint64_t clock_step;	/* added on every read */
static int pending_key = -1;

uint64_t monotonic_us(void)
{
	fake_now += clock_step;
	return fake_now;
}

int console_getkey(void)
{
	int key = pending_key;
	pending_key = -1;
	return key;
}

void *zalloc(size_t size)
{
	return calloc(1, size);
}

struct settings;
void settings_init(struct settings *block, const char *name) { (void)block; (void)name; }
void register_settings(struct settings *block, struct settings *parent) { (void)block; (void)parent; }
void unregister_settings(struct settings *block) { (void)block; }


/* ---- I/O buffers ---- */

static void test_iobuf(void)
{
	struct io_buffer *iob = wb_alloc_iob(100);

	CHECK(iob != NULL);
	CHECK(((uintptr_t)iob->data % IOB_ALIGN) == 0);
	CHECK_INT(iob_len(iob), 0);
	CHECK_INT(iob_tailroom(iob), 100);
	iob_reserve(iob, 20);
	memcpy(iob_put(iob, 10), "0123456789", 10);
	CHECK_INT(iob_len(iob), 10);
	CHECK_INT(iob_headroom(iob), 20);
	memcpy(iob_push(iob, 2), "ab", 2);
	CHECK(memcmp(iob->data, "ab0123", 6) == 0);
	iob_pull(iob, 4);
	CHECK(memcmp(iob->data, "23", 2) == 0);
	iob_trim(iob, 3);
	CHECK_INT(iob_len(iob), 3);
	iob_trim(iob, 50);	/* never grows */
	CHECK_INT(iob_len(iob), 3);
	wb_free_iob(iob);

	iob = wb_alloc_net_iob(1500);
	CHECK_INT(iob_headroom(iob), IOB_NET_HEADROOM);
	CHECK_INT(iob_tailroom(iob), 1500);
	wb_free_iob(iob);

	/* The firmware reuses freed packet buffers; under the sanitizers
	 * every buffer is fresh and exactly its size (see iobuf.c). Either
	 * way a buffer has the requested size and no contents. */
	iob = wb_alloc_iob(1500);
	{
		struct io_buffer *again;
		void *head = iob->head;
		wb_free_iob(iob);
		again = wb_alloc_iob(60);
		CHECK(again->head != head);
		CHECK_INT(iob_tailroom(again), 60);
		CHECK_INT(iob_len(again), 0);
		CHECK(((uintptr_t)again->data % IOB_ALIGN) == 0);
		wb_free_iob(again);
	}
	/* Room for padding a runt in place. */
	iob = wb_alloc_net_iob(28);
	CHECK_INT(iob_tailroom(iob), IOB_NET_MIN_FRAME);
	wb_free_iob(iob);
	/* A large buffer is not cached. */
	iob = wb_alloc_iob(100000);
	CHECK_INT(iob_tailroom(iob), 100000);
	wb_free_iob(iob);
	wb_iob_cache_flush();

	CHECK(wb_alloc_iob(SIZE_MAX) == NULL);
	CHECK(wb_alloc_iob(SIZE_MAX - 10) == NULL);
	CHECK(wb_alloc_net_iob(SIZE_MAX) == NULL);
	wb_free_iob(NULL);
}

/* ---- transfer interfaces ---- */

struct sink {
	struct xfer xfer;
	size_t received;
	int closed_rc;
	bool closed;
};

static int sink_deliver(struct xfer *xfer, struct io_buffer *iob,
			const struct xfer_metadata *meta)
{
	struct sink *sink = (struct sink *)xfer;

	(void)meta;
	sink->received += iob_len(iob);
	wb_free_iob(iob);
	return 0;
}

static void sink_close(struct xfer *xfer, int rc)
{
	struct sink *sink = (struct sink *)xfer;

	sink->closed = true;
	sink->closed_rc = rc;
}

static const struct xfer_operations sink_ops = {
	.deliver = sink_deliver, .close = sink_close,
};

static void test_xfer(void)
{
	struct sink sender = { 0 }, receiver = { 0 };

	xfer_init(&sender.xfer, &sink_ops);
	xfer_init(&receiver.xfer, &sink_ops);
	/* Nobody plugged in: the data is dropped, not leaked. */
	CHECK_INT(wb_xfer_deliver_raw(&sender.xfer, "x", 1, NULL), -ENOTCONN);

	wb_xfer_plug(&sender.xfer, &receiver.xfer);
	CHECK_INT(wb_xfer_deliver_raw(&sender.xfer, "hello", 5, NULL), 0);
	CHECK_INT(receiver.received, 5);
	CHECK_INT(sender.received, 0);

	wb_xfer_close(&sender.xfer, -ETIMEDOUT);
	CHECK(receiver.closed && receiver.closed_rc == -ETIMEDOUT);
	CHECK(!sender.closed);
	CHECK(sender.xfer.peer == NULL && receiver.xfer.peer == NULL);
	/* Closing again reaches nobody. */
	receiver.closed = false;
	wb_xfer_close(&sender.xfer, 0);
	CHECK(!receiver.closed);
}

/* ---- retry timers ---- */

static unsigned expiries;
static bool last_fail;

static void note_expiry(struct retry_timer *timer, bool fail)
{
	(void)timer;
	expiries++;
	last_fail = fail;
}

static void test_retry(void)
{
	struct retry_timer timer;
	uint64_t intervals[8];
	unsigned i;

	clock_step = 0;
	retry_init(&timer, note_expiry, 100, 1000);
	for (i = 0; i < 8 && !last_fail; i++) {
		uint64_t started = fake_now;
		wb_start_timer(&timer);
		intervals[i] = timer.timeout_us;
		fake_now = started + timer.timeout_us - 1;
		wb_run_timers();
		CHECK_INT(expiries, i);		/* not yet */
		fake_now++;
		wb_run_timers();
		CHECK_INT(expiries, i + 1);
	}
	/* 100, 200, 400, 800: the fourth expiry reports failure (1600 > max). */
	CHECK_INT(i, 4);
	CHECK(intervals[0] == 100 && intervals[1] == 200 && intervals[2] == 400 &&
	      intervals[3] == 800);
	CHECK(last_fail);

	/* Stopping resets the back-off; a stopped timer never fires. */
	wb_stop_timer(&timer);
	wb_start_timer(&timer);
	CHECK_INT(timer.timeout_us, 100);
	wb_stop_timer(&timer);
	fake_now += 10000;
	wb_run_timers();
	CHECK_INT(expiries, 4);
}

/* ---- main loop ---- */

static unsigned steps_needed;

static bool countdown(void *context)
{
	(void)context;
	return steps_needed-- == 0;
}

static bool never(void *context)
{
	(void)context;
	return false;
}

static void test_wait_for(void)
{
	clock_step = 10;
	steps_needed = 5;
	CHECK_INT(wb_wait_for(countdown, NULL, 0), 0);
	CHECK_INT(wb_wait_for(never, NULL, 1000), -ETIMEDOUT);
	clock_step = 60000;	/* every pass looks at the keyboard */
	pending_key = 3;	/* Ctrl-C */
	CHECK_INT(wb_wait_for(never, NULL, 0), -ECANCELED);
	clock_step = 0;
}

/* ---- network devices ---- */

struct fake_nic {
	unsigned opens, closes, polls, transmits;
	struct io_buffer *held;	/* a transmit the "hardware" has not finished */
	size_t last_len;
};

static int fake_open(struct net_device *netdev)
{
	((struct fake_nic *)netdev->priv)->opens++;
	return 0;
}

static void fake_close(struct net_device *netdev)
{
	struct fake_nic *nic = netdev->priv;

	nic->closes++;
	nic->held = NULL;	/* the layer completes what we held */
}

static int fake_transmit(struct net_device *netdev, struct io_buffer *iob)
{
	struct fake_nic *nic = netdev->priv;

	nic->transmits++;
	nic->last_len = iob_len(iob);
	if (nic->transmits == 1) {
		wb_netdev_tx_complete(netdev, iob, 0);
		return 0;
	}
	nic->held = iob;
	return 0;
}

static void fake_poll(struct net_device *netdev)
{
	((struct fake_nic *)netdev->priv)->polls++;
}

static const struct net_device_operations fake_ops = {
	.open = fake_open, .close = fake_close,
	.transmit = fake_transmit, .poll = fake_poll,
};

static void test_netdev(void)
{
	struct net_device *netdev = wb_alloc_netdev(sizeof(struct fake_nic));
	struct fake_nic *nic = netdev->priv;
	static const uint8_t mac[ETH_ALEN] = { 0x52, 0x54, 0, 0x12, 0x34, 0x56 };
	char text[18];
	unsigned i;

	CHECK(((uintptr_t)netdev->priv % 16) == 0);
	netdev->op = &fake_ops;
	netdev->driver_name = "fake";
	memcpy(netdev->hw_addr, mac, ETH_ALEN);
	CHECK_INT(wb_register_netdev(netdev), 0);
	CHECK_STR(netdev->name, "net0");
	CHECK(memcmp(netdev->ll_addr, mac, ETH_ALEN) == 0);
	CHECK(wb_find_netdev("net0") == netdev);
	CHECK(wb_find_netdev("net1") == NULL);
	CHECK_STR(wb_eth_ntoa(netdev->ll_addr, text), "52:54:00:12:34:56");

	/* Transmit before open is refused (and the buffer freed). */
	CHECK_INT(wb_netdev_tx(netdev, wb_alloc_iob(64)), -ENETDOWN);
	CHECK_INT(wb_netdev_open(netdev), 0);
	CHECK_INT(wb_netdev_open(netdev), 0);
	CHECK_INT(nic->opens, 1);

	/* A runt frame is padded to the Ethernet minimum. */
	{
		struct io_buffer *iob = wb_alloc_iob(64);
		memset(iob_put(iob, 20), 0xaa, 20);
		CHECK_INT(wb_netdev_tx(netdev, iob), 0);
		CHECK_INT(nic->last_len, 60);
		CHECK_INT(netdev->stats.tx_ok, 1);
	}
	/* A transmit still held by the hardware is completed at close. */
	CHECK_INT(wb_netdev_tx(netdev, wb_alloc_iob(100)), 0);
	CHECK(nic->held != NULL && !list_empty(&netdev->tx_pending));

	/* Received frames queue up to a limit, then count as dropped. */
	for (i = 0; i < 80; i++)
		wb_netdev_rx(netdev, wb_alloc_iob(60));
	CHECK_INT(netdev->stats.rx_dropped, 80 - 64);

	wb_netdev_close(netdev);
	CHECK_INT(nic->closes, 1);
	CHECK(list_empty(&netdev->tx_pending));
	CHECK(list_empty(&netdev->rx_queue));
	CHECK_INT(netdev->stats.tx_errors, 1);	/* the one cancelled at close */

	wb_unregister_netdev(netdev);
	CHECK(wb_find_netdev("net0") == NULL);
	netdev_put(netdev);	/* the creator's reference: freed now */
}

int main(void)
{
	test_netdev();
	test_iobuf();
	test_xfer();
	test_retry();
	test_wait_for();
	return unit_finish();
}
