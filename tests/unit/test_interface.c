/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/core/interface.c src/core/xfer.c src/core/job.c src/core/iobuf.c src/core/string.c
// FIRMWARE_SOURCES: src/net/resolv.c src/net/socket.c src/core/process.c src/core/retry.c src/core/vsprintf.c
/*
 * Object interfaces under the sanitizers: reference counts while plugged,
 * the null interface, passthru, restart, and every operation called with
 * the callee (or the caller) closing, shutting down or freeing itself from
 * inside the call. Objects live on the heap and count themselves, so a
 * reference too few shows as a use after free (ASan) or a wrong "freed"
 * flag, a reference too many as an object still alive at the end.
 */

/* The inline functions of wireboot/interface.h and its lookup macro name
 * firmware symbols, which the build renames. */
#define null_intf wb_null_intf
#define null_intf_operations wb_null_intf_operations
#define intf_find_op wb_intf_find_op

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include "unit.h"

#include <wireboot/interface.h>
#include <wireboot/iobuf.h>
#include <wireboot/job.h>
#include <wireboot/xfer.h>

struct io_buffer *wb_alloc_iob(size_t len);
void wb_free_iob(struct io_buffer *iob);
void wb_iob_cache_flush(void);
void wb_intf_plug(struct interface *intf, struct interface *dest);
void wb_intf_plug_plug(struct interface *a, struct interface *b);
void wb_intf_unplug(struct interface *intf);
void wb_intf_nullify(struct interface *intf);
void wb_intf_close(struct interface *intf, int rc);
void wb_intf_shutdown(struct interface *intf, int rc);
void wb_intf_restart(struct interface *intf, int rc);
void wb_intf_reason(struct interface *intf, const char *text);
int wb_xfer_deliver(struct interface *intf, struct io_buffer *iob,
		    struct xfer_metadata *meta);
size_t wb_xfer_window(struct interface *intf);
void wb_xfer_window_changed(struct interface *intf);
struct io_buffer *wb_xfer_alloc_iob(struct interface *intf, size_t len);
void wb_xfer_size_hint(struct interface *intf, uint64_t total);
int wb_xfer_redirect(struct interface *intf, struct uri *uri);
void wb_job_progress(struct interface *intf, struct job_progress *progress);
/* A resolver's answer to whoever asked (net/resolv.h). */
void wb_resolv_done(struct interface *intf, const struct sockaddr *sa);

/* The main loop's clock, which the resolver's objects need linked. */
uint64_t monotonic_us(void)
{
	return 0;
}

void *zalloc(size_t size)
{
	return calloc(1, size);
}

/* ---- counted objects ----------------------------------------------------- */

enum op {
	OP_DELIVER, OP_WINDOW, OP_WINDOW_CHANGED, OP_ALLOC_IOB, OP_SIZE_HINT,
	OP_REDIRECT, OP_PROGRESS, OP_RESOLVED, OP_REASON, OP_CLOSE, OP_COUNT
};

static const char *const op_names[OP_COUNT] = {
	"deliver", "window", "window_changed", "alloc_iob", "size_hint",
	"redirect", "progress", "resolved", "reason", "close",
};

/* What an object does from inside one of its operations. */
enum action {
	ACT_NONE,
	ACT_CLOSE,		/* closes its interface */
	ACT_SHUTDOWN,		/* shuts its interface down */
	ACT_FREE,		/* shuts down and drops its last reference */
	ACT_CLOSE_PEER,		/* closes the caller's interface */
	ACT_FREE_PEER,		/* shuts the caller down and drops its last one */
	ACT_COUNT
};

static const char *const action_names[ACT_COUNT] = {
	"none", "close", "shutdown", "free", "close-peer", "free-peer",
};

#define MAX_OBJECTS 1024

