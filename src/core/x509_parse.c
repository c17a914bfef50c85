/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A reader of the outline of DER X.509 certificates (see wireboot/x509.h).
 *
 * DER is tag, length, value; every element is checked against what
 * encloses it, lengths are definite and at most four bytes long, and the
 * certificate must be exactly the bytes given. Only the fields before the
 * subject's key are read: the version ([0], optional), the serial number,
 * the signature algorithm, the issuer, the validity and the subject.
 */

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <wireboot/x509.h>

#define DER_INTEGER 0x02
#define DER_OID 0x06
#define DER_UTF8 0x0c
#define DER_PRINTABLE 0x13
#define DER_T61 0x14
#define DER_IA5 0x16
#define DER_UTCTIME 0x17
#define DER_GENTIME 0x18
#define DER_BMP 0x1e
#define DER_SEQUENCE 0x30
#define DER_SET 0x31
#define DER_EXPLICIT0 0xa0

struct der {
	const uint8_t *pos, *end;
};

struct der_item {
	uint8_t tag;
	const uint8_t *data;	/* the value */
	size_t len;
	const uint8_t *start;	/* the tag */
};

/* Takes the next element; -EINVAL when it does not fit. */
static int der_take(struct der *der, struct der_item *item)
{
	size_t left = (size_t)(der->end - der->pos);
	size_t len, header = 2;

	if (left < 2)
		return -EINVAL;
	item->start = der->pos;
	item->tag = der->pos[0];
	if ((item->tag & 0x1f) == 0x1f)
		return -EINVAL;	/* high tag numbers: not in certificates */
	len = der->pos[1];
	if (len & 0x80) {
		unsigned count = len & 0x7f, i;

		if (count == 0 || count > 4 || left < 2 + count)
			return -EINVAL;
		len = 0;
		for (i = 0; i < count; i++)
			len = len << 8 | der->pos[2 + i];
		header += count;
	}
	if (len > left - header)
		return -EINVAL;
	item->data = der->pos + header;
	item->len = len;
	der->pos = item->data + len;
	return 0;
}

static int der_expect(struct der *der, uint8_t tag, struct der_item *item)
{
	int rc = der_take(der, item);

	return rc ? rc : item->tag == tag ? 0 : -EINVAL;
}

static void der_enter(struct der *inner, const struct der_item *item)
{
	inner->pos = item->data;
	inner->end = item->data + item->len;
}

static int digits(const uint8_t *text, unsigned count, unsigned *value)
{
	unsigned i;

	*value = 0;
	for (i = 0; i < count; i++) {
		if (text[i] < '0' || text[i] > '9')
			return -EINVAL;
		*value = *value * 10 + (unsigned)(text[i] - '0');
	}
	return 0;
}

/* UTCTime YYMMDDHHMMSSZ (years 50-99 are 19xx) or GeneralizedTime
 * YYYYMMDDHHMMSSZ, the forms RFC 5280 allows. */
static int parse_time(const struct der_item *item, struct x509_time *time)
{
	unsigned year_len = item->tag == DER_UTCTIME ? 2 : 4;
	unsigned year, month, day, hour, minute, second;
	const uint8_t *t = item->data;

	if ((item->tag != DER_UTCTIME && item->tag != DER_GENTIME) ||
	    item->len != year_len + 11 || t[item->len - 1] != 'Z')
		return -EINVAL;
	if (digits(t, year_len, &year) || digits(t + year_len, 2, &month) ||
	    digits(t + year_len + 2, 2, &day) ||
	    digits(t + year_len + 4, 2, &hour) ||
	    digits(t + year_len + 6, 2, &minute) ||
	    digits(t + year_len + 8, 2, &second))
		return -EINVAL;
	if (year_len == 2)
		year += year < 50 ? 2000 : 1900;
	if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 ||
	    minute > 59 || second > 60)
		return -EINVAL;
	time->year = (uint16_t)year;
	time->month = (uint8_t)month;
	time->day = (uint8_t)day;
	time->hour = (uint8_t)hour;
	time->minute = (uint8_t)minute;
	time->second = (uint8_t)second;
	return 0;
}

/* Checks a Name: a SEQUENCE of SETs of SEQUENCE { OID, value }. */
typedef void (*attribute_fn)(const struct der_item *oid,
			     const struct der_item *value, void *ctx);

static int name_walk(const uint8_t *name, size_t len, attribute_fn fn,
		     void *ctx)
{
	struct der outer = { name, name + len }, rdns, set, attr;
	struct der_item item, rdn, pair, oid, value;

	if (der_expect(&outer, DER_SEQUENCE, &item) || outer.pos != outer.end)
		return -EINVAL;
	der_enter(&rdns, &item);
	while (rdns.pos < rdns.end) {
		if (der_expect(&rdns, DER_SET, &rdn))
			return -EINVAL;
		der_enter(&set, &rdn);
		while (set.pos < set.end) {
			if (der_expect(&set, DER_SEQUENCE, &pair))
				return -EINVAL;
			der_enter(&attr, &pair);
			if (der_expect(&attr, DER_OID, &oid) ||
			    der_take(&attr, &value) || attr.pos != attr.end)
				return -EINVAL;
			if (fn)
				fn(&oid, &value, ctx);
		}
	}
	return 0;
}

