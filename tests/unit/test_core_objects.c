/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/core/iobuf.c src/core/interface.c src/core/xfer.c src/core/job.c src/core/retry.c src/core/process.c src/core/netdev.c src/core/string.c src/core/vsprintf.c src/core/errors.c
/*
 * The core object model: I/O buffers, transfer interfaces, retry timers,
 * the main loop's processes and the network device layer with the
 * per-device state of net drivers, with the platform and the protocols
 * replaced by fakes (plain names: they are not renamed).
 */

/* The inline functions of wireboot/interface.h name the null interface,
 * which the build renames like every firmware symbol. */
#define null_intf wb_null_intf
#define null_intf_operations wb_null_intf_operations

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include "unit.h"

#include <wireboot/iobuf.h>
#include <wireboot/netdev.h>
#include <wireboot/process.h>
#include <wireboot/retry.h>
#include <wireboot/xfer.h>

struct io_buffer *wb_alloc_iob(size_t len);
struct io_buffer *wb_alloc_net_iob(size_t len);
void wb_free_iob(struct io_buffer *iob);
void wb_iob_cache_flush(void);
void wb_intf_plug_plug(struct interface *a, struct interface *b);
void wb_intf_close(struct interface *intf, int rc);
int wb_xfer_deliver(struct interface *intf, struct io_buffer *iob,
		    struct xfer_metadata *meta);
void wb_start_timer(struct retry_timer *timer);
void wb_start_timer_fixed(struct retry_timer *timer, uint64_t timeout_us);
void wb_stop_timer(struct retry_timer *timer);
void wb_run_timers(void);
void wb_process_add(struct process *process);
void wb_process_del(struct process *process);
void wb_step(void);
struct net_device *wb_alloc_netdev(size_t priv_len);
int wb_register_netdev(struct net_device *netdev);
void wb_unregister_netdev(struct net_device *netdev);
int wb_netdev_open(struct net_device *netdev);
void wb_netdev_close(struct net_device *netdev);
int wb_netdev_tx(struct net_device *netdev, struct io_buffer *iob);
void wb_netdev_tx_complete(struct net_device *netdev, struct io_buffer *iob, int rc);
void wb_netdev_rx(struct net_device *netdev, struct io_buffer *iob);
void wb_netdev_link_up(struct net_device *netdev);
void wb_netdev_link_down(struct net_device *netdev);
void *wb_netdev_priv(struct net_device *netdev, const struct net_driver *driver);
struct net_device *wb_find_netdev(const char *name);
struct net_device *wb_find_netdev_by_index(unsigned index);
struct net_device *wb_last_opened_netdev(void);
const char *wb_eth_ntoa(const uint8_t *ll_addr, char *buf);
extern struct list_head wb_net_devices;

/* ---- platform fakes ---- */

static uint64_t fake_now;

uint64_t monotonic_us(void)
{
	return fake_now;
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
	struct refcnt refcnt;
	struct interface xfer;
	size_t received;
	int closed_rc;
	bool closed;
};

static int sink_deliver(struct interface *xfer, struct io_buffer *iob,
			struct xfer_metadata *meta)
{
	struct sink *sink = container_of(xfer, struct sink, xfer);

	(void)meta;
	sink->received += iob_len(iob);
	wb_free_iob(iob);
	return 0;
}

static void sink_close(struct interface *xfer, int rc)
{
	struct sink *sink = container_of(xfer, struct sink, xfer);

	sink->closed = true;
	sink->closed_rc = rc;
}

static const struct interface_operations sink_ops = {
	.deliver = sink_deliver, .close = sink_close,
};

static struct io_buffer *text_iob(const char *text)
{
	struct io_buffer *iob = wb_alloc_iob(strlen(text));

	memcpy(iob_put(iob, strlen(text)), text, strlen(text));
	return iob;
}