struct obj {
	struct refcnt refcnt;
	struct interface intf;
	unsigned id;
	bool creator_ref;	/* the test still holds its reference */
	unsigned calls[OP_COUNT];
	int close_rc;
	char reason[32];
	enum op action_op;
	enum action action;
	struct obj *peer;	/* for the *_PEER actions */
};

static bool freed[MAX_OBJECTS];
static bool allocated[MAX_OBJECTS];
static unsigned live_objects, next_id;

static void obj_free(struct refcnt *refcnt)
{
	struct obj *obj = container_of(refcnt, struct obj, refcnt);

	/* Freed once, never again. */
	CHECK(!freed[obj->id]);
	freed[obj->id] = true;
	live_objects--;
	free(obj);
}

static const struct interface_operations obj_operations;

static struct obj *obj_new(void)
{
	struct obj *obj = calloc(1, sizeof(*obj));

	if (!obj || next_id >= MAX_OBJECTS)
		abort();
	obj->id = next_id++;
	freed[obj->id] = false;
	allocated[obj->id] = true;
	live_objects++;
	ref_init(&obj->refcnt, obj_free);
	intf_init(&obj->intf, &obj_operations, &obj->refcnt);
	obj->creator_ref = true;
	return obj;
}

/* The test lets go of an object (if it has not already). */
static void obj_drop(struct obj *obj)
{
	if (obj->creator_ref) {
		obj->creator_ref = false;
		ref_put(&obj->refcnt);
	}
}

/* Does what the object was told to do from inside op. Returns true if it
 * acted. */
static bool react(struct obj *obj, enum op op)
{
	unsigned id = obj->id;

	if (obj->action_op != op || obj->action == ACT_NONE)
		return false;
	switch (obj->action) {
	case ACT_CLOSE:
		wb_intf_close(&obj->intf, -EPIPE);
		break;
	case ACT_SHUTDOWN:
		wb_intf_shutdown(&obj->intf, -EPIPE);
		break;
	case ACT_FREE:
		wb_intf_shutdown(&obj->intf, -EPIPE);
		obj_drop(obj);
		/* The call holds the callee: still alive until it returns
		 * (ASan reports the read below if not). */
		CHECK(!freed[id]);
		obj->action = ACT_NONE;
		break;
	case ACT_CLOSE_PEER:
		wb_intf_close(&obj->peer->intf, -EPIPE);
		break;
	case ACT_FREE_PEER:
		wb_intf_shutdown(&obj->peer->intf, -EPIPE);
		obj_drop(obj->peer);
		break;
	default:
		break;
	}
	obj->action = ACT_NONE;
	return true;
}

static struct obj *obj_of(struct interface *intf)
{
	return container_of(intf, struct obj, intf);
}

static int obj_deliver(struct interface *intf, struct io_buffer *iob,
		       struct xfer_metadata *meta)
{
	struct obj *obj = obj_of(intf);

	CHECK(meta != NULL);
	obj->calls[OP_DELIVER]++;
	wb_free_iob(iob);
	react(obj, OP_DELIVER);
	return 0;
}

static size_t obj_window(struct interface *intf)
{
	struct obj *obj = obj_of(intf);

	obj->calls[OP_WINDOW]++;
	react(obj, OP_WINDOW);
	return 1234;
}

static void obj_window_changed(struct interface *intf)
{
	struct obj *obj = obj_of(intf);

	obj->calls[OP_WINDOW_CHANGED]++;
	react(obj, OP_WINDOW_CHANGED);
}

static struct io_buffer *obj_alloc_iob(struct interface *intf, size_t len)
{
	struct obj *obj = obj_of(intf);
	struct io_buffer *iob = wb_alloc_iob(len + 64);

	obj->calls[OP_ALLOC_IOB]++;
	iob_reserve(iob, 64);
	react(obj, OP_ALLOC_IOB);
	return iob;
}

static void obj_size_hint(struct interface *intf, uint64_t total)
{
	struct obj *obj = obj_of(intf);

	CHECK(total == 777);
	obj->calls[OP_SIZE_HINT]++;
	react(obj, OP_SIZE_HINT);
}