int x509_outline(const uint8_t *der, size_t len, struct x509_outline *out)
{
	struct der whole = { der, der + len }, cert, tbs, validity;
	struct der_item item, field;

	memset(out, 0, sizeof(*out));
	if (der_expect(&whole, DER_SEQUENCE, &item) || whole.pos != whole.end)
		return -EINVAL;
	der_enter(&cert, &item);
	if (der_expect(&cert, DER_SEQUENCE, &item))
		return -EINVAL;
	der_enter(&tbs, &item);
	if (der_take(&tbs, &field))
		return -EINVAL;
	if (field.tag == DER_EXPLICIT0 && der_take(&tbs, &field))
		return -EINVAL;
	if (field.tag != DER_INTEGER ||
	    der_expect(&tbs, DER_SEQUENCE, &field) ||
	    der_expect(&tbs, DER_SEQUENCE, &field))
		return -EINVAL;
	out->issuer = field.start;
	out->issuer_len = (size_t)(field.data + field.len - field.start);
	if (der_expect(&tbs, DER_SEQUENCE, &field))
		return -EINVAL;
	der_enter(&validity, &field);
	if (der_take(&validity, &item) || parse_time(&item, &out->not_before) ||
	    der_take(&validity, &item) || parse_time(&item, &out->not_after) ||
	    validity.pos != validity.end)
		return -EINVAL;
	if (der_expect(&tbs, DER_SEQUENCE, &field))
		return -EINVAL;
	out->subject = field.start;
	out->subject_len = (size_t)(field.data + field.len - field.start);
	if (name_walk(out->issuer, out->issuer_len, NULL, NULL) ||
	    name_walk(out->subject, out->subject_len, NULL, NULL))
		return -EINVAL;
	/* The signature algorithm and the signature follow the TBS part. */
	if (der_expect(&cert, DER_SEQUENCE, &item) || der_take(&cert, &item) ||
	    item.tag != 0x03 || cert.pos != cert.end)
		return -EINVAL;
	return 0;
}

/* The attributes shown, by the last byte of their OID 2.5.4.x. */
static const char *attribute_label(const struct der_item *oid)
{
	static const struct {
		uint8_t id;
		const char *label;
	} labels[] = {
		{ 3, "CN" }, { 6, "C" }, { 7, "L" }, { 8, "ST" },
		{ 10, "O" }, { 11, "OU" },
	};
	size_t i;

	if (oid->len != 3 || oid->data[0] != 0x55 || oid->data[1] != 0x04)
		return NULL;
	for (i = 0; i < sizeof(labels) / sizeof(labels[0]); i++)
		if (labels[i].id == oid->data[2])
			return labels[i].label;
	return NULL;
}

struct name_text {
	char *buf;
	size_t size, used;
	const char *only;	/* only this label, value alone, last wins */
	int found;
};

static void put(struct name_text *text, char c)
{
	if (text->used + 1 < text->size) {
		text->buf[text->used] = c;
		text->buf[text->used + 1] = '\0';
	}
	text->used++;
}

/* String values as text: one byte per character (BMPString: two, of
 * which the low one), anything outside printable ASCII as '?'. */
static void put_value(struct name_text *text, const struct der_item *value)
{
	size_t step = value->tag == DER_BMP ? 2 : 1, i;

	for (i = step - 1; i < value->len; i += step) {
		uint8_t c = value->data[i];

		put(text, c >= 0x20 && c < 0x7f ? (char)c : '?');
	}
}

static void add_attribute(const struct der_item *oid,
			  const struct der_item *value, void *ctx)
{
	struct name_text *text = ctx;
	const char *label = attribute_label(oid);

	if (!label)
		return;
	if (text->only) {
		if (strcmp(label, text->only))
			return;
		text->used = 0;
		if (text->size)
			text->buf[0] = '\0';
		text->found = 1;
		put_value(text, value);
		return;
	}
	if (text->used) {
		put(text, ',');
		put(text, ' ');
	}
	while (*label)
		put(text, *label++);
	put(text, '=');
	put_value(text, value);
}

static int name_text(const uint8_t *name, size_t len, char *buf, size_t size,
		     const char *only)
{
	struct name_text text = { buf, size, 0, only, 0 };

	if (size)
		buf[0] = '\0';
	if (name_walk(name, len, add_attribute, &text))
		return -EINVAL;
	if (only && !text.found)
		return -ENOENT;
	return (int)text.used;
}

int x509_name_format(const uint8_t *name, size_t len, char *buf, size_t size)
{
	return name_text(name, len, buf, size, NULL);
}

int x509_name_cn(const uint8_t *name, size_t len, char *buf, size_t size)
{
	return name_text(name, len, buf, size, "CN");
}

void x509_time_format(const struct x509_time *time, char buf[X509_TIME_TEXT])
{
	snprintf(buf, X509_TIME_TEXT, "%04u-%02u-%02u %02u:%02u:%02u",
		 time->year, time->month, time->day, time->hour, time->minute,
		 time->second);
}