/* The basics; tests/unit/test_interface.c goes through every operation. */
static void test_xfer(void)
{
	struct sink sender = { 0 }, receiver = { 0 };

	ref_init(&sender.refcnt, NULL);
	ref_init(&receiver.refcnt, NULL);
	intf_init(&sender.xfer, &sink_ops, &sender.refcnt);
	intf_init(&receiver.xfer, &sink_ops, &receiver.refcnt);
	/* Nobody plugged in: the data is dropped, not leaked. */
	CHECK_INT(wb_xfer_deliver(&sender.xfer, text_iob("x"), NULL), -ENOTCONN);

	wb_intf_plug_plug(&sender.xfer, &receiver.xfer);
	CHECK_INT(wb_xfer_deliver(&sender.xfer, text_iob("hello"), NULL), 0);
	CHECK_INT(receiver.received, 5);
	CHECK_INT(sender.received, 0);

	wb_intf_close(&sender.xfer, -ETIMEDOUT);
	CHECK(receiver.closed && receiver.closed_rc == -ETIMEDOUT);
	CHECK(!sender.closed);
	CHECK(!intf_is_plugged(&sender.xfer));
	/* The receiver's close did not unplug it (it did nothing): it still
	 * holds the sender. */
	CHECK(intf_is_plugged(&receiver.xfer));
	CHECK_INT(sender.refcnt.count, 2);
	CHECK_INT(receiver.refcnt.count, 1);
	/* Closing again reaches nobody. */
	receiver.closed = false;
	wb_intf_close(&sender.xfer, 0);
	CHECK(!receiver.closed);
	wb_intf_close(&receiver.xfer, 0);
	CHECK(sender.closed && sender.closed_rc == 0);
	CHECK_INT(sender.refcnt.count, 1);
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
	/* A fixed interval leaves the back-off alone. */
	wb_start_timer_fixed(&timer, 50);
	fake_now += 50;
	wb_run_timers();
	CHECK_INT(expiries, 5);
	CHECK_INT(timer.count, 1);
}

/* Timers whose handlers act on each other. */
struct test_timer {
	struct retry_timer timer;
	unsigned fired;
	/* What the handler does to another timer. */
	struct test_timer *stop, *restart, *free_other;
	bool free_self;
	bool *freed;
};

static void test_timer_expired(struct retry_timer *timer, bool fail)
{
	struct test_timer *t = container_of(timer, struct test_timer, timer);

	(void)fail;
	t->fired++;
	if (t->stop)
		wb_stop_timer(&t->stop->timer);
	if (t->restart)
		wb_start_timer_fixed(&t->restart->timer, 1000);
	if (t->free_other) {
		wb_stop_timer(&t->free_other->timer);
		*t->free_other->freed = true;
		free(t->free_other);
		t->free_other = NULL;
	}
	if (t->free_self) {
		*t->freed = true;
		free(t);
	}
}

static struct test_timer *new_timer(bool *freed)
{
	struct test_timer *t = calloc(1, sizeof(*t));

	retry_init(&t->timer, test_timer_expired, 0, 0);
	t->freed = freed;
	*freed = false;
	return t;
}