static int obj_redirect(struct interface *intf, struct uri *uri)
{
	struct obj *obj = obj_of(intf);

	(void)uri;
	obj->calls[OP_REDIRECT]++;
	react(obj, OP_REDIRECT);
	return 0;
}

static void obj_progress(struct interface *intf, struct job_progress *progress)
{
	struct obj *obj = obj_of(intf);

	obj->calls[OP_PROGRESS]++;
	progress->completed = 42;
	react(obj, OP_PROGRESS);
}

static void obj_resolved(struct interface *intf, const struct sockaddr *sa)
{
	struct obj *obj = obj_of(intf);

	(void)sa;
	obj->calls[OP_RESOLVED]++;
	react(obj, OP_RESOLVED);
}

static void obj_reason(struct interface *intf, const char *text)
{
	struct obj *obj = obj_of(intf);

	obj->calls[OP_REASON]++;
	strncpy(obj->reason, text, sizeof(obj->reason) - 1);
	react(obj, OP_REASON);
}

/* By default an object ends when its peer does. */
static void obj_close(struct interface *intf, int rc)
{
	struct obj *obj = obj_of(intf);

	obj->calls[OP_CLOSE]++;
	obj->close_rc = rc;
	if (!react(obj, OP_CLOSE))
		wb_intf_shutdown(intf, rc);
}

static const struct interface_operations obj_operations = {
	.deliver = obj_deliver,
	.window = obj_window,
	.window_changed = obj_window_changed,
	.alloc_iob = obj_alloc_iob,
	.size_hint = obj_size_hint,
	.redirect = obj_redirect,
	.progress = obj_progress,
	.resolved = obj_resolved,
	.reason = obj_reason,
	.close = obj_close,
};

/* Calls op through intf, as the object owning intf would. */
static void invoke(struct interface *intf, enum op op)
{
	struct job_progress progress;
	struct io_buffer *iob;

	switch (op) {
	case OP_DELIVER:
		wb_xfer_deliver(intf, wb_alloc_iob(16), NULL);
		break;
	case OP_WINDOW:
		wb_xfer_window(intf);
		break;
	case OP_WINDOW_CHANGED:
		wb_xfer_window_changed(intf);
		break;
	case OP_ALLOC_IOB:
		iob = wb_xfer_alloc_iob(intf, 10);
		CHECK(iob != NULL);
		wb_free_iob(iob);
		break;
	case OP_SIZE_HINT:
		wb_xfer_size_hint(intf, 777);
		break;
	case OP_REDIRECT:
		wb_xfer_redirect(intf, NULL);
		break;
	case OP_PROGRESS:
		wb_job_progress(intf, &progress);
		break;
	case OP_RESOLVED:
		wb_resolv_done(intf, NULL);
		break;
	case OP_REASON:
		wb_intf_reason(intf, "why");
		break;
	case OP_CLOSE:
		wb_intf_close(intf, -ECONNRESET);
		break;
	default:
		break;
	}
}

/* How many objects' interfaces point at obj (each holds a reference).
 * all[] holds the live objects (NULL for those freed). */
static unsigned pointing_at(struct obj *obj, struct obj **all, unsigned count)
{
	unsigned i, n = 0;

	for (i = 0; i < count; i++) {
		if (all[i] && all[i]->intf.dest == &obj->intf)
			n++;
	}
	return n;
}

/* Every live object's count is exactly the test's reference plus those of
 * the interfaces plugged to it. */
static void check_counts(struct obj **all, unsigned count, const char *what)
{
	unsigned i;

	for (i = 0; i < count; i++) {
		struct obj *obj = all[i];
		unsigned want;

		if (!obj)
			continue;
		want = obj->creator_ref + pointing_at(obj, all, count);
		if (!CHECK_INT(obj->refcnt.count, want))
			printf("  (%s, object %u)\n", what, obj->id);
	}
}

/* Ends whatever is left of a case and checks nothing leaked. */
static void finish(struct obj **all, unsigned count)
{
	unsigned i;

	/* Held while we end them: one's shutdown may free another. */
	for (i = 0; i < count; i++) {
		if (all[i])
			ref_get(&all[i]->refcnt);
	}
	for (i = 0; i < count; i++) {
		if (all[i])
			wb_intf_shutdown(&all[i]->intf, 0);
	}
	for (i = 0; i < count; i++) {
		if (all[i]) {
			obj_drop(all[i]);
			ref_put(&all[i]->refcnt);
		}
	}
	CHECK_INT(live_objects, 0);
}

/* ---- plugging and references ---------------------------------------------- */

static void test_plugging(void)
{
	struct obj *a = obj_new(), *b = obj_new(), *c = obj_new();
	struct obj *all[] = { a, b, c };
	unsigned c_id;

	/* Plugging both ways: each holds the other. */
	wb_intf_plug_plug(&a->intf, &b->intf);
	CHECK(intf_is_plugged(&a->intf) && intf_is_plugged(&b->intf));
	CHECK_INT(a->refcnt.count, 2);
	CHECK_INT(b->refcnt.count, 2);

	/* A plug replaces the previous one and drops its reference. */
	wb_intf_plug(&a->intf, &c->intf);
	CHECK(a->intf.dest == &c->intf);
	CHECK_INT(b->refcnt.count, 1);
	CHECK_INT(c->refcnt.count, 2);
	check_counts(all, 3, "replug");

	/* Plugging again to the only holder of an object's last reference
	 * keeps it alive (the new reference is taken first). */
	obj_drop(c);
	CHECK_INT(c->refcnt.count, 1);
	wb_intf_plug(&a->intf, &c->intf);
	CHECK(!freed[c->id]);
	CHECK_INT(c->refcnt.count, 1);

	/* Unplugging drops it: c goes now. */
	c_id = c->id;
	wb_intf_unplug(&a->intf);
	CHECK(freed[c_id]);
	CHECK(a->intf.dest == &null_intf);
	all[2] = NULL;
	/* b still points at a. */
	CHECK_INT(a->refcnt.count, 2);
	wb_intf_unplug(&b->intf);
	CHECK_INT(a->refcnt.count, 1);
	/* Unplugging an unplugged interface changes nothing. */
	wb_intf_unplug(&b->intf);
	CHECK_INT(a->refcnt.count, 1);
	CHECK_INT(b->refcnt.count, 1);
	finish(all, 3);
}

/* ---- the null interface --------------------------------------------------- */