static void test_timer_pass(void)
{
	bool freed[5];
	struct test_timer *t[5];
	unsigned i;

	for (i = 0; i < 5; i++) {
		t[i] = new_timer(&freed[i]);
		wb_start_timer_fixed(&t[i]->timer, 10 + i);
	}
	/* Every due timer fires in one pass, each once. */
	fake_now += 100;
	wb_run_timers();
	for (i = 0; i < 5; i++) {
		CHECK_INT(t[i]->fired, 1);
		CHECK(!t[i]->timer.running);
	}

	/* All due again: the first stops the second, the third restarts
	 * the fourth for later, the fourth... waits; the fifth frees
	 * itself. The first frees nobody. */
	for (i = 0; i < 5; i++)
		wb_start_timer_fixed(&t[i]->timer, 10);
	t[0]->stop = t[1];
	t[2]->restart = t[3];
	t[4]->free_self = true;
	fake_now += 100;
	wb_run_timers();
	CHECK_INT(t[0]->fired, 2);
	CHECK_INT(t[1]->fired, 1);	/* stopped before its turn */
	CHECK(!t[1]->timer.running);
	CHECK_INT(t[2]->fired, 2);
	CHECK_INT(t[3]->fired, 1);	/* restarted before its turn */
	CHECK(t[3]->timer.running);
	CHECK(freed[4]);
	/* The restarted one fires when its new interval has passed. */
	t[2]->restart = NULL;
	fake_now += 999;
	wb_run_timers();
	CHECK_INT(t[3]->fired, 1);
	fake_now += 1;
	wb_run_timers();
	CHECK_INT(t[3]->fired, 2);

	/* A handler that frees another expired timer (stopping it first). */
	wb_start_timer_fixed(&t[0]->timer, 10);
	wb_start_timer_fixed(&t[1]->timer, 10);
	t[0]->stop = NULL;
	t[0]->free_other = t[1];
	fake_now += 100;
	wb_run_timers();
	CHECK(freed[1]);
	CHECK_INT(t[0]->fired, 3);
	free(t[0]);
	free(t[2]);
	free(t[3]);
}

/* ---- main loop ---- */

struct test_process {
	struct refcnt refcnt;
	struct process process;
	unsigned steps;
	struct test_process *del;	/* deleted by our step */
	struct test_process *add;	/* added by our step */
	bool del_self;
	bool *freed;
};

static void free_test_process(struct refcnt *refcnt)
{
	struct test_process *p = container_of(refcnt, struct test_process, refcnt);

	*p->freed = true;
	free(p);
}

static void test_process_step(struct process *process)
{
	struct test_process *p = container_of(process, struct test_process, process);

	if (p->del) {
		wb_process_del(&p->del->process);
		p->del = NULL;
	}
	if (p->add) {
		wb_process_add(&p->add->process);
		p->add = NULL;
	}
	if (p->del_self)
		wb_process_del(&p->process);
	/* Still ours after deleting ourselves: the pass holds us. */
	p->steps++;
}

static struct test_process *new_process(bool *freed)
{
	struct test_process *p = calloc(1, sizeof(*p));

	ref_init(&p->refcnt, free_test_process);
	process_init(&p->process, test_process_step, &p->refcnt);
	p->freed = freed;
	*freed = false;
	return p;
}