static void test_null_interface(void)
{
	struct obj *a = obj_new(), *quiet = obj_new();
	struct obj *all[] = { a, quiet };
	struct job_progress progress;
	struct io_buffer *iob;

	/* Deliver to nobody: -ENOTCONN and the buffer is freed (a leak would
	 * fail the run under LeakSanitizer). */
	iob = wb_alloc_iob(100);
	CHECK_INT(wb_xfer_deliver(&a->intf, iob, NULL), -ENOTCONN);
	/* Nobody accepts nothing; the rest do nothing or say no. */
	CHECK_INT(wb_xfer_window(&a->intf), 0);
	wb_xfer_window_changed(&a->intf);
	wb_xfer_size_hint(&a->intf, 777);
	CHECK_INT(wb_xfer_redirect(&a->intf, NULL), -ENOTSUP);
	memset(&progress, 0x55, sizeof(progress));
	wb_job_progress(&a->intf, &progress);
	CHECK(progress.completed == 0 && progress.total == 0 && progress.message[0] == 0);
	wb_intf_reason(&a->intf, "nobody");
	wb_resolv_done(&a->intf, NULL);
	wb_intf_close(&a->intf, -EPIPE);
	wb_intf_shutdown(&a->intf, -EPIPE);
	/* A buffer is still allocated, with no headroom asked for. */
	iob = wb_xfer_alloc_iob(&a->intf, 10);
	CHECK(iob != NULL && iob_tailroom(iob) >= 10);
	wb_free_iob(iob);
	/* The null interface itself stays what it was. */
	CHECK(null_intf.dest == &null_intf);
	CHECK(null_intf.refcnt == NULL);
	CHECK(null_intf.op == &null_intf_operations);
	for (int op = 0; op < OP_COUNT; op++)
		CHECK_INT(a->calls[op], 0);

	/* A peer with no operations of its own (nullified) behaves the
	 * same; a receiver without a window accepts everything. */
	intf_init(&a->intf, &obj_operations, &a->refcnt);
	wb_intf_plug_plug(&a->intf, &quiet->intf);
	wb_intf_nullify(&quiet->intf);
	CHECK_INT(wb_xfer_window(&a->intf), 0);
	CHECK_INT(wb_xfer_deliver(&a->intf, wb_alloc_iob(4), NULL), -ENOTCONN);
	{
		static const struct interface_operations deliver_only = {
			.deliver = obj_deliver,
		};

		quiet->intf.op = &deliver_only;
		CHECK(wb_xfer_window(&a->intf) == SIZE_MAX);
		CHECK_INT(wb_xfer_deliver(&a->intf, wb_alloc_iob(4), NULL), 0);
		CHECK_INT(quiet->calls[OP_DELIVER], 1);
		/* Without a close of its own, a closed peer lets go of us. */
		wb_intf_close(&a->intf, -EPIPE);
		CHECK(!intf_is_plugged(&quiet->intf));
		CHECK_INT(a->refcnt.count, 1);
	}
	check_counts(all, 2, "null");
	finish(all, 2);
}

/* ---- every operation, acting from inside ----------------------------------- */

/* One case: a calls op on b; b (or, for the *_PEER actions, b on a's
 * behalf) acts from inside the call. */
static void run_case(enum op op, enum action action)
{
	struct obj *a = obj_new(), *b = obj_new();
	struct obj *all[] = { a, b };
	unsigned a_id = a->id, b_id = b->id;
	bool peer_freed, callee_freed;
	unsigned a_closes, b_closes;
	char what[64];

	snprintf(what, sizeof(what), "%s/%s", op_names[op], action_names[action]);
	wb_intf_plug_plug(&a->intf, &b->intf);
	b->action_op = op;
	b->action = action;
	b->peer = a;
	invoke(&a->intf, op);
	peer_freed = freed[a_id];
	callee_freed = freed[b_id];

	/* The operation reached the callee once (close also counts the
	 * answers it got). */
	if (!callee_freed && op != OP_CLOSE && !CHECK_INT(b->calls[op], 1))
		printf("  (%s)\n", what);

	/* Who was told to close, how often: an interface shut down is told
	 * nothing; one closed hears the peer's answer. */
	switch (action) {
	case ACT_CLOSE:
		a_closes = 1;
		b_closes = 1;
		break;
	case ACT_SHUTDOWN:
	case ACT_FREE:
		a_closes = 1;
		b_closes = op == OP_CLOSE;
		break;
	case ACT_CLOSE_PEER:
		/* (Unless a had closed already: then closing it is a no-op.) */
		a_closes = op != OP_CLOSE;
		b_closes = 1;
		break;
	case ACT_FREE_PEER:
	default:
		a_closes = 0;
		b_closes = 1;
		break;
	}
	if (!peer_freed && !CHECK_INT(a->calls[OP_CLOSE], a_closes))
		printf("  (%s)\n", what);
	if (!callee_freed && !CHECK_INT(b->calls[OP_CLOSE], b_closes))
		printf("  (%s)\n", what);
	if (!callee_freed && b->calls[OP_CLOSE] && action != ACT_FREE_PEER &&
	    op != OP_CLOSE)
		CHECK_INT(b->close_rc, -EPIPE);

	/* Freed exactly when its last reference went: the callee that
	 * dropped its own at once after the call, the caller dropped
	 * from inside at once unless the callee still holds it. */
	CHECK(callee_freed == (action == ACT_FREE));
	CHECK(peer_freed == (action == ACT_FREE_PEER && op != OP_CLOSE));
	/* Whatever ended is unplugged: nothing points at a freed object,
	 * and every count matches who holds it. */
	if (!peer_freed && action != ACT_NONE)
		CHECK(!intf_is_plugged(&a->intf));
	/* (A close that does something else instead of ending leaves b
	 * plugged to the caller that closed.) */
	if (!callee_freed && !(op == OP_CLOSE && (action == ACT_FREE_PEER ||
						  action == ACT_CLOSE_PEER)))
		CHECK(!intf_is_plugged(&b->intf));
	if (peer_freed)
		all[0] = NULL;
	if (callee_freed)
		all[1] = NULL;
	check_counts(all, 2, what);
	finish(all, 2);
}

static void test_every_operation(void)
{
	int op, action;

	for (op = 0; op < OP_COUNT; op++)
		for (action = ACT_CLOSE; action < ACT_COUNT; action++)
			run_case(op, action);
}

/* The same from the other side: b calls op on a, a acts. */
static void test_both_sides(void)
{
	int op;

	for (op = 0; op < OP_COUNT; op++) {
		struct obj *a = obj_new(), *b = obj_new();
		struct obj *all[] = { a, b };
		unsigned a_id = a->id;

		wb_intf_plug_plug(&a->intf, &b->intf);
		a->action_op = op;
		a->action = ACT_FREE;
		invoke(&b->intf, op);
		CHECK(freed[a_id]);
		CHECK(!freed[b->id]);
		CHECK(!intf_is_plugged(&b->intf));
		/* b hears a's shutdown, even when b was the one closing (it
		 * closed, it did not shut down). */
		CHECK_INT(b->calls[OP_CLOSE], 1);
		CHECK_INT(b->refcnt.count, 1);
		all[0] = NULL;
		finish(all, 2);
	}
}

/* A call that is answered by a deliver back to the caller, which frees
 * itself there: both directions at once. */
static void test_answer_frees_caller(void)
{
	struct obj *a = obj_new(), *b = obj_new();
	struct obj *all[] = { a, b };
	unsigned a_id = a->id;

	wb_intf_plug_plug(&a->intf, &b->intf);
	/* b answers a's window_changed with data; a, receiving it, frees
	 * itself. */
	a->action_op = OP_DELIVER;
	a->action = ACT_FREE;
	b->action_op = OP_WINDOW_CHANGED;
	b->action = ACT_NONE;
	{
		/* b's reaction, done by hand: deliver to a from inside. */
		wb_xfer_window_changed(&a->intf);
		CHECK_INT(b->calls[OP_WINDOW_CHANGED], 1);
		CHECK_INT(wb_xfer_deliver(&b->intf, wb_alloc_iob(8), NULL), 0);
	}
	CHECK(freed[a_id]);
	CHECK(!intf_is_plugged(&b->intf));
	CHECK_INT(b->calls[OP_CLOSE], 1);
	CHECK_INT(b->refcnt.count, 1);
	all[0] = NULL;
	finish(all, 2);
}

/* ---- passthru --------------------------------------------------------------- */

/* A filter between two objects: it handles close on both sides (ending
 * both ways) and passes everything else on to the other side. */
struct filter {
	struct refcnt refcnt;
	struct interface up, down;
	bool *freed;
};

static unsigned filter_closes;

static void filter_free(struct refcnt *refcnt)
{
	struct filter *f = container_of(refcnt, struct filter, refcnt);

	CHECK(!*f->freed);
	*f->freed = true;
	live_objects--;
	free(f);
}

static struct interface *filter_up_passthru(struct interface *intf)
{
	return &container_of(intf, struct filter, up)->down;
}