static void test_processes(void)
{
	bool freed[4], timer_freed;
	struct test_process *p[4];
	struct test_timer *timer;
	unsigned i;

	for (i = 0; i < 4; i++)
		p[i] = new_process(&freed[i]);
	for (i = 0; i < 3; i++) {
		wb_process_add(&p[i]->process);
		CHECK(process_running(&p[i]->process));
	}
	/* Added twice, queued (and held) once. */
	wb_process_add(&p[0]->process);
	CHECK_INT(p[0]->refcnt.count, 2);

	/* Every process steps once per pass, and a due timer fires in the
	 * same pass. */
	timer = new_timer(&timer_freed);
	wb_start_timer_fixed(&timer->timer, 5);
	fake_now += 5;
	wb_step();
	CHECK_INT(timer->fired, 1);
	wb_step();
	for (i = 0; i < 3; i++)
		CHECK_INT(p[i]->steps, 2);
	free(timer);

	/* The queue holds the only references from now on. */
	for (i = 0; i < 4; i++)
		ref_put(&p[i]->refcnt);
	CHECK(freed[3]);	/* never queued */

	/* p0 deletes p1 before p1's turn: p1 does not step, and is freed
	 * there and then (the queue held its last reference); p2 still
	 * steps. p0 adds a new process, which waits for the next pass. */
	p[3] = new_process(&freed[3]);
	p[0]->del = p[1];
	p[0]->add = p[3];
	wb_step();
	CHECK_INT(p[0]->steps, 3);
	CHECK(freed[1]);
	CHECK_INT(p[2]->steps, 3);
	CHECK_INT(p[3]->steps, 0);
	ref_put(&p[3]->refcnt);	/* the queue's now */
	CHECK(!freed[3]);
	wb_step();
	CHECK_INT(p[3]->steps, 1);

	/* A step that deletes itself is freed after its step returns (the
	 * pass held it meanwhile), and the others still step. */
	p[2]->del_self = true;
	wb_step();
	CHECK(freed[2]);
	CHECK_INT(p[0]->steps, 5);
	CHECK_INT(p[3]->steps, 2);

	/* p3 deletes p0, which already stepped in this pass: nothing breaks,
	 * p0 is gone for the next. */
	p[3]->del = p[0];
	wb_step();
	CHECK(freed[0]);
	p[3]->del_self = true;
	wb_step();
	CHECK(freed[3]);
	/* Deleting what is not queued is harmless. */
	{
		bool gone;
		struct test_process *idle = new_process(&gone);

		wb_process_del(&idle->process);
		CHECK_INT(idle->refcnt.count, 1);
		ref_put(&idle->refcnt);
		CHECK(gone);
	}
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

/*
 * Three net drivers keeping state per device. Each records, in its state,
 * what it was told; the log says in which order drivers were called.
 */
struct driver_state {
	struct net_device *netdev;
	bool zeroed_at_probe;
	unsigned probes, notifies, removes;
	bool last_open, last_link;
	uint8_t pattern[40];
};

static char driver_log[128];
extern const struct net_driver driver_a, driver_b, driver_c;
static int fail_probe_b;	/* the error probe B returns */

static void log_call(const char *what)
{
	strncat(driver_log, what, sizeof(driver_log) - strlen(driver_log) - 1);
}

/* The drivers in table order (the link decides it), by letter. */
static char driver_letter[3];

static void find_driver_order(void)
{
	const struct net_driver *drivers[3] = { &driver_a, &driver_b, &driver_c };
	unsigned i, j;

	for (i = 0; i < 3; i++) {
		unsigned before = 0;

		for (j = 0; j < 3; j++)
			before += drivers[j] < drivers[i];
		driver_letter[before] = drivers[i]->name[0] - 'A' + 'a';
	}
}

/* "pa pb pc " for probes in table order, "rc rb ra " for removals in
 * reverse. */
static const char *expected_log(char kind, bool reverse)
{
	static char log[16];
	unsigned i;

	for (i = 0; i < 3; i++) {
		log[i * 3] = kind;
		log[i * 3 + 1] = driver_letter[reverse ? 2 - i : i];
		log[i * 3 + 2] = ' ';
	}
	log[9] = '\0';
	return log;
}

static bool all_zero(const void *p, size_t len)
{
	const uint8_t *bytes = p;
	size_t i;

	for (i = 0; i < len; i++)
		if (bytes[i])
			return false;
	return true;
}

static int probe_a(struct net_device *netdev, void *priv)
{
	struct driver_state *state = priv;

	state->zeroed_at_probe = all_zero(state, sizeof(*state));
	state->netdev = netdev;
	state->probes++;
	log_call("pa ");
	return 0;
}

static void notify_a(struct net_device *netdev, void *priv)
{
	struct driver_state *state = priv;

	state->notifies++;
	state->last_open = netdev->is_open;
	state->last_link = netdev_link_ok(netdev);
}

static void remove_a(struct net_device *netdev, void *priv)
{
	struct driver_state *state = priv;

	CHECK(state->netdev == netdev);
	state->removes++;
	log_call("ra ");
}

static int probe_b(struct net_device *netdev, void *priv)
{
	uint64_t *word = priv;

	(void)netdev;
	CHECK(*word == 0);
	*word = 0xb0b0b0b0b0b0b0b0ULL;
	log_call("pb ");
	return fail_probe_b;
}

static void remove_b(struct net_device *netdev, void *priv)
{
	(void)netdev;
	(void)priv;
	log_call("rb ");
}

static int probe_c(struct net_device *netdev, void *priv)
{
	(void)netdev;
	(void)priv;
	log_call("pc ");
	return 0;
}

static void remove_c(struct net_device *netdev, void *priv)
{
	(void)netdev;
	(void)priv;
	log_call("rc ");
}

NET_DRIVER(driver_a) = {
	.name = "A", .priv_len = sizeof(struct driver_state),
	.probe = probe_a, .notify = notify_a, .remove = remove_a,
};
NET_DRIVER(driver_b) = {
	.name = "B", .priv_len = sizeof(uint64_t),
	.probe = probe_b, .remove = remove_b,
};
/* No state: a driver may keep nothing. */
NET_DRIVER(driver_c) = {
	.name = "C", .probe = probe_c, .remove = remove_c,
};

static struct net_device *new_netdev(const uint8_t *mac)
{
	struct net_device *netdev = wb_alloc_netdev(sizeof(struct fake_nic));

	netdev->op = &fake_ops;
	netdev->driver_name = "fake";
	memcpy(netdev->hw_addr, mac, ETH_ALEN);
	return netdev;
}

static void test_netdev(void)
{
	static const uint8_t mac[ETH_ALEN] = { 0x52, 0x54, 0, 0x12, 0x34, 0x56 };
	struct net_device *netdev = new_netdev(mac);
	struct fake_nic *nic = netdev->priv;
	char text[18];
	unsigned i;

	CHECK(((uintptr_t)netdev->priv % 16) == 0);
	CHECK_INT(wb_register_netdev(netdev), 0);
	CHECK_STR(netdev->name, "net0");
	CHECK(memcmp(netdev->ll_addr, mac, ETH_ALEN) == 0);
	CHECK(wb_find_netdev("net0") == netdev);
	CHECK(wb_find_netdev("net1") == NULL);
	CHECK(wb_find_netdev_by_index(0) == netdev);
	CHECK(wb_find_netdev_by_index(1) == NULL);
	CHECK_STR(wb_eth_ntoa(netdev->ll_addr, text), "52:54:00:12:34:56");
	CHECK_INT(netdev->refcnt.count, 2);	/* ours and the list's */

	/* Transmit before open is refused (and the buffer freed). */
	CHECK_INT(wb_netdev_tx(netdev, wb_alloc_iob(64)), -ENETDOWN);
	CHECK_INT(wb_netdev_open(netdev), 0);
	CHECK_INT(wb_netdev_open(netdev), 0);
	CHECK_INT(nic->opens, 1);
	CHECK(wb_last_opened_netdev() == netdev);

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
	CHECK_INT(netdev->rx_queued, 64);

	wb_netdev_close(netdev);
	CHECK_INT(nic->closes, 1);
	CHECK(list_empty(&netdev->tx_pending));
	CHECK(list_empty(&netdev->rx_queue));
	CHECK_INT(netdev->rx_queued, 0);
	CHECK_INT(netdev->stats.tx_errors, 1);	/* the one cancelled at close */

	wb_unregister_netdev(netdev);
	CHECK(wb_find_netdev("net0") == NULL);
	CHECK(wb_last_opened_netdev() == NULL);
	CHECK_INT(netdev->refcnt.count, 1);
	netdev_put(netdev);	/* the creator's reference: freed now */
}

/* Per-device state: allocated (zeroed) with each device, one block per
 * driver, separate for each device; probe, notify and remove at the right
 * moments; a failed probe unwinds the drivers probed before it. */
static void test_net_drivers(void)
{
	static const uint8_t mac0[ETH_ALEN] = { 2, 0, 0, 0, 0, 1 };
	static const uint8_t mac1[ETH_ALEN] = { 2, 0, 0, 0, 0, 2 };
	struct net_device *net0 = new_netdev(mac0), *net1 = new_netdev(mac1);
	struct driver_state *a0, *a1;
	uint64_t *b0, *b1;
	struct fake_nic *nic;

	find_driver_order();
	/* B is in the middle, whichever way the link orders them. */
	CHECK_INT(driver_letter[1], 'b');
	driver_log[0] = '\0';
	CHECK_INT(wb_register_netdev(net0), 0);
	CHECK_STR(driver_log, expected_log('p', false));
	CHECK_INT(wb_register_netdev(net1), 0);
	a0 = wb_netdev_priv(net0, &driver_a);
	a1 = wb_netdev_priv(net1, &driver_a);
	b0 = wb_netdev_priv(net0, &driver_b);
	b1 = wb_netdev_priv(net1, &driver_b);
	CHECK(a0->zeroed_at_probe && a1->zeroed_at_probe);
	CHECK(a0->netdev == net0 && a1->netdev == net1);
	CHECK(a0 != a1 && b0 != b1);
	CHECK(((uintptr_t)a0 % 16) == 0 && ((uintptr_t)b0 % 16) == 0);
	/* The blocks do not overlap each other or the NIC's data. */
	CHECK((uint8_t *)b0 >= (uint8_t *)(a0 + 1) || (uint8_t *)(b0 + 1) <= (uint8_t *)a0);
	CHECK((uint8_t *)a0 >= (uint8_t *)net0->priv + sizeof(struct fake_nic));
	memset(a0->pattern, 0x5a, sizeof(a0->pattern));
	memset(net0->priv, 0xff, sizeof(struct fake_nic));
	CHECK(*b0 == 0xb0b0b0b0b0b0b0b0ULL);
	CHECK(all_zero(a1->pattern, sizeof(a1->pattern)));
	memset(net0->priv, 0, sizeof(struct fake_nic));

	/* Notified after open, link changes and close, seeing the new
	 * state; nothing when nothing changed. */
	CHECK_INT(a0->notifies, 0);
	CHECK_INT(wb_netdev_open(net0), 0);
	CHECK_INT(a0->notifies, 1);
	CHECK(a0->last_open && !a0->last_link);
	wb_netdev_link_up(net0);
	wb_netdev_link_up(net0);
	CHECK_INT(a0->notifies, 2);
	CHECK(a0->last_link);
	wb_netdev_link_down(net0);
	CHECK_INT(a0->notifies, 3);
	CHECK(!a0->last_link);
	wb_netdev_close(net0);
	wb_netdev_close(net0);
	CHECK_INT(a0->notifies, 4);
	CHECK(!a0->last_open);
	CHECK_INT(a1->notifies, 0);

	/* Removal: every driver, the last probed first; the device is closed
	 * before (and its drivers told so). */
	CHECK_INT(wb_netdev_open(net1), 0);
	driver_log[0] = '\0';
	nic = net1->priv;
	wb_unregister_netdev(net1);
	CHECK_STR(driver_log, expected_log('r', true));
	CHECK_INT(nic->closes, 1);
	CHECK(!a1->last_open);
	CHECK_INT(a1->removes, 1);
	netdev_put(net1);
	driver_log[0] = '\0';
	wb_unregister_netdev(net0);
	CHECK_STR(driver_log, expected_log('r', true));
	netdev_put(net0);

	/* B's probe fails: the driver probed before it is removed again,
	 * the one after it is never probed, B itself is not removed; the
	 * device is not registered and only the creator's reference is
	 * left. */
	net0 = new_netdev(mac0);
	fail_probe_b = -ENOMEM;
	driver_log[0] = '\0';
	CHECK_INT(wb_register_netdev(net0), -ENOMEM);
	{
		char want[16];

		snprintf(want, sizeof(want), "p%c pb r%c ", driver_letter[0],
			 driver_letter[0]);
		CHECK_STR(driver_log, want);
	}
	CHECK(wb_find_netdev(net0->name) == NULL);
	CHECK(list_empty(&wb_net_devices));
	CHECK_INT(net0->refcnt.count, 1);
	netdev_put(net0);
	fail_probe_b = 0;
}

int main(void)
{
	test_netdev();
	test_net_drivers();
	test_iobuf();
	test_xfer();
	test_retry();
	test_timer_pass();
	test_processes();
	wb_iob_cache_flush();
	return unit_finish();
}