static struct interface *filter_down_passthru(struct interface *intf)
{
	return &container_of(intf, struct filter, down)->up;
}

static void filter_up_close(struct interface *intf, int rc)
{
	struct filter *f = container_of(intf, struct filter, up);

	filter_closes++;
	wb_intf_shutdown(&f->up, rc);
	wb_intf_shutdown(&f->down, rc);
}

static void filter_down_close(struct interface *intf, int rc)
{
	struct filter *f = container_of(intf, struct filter, down);

	filter_closes++;
	wb_intf_shutdown(&f->down, rc);
	wb_intf_shutdown(&f->up, rc);
}

static const struct interface_operations filter_up_operations = {
	.close = filter_up_close,
	.passthru = filter_up_passthru,
};

static const struct interface_operations filter_down_operations = {
	.close = filter_down_close,
	.passthru = filter_down_passthru,
};

/* Held only by what it is plugged to (the creator's reference is
 * dropped by the caller once plugged). */
static struct filter *filter_new(bool *freed_flag)
{
	struct filter *f = calloc(1, sizeof(*f));

	ref_init(&f->refcnt, filter_free);
	intf_init(&f->up, &filter_up_operations, &f->refcnt);
	intf_init(&f->down, &filter_down_operations, &f->refcnt);
	f->freed = freed_flag;
	*freed_flag = false;
	live_objects++;
	return f;
}

static void test_passthru(void)
{
	struct obj *a = obj_new(), *c = obj_new();
	struct obj *all[] = { a, c };
	bool f_freed, g_freed, h_freed, k_freed;
	struct filter *f = filter_new(&f_freed), *g, *h, *k;
	struct job_progress progress;
	int op;

	/* a - f - c: what f does not handle reaches c, and back. */
	wb_intf_plug_plug(&a->intf, &f->up);
	wb_intf_plug_plug(&f->down, &c->intf);
	ref_put(&f->refcnt);
	CHECK_INT(f->refcnt.count, 2);
	CHECK_INT(wb_xfer_deliver(&a->intf, wb_alloc_iob(8), NULL), 0);
	CHECK_INT(c->calls[OP_DELIVER], 1);
	CHECK_INT(wb_xfer_window(&a->intf), 1234);
	CHECK_INT(c->calls[OP_WINDOW], 1);
	wb_job_progress(&a->intf, &progress);
	CHECK(progress.completed == 42);
	wb_intf_reason(&a->intf, "through");
	CHECK_STR(c->reason, "through");
	CHECK_INT(wb_xfer_deliver(&c->intf, wb_alloc_iob(8), NULL), 0);
	CHECK_INT(a->calls[OP_DELIVER], 1);
	/* The lookups' references were dropped again. */
	CHECK_INT(f->refcnt.count, 2);
	CHECK_INT(c->refcnt.count, 2);
	CHECK_INT(a->refcnt.count, 2);

	/* Close is f's own: it ends both ways, and goes (its plugs were its
	 * last references) from inside the call. */
	filter_closes = 0;
	wb_intf_close(&c->intf, -EPIPE);
	CHECK_INT(filter_closes, 1);
	CHECK(f_freed);
	CHECK_INT(a->calls[OP_CLOSE], 1);
	CHECK_INT(a->close_rc, -EPIPE);
	CHECK(!intf_is_plugged(&a->intf) && !intf_is_plugged(&c->intf));
	check_counts(all, 2, "passthru close");
	finish(all, 2);

	/* a - f - g - c: every operation but close goes through both. */
	a = obj_new();
	c = obj_new();
	all[0] = a;
	all[1] = c;
	f = filter_new(&f_freed);
	g = filter_new(&g_freed);
	wb_intf_plug_plug(&a->intf, &f->up);
	wb_intf_plug_plug(&f->down, &g->up);
	wb_intf_plug_plug(&g->down, &c->intf);
	ref_put(&f->refcnt);
	ref_put(&g->refcnt);
	for (op = 0; op < OP_CLOSE; op++) {
		invoke(&a->intf, op);
		CHECK_INT(c->calls[op], 1);
		CHECK_INT(a->calls[op], 0);
	}
	/* c closes from inside data that came through both filters: they
	 * end, and go, while the call is still under way. */
	c->action_op = OP_DELIVER;
	c->action = ACT_CLOSE;
	CHECK_INT(wb_xfer_deliver(&a->intf, wb_alloc_iob(8), NULL), 0);
	CHECK(f_freed && g_freed);
	CHECK_INT(a->calls[OP_CLOSE], 1);
	CHECK_INT(c->calls[OP_CLOSE], 1);
	check_counts(all, 2, "passthru chain");
	finish(all, 2);

	/* A loop of filters ends the search (nobody found: the data is
	 * dropped) instead of spinning. */
	a = obj_new();
	all[0] = a;
	all[1] = NULL;
	h = filter_new(&h_freed);
	k = filter_new(&k_freed);
	wb_intf_plug_plug(&h->down, &k->up);
	wb_intf_plug_plug(&k->down, &h->up);
	wb_intf_plug(&a->intf, &h->up);
	CHECK_INT(wb_xfer_deliver(&a->intf, wb_alloc_iob(8), NULL), -ENOTCONN);
	CHECK_INT(wb_xfer_window(&a->intf), 0);
	/* Ours, k's two plugs and a's: the searches took none for good. */
	CHECK_INT(h->refcnt.count, 4);
	CHECK_INT(k->refcnt.count, 3);
	wb_intf_unplug(&a->intf);
	wb_intf_unplug(&h->down);
	wb_intf_unplug(&h->up);
	wb_intf_unplug(&k->down);
	wb_intf_unplug(&k->up);
	ref_put(&h->refcnt);
	ref_put(&k->refcnt);
	CHECK(h_freed && k_freed);
	finish(all, 2);
}

/* ---- restart ------------------------------------------------------------------ */

static void test_restart(void)
{
	struct obj *a = obj_new(), *b = obj_new(), *d = obj_new();
	struct obj *all[] = { a, b, d };

	wb_intf_plug_plug(&a->intf, &b->intf);
	wb_intf_restart(&a->intf, -ECANCELED);
	/* b was told, a heard nothing back and is ready again. */
	CHECK_INT(b->calls[OP_CLOSE], 1);
	CHECK_INT(b->close_rc, -ECANCELED);
	CHECK_INT(a->calls[OP_CLOSE], 0);
	CHECK(!intf_is_plugged(&a->intf) && !intf_is_plugged(&b->intf));
	CHECK(a->intf.op == &obj_operations);
	check_counts(all, 3, "restart");
	/* Reused with another peer: its operations work. */
	wb_intf_plug_plug(&a->intf, &d->intf);
	CHECK_INT(wb_xfer_deliver(&d->intf, wb_alloc_iob(8), NULL), 0);
	CHECK_INT(a->calls[OP_DELIVER], 1);
	wb_intf_close(&d->intf, 0);
	CHECK_INT(a->calls[OP_CLOSE], 1);

	/* Shut down instead, it would stay inert. */
	wb_intf_plug_plug(&a->intf, &d->intf);
	wb_intf_shutdown(&a->intf, 0);
	wb_intf_plug_plug(&a->intf, &d->intf);
	CHECK_INT(wb_xfer_deliver(&d->intf, wb_alloc_iob(8), NULL), -ENOTCONN);
	CHECK_INT(a->calls[OP_DELIVER], 1);
	check_counts(all, 3, "shutdown");
	finish(all, 3);
}

int main(void)
{
	test_plugging();
	test_null_interface();
	test_every_operation();
	test_both_sides();
	test_answer_frees_caller();
	test_passthru();
	test_restart();
	wb_iob_cache_flush();
	CHECK_INT(live_objects, 0);
	return unit_finish();
}
