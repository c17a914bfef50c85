/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * printf-style formatting, shared by every output path: one formatter writes
 * characters into a sink, and the sinks decide where they go (a bounded
 * buffer for snprintf, the console for printf).
 *
 * Supported: flags "-+ #0", field width and precision (numbers or '*'),
 * length modifiers hh h l ll z t j, conversions d i u o x X c s p %.
 * Floating point is deliberately absent: firmware never prints it, and the
 * image is built without FPU registers.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <ctype.h>
#include <limits.h>
#include <wireboot/format.h>

#define FLAG_LEFT 0x01
#define FLAG_PLUS 0x02
#define FLAG_SPACE 0x04
#define FLAG_ALT 0x08
#define FLAG_ZERO 0x10
#define FLAG_UPPER 0x20

struct format_spec {
	unsigned flags;
	int width;
	int precision;	/* -1: none given */
	unsigned base;
};

static void emit(struct format_sink *sink, char c)
{
	sink->emit(sink, c);
	sink->count++;
}

static void emit_repeat(struct format_sink *sink, char c, int count)
{
	while (count-- > 0)
		emit(sink, c);
}

static void format_string(struct format_sink *sink,
			  const struct format_spec *spec, const char *s)
{
	size_t len;
	int pad;

	if (!s)
		s = "(null)";
	len = spec->precision >= 0 ? strnlen(s, (size_t)spec->precision) :
				     strlen(s);
	pad = spec->width > (int)len ? spec->width - (int)len : 0;
	if (!(spec->flags & FLAG_LEFT))
		emit_repeat(sink, ' ', pad);
	while (len--)
		emit(sink, *s++);
	if (spec->flags & FLAG_LEFT)
		emit_repeat(sink, ' ', pad);
}

static void format_number(struct format_sink *sink,
			  const struct format_spec *spec,
			  unsigned long long value, int negative)
{
	static const char lower[] = "0123456789abcdef";
	static const char upper[] = "0123456789ABCDEF";
	const char *digits = (spec->flags & FLAG_UPPER) ? upper : lower;
	char buf[24];	/* 22 octal digits cover 64 bits */
	const char *prefix = "";
	int len = 0, zeros = 0, pad;

	while (value) {
		buf[len++] = digits[value % spec->base];
		value /= spec->base;
	}
	/* A precision sets the minimum digit count; "%.0d" of 0 prints none. */
	if (spec->precision >= 0)
		zeros = spec->precision > len ? spec->precision - len : 0;
	else if (len == 0)
		zeros = 1;

	if (negative)
		prefix = "-";
	else if (spec->flags & FLAG_PLUS)
		prefix = "+";
	else if (spec->flags & FLAG_SPACE)
		prefix = " ";
	else if ((spec->flags & FLAG_ALT) && spec->base == 16 && len)
		prefix = (spec->flags & FLAG_UPPER) ? "0X" : "0x";
	else if ((spec->flags & FLAG_ALT) && spec->base == 8 && zeros == 0)
		zeros = 1;

	pad = spec->width - (int)strlen(prefix) - zeros - len;
	if (pad < 0)
		pad = 0;
	/* Zero padding applies only without a precision, as in C. */
	if ((spec->flags & FLAG_ZERO) && !(spec->flags & FLAG_LEFT) &&
	    spec->precision < 0) {
		zeros += pad;
		pad = 0;
	}
	if (!(spec->flags & FLAG_LEFT))
		emit_repeat(sink, ' ', pad);
	while (*prefix)
		emit(sink, *prefix++);
	emit_repeat(sink, '0', zeros);
	while (len)
		emit(sink, buf[--len]);
	if (spec->flags & FLAG_LEFT)
		emit_repeat(sink, ' ', pad);
}

enum length_modifier { LEN_INT, LEN_CHAR, LEN_SHORT, LEN_LONG, LEN_LLONG,
		       LEN_SIZE, LEN_PTRDIFF, LEN_MAX };

static const char *parse_length(const char *p, enum length_modifier *length)
{
	*length = LEN_INT;
	switch (*p) {
	case 'h':
		if (p[1] == 'h') {
			*length = LEN_CHAR;
			return p + 2;
		}
		*length = LEN_SHORT;
		return p + 1;
	case 'l':
		if (p[1] == 'l') {
			*length = LEN_LLONG;
			return p + 2;
		}
		*length = LEN_LONG;
		return p + 1;
	case 'z':
		*length = LEN_SIZE;
		return p + 1;
	case 't':
		*length = LEN_PTRDIFF;
		return p + 1;
	case 'j':
		*length = LEN_MAX;
		return p + 1;
	default:
		return p;
	}
}

static long long signed_arg(va_list *args, enum length_modifier length)
{
	switch (length) {
	case LEN_CHAR: return (signed char)va_arg(*args, int);
	case LEN_SHORT: return (short)va_arg(*args, int);
	case LEN_LONG: return va_arg(*args, long);
	case LEN_LLONG: return va_arg(*args, long long);
	case LEN_SIZE: return (long long)va_arg(*args, size_t);
	case LEN_PTRDIFF: return va_arg(*args, ptrdiff_t);
	case LEN_MAX: return va_arg(*args, intmax_t);
	default: return va_arg(*args, int);
	}
}

static unsigned long long unsigned_arg(va_list *args,
				       enum length_modifier length)
{
	switch (length) {
	case LEN_CHAR: return (unsigned char)va_arg(*args, unsigned int);
	case LEN_SHORT: return (unsigned short)va_arg(*args, unsigned int);
	case LEN_LONG: return va_arg(*args, unsigned long);
	case LEN_LLONG: return va_arg(*args, unsigned long long);
	case LEN_SIZE: return va_arg(*args, size_t);
	case LEN_PTRDIFF: return (unsigned long long)va_arg(*args, ptrdiff_t);
	case LEN_MAX: return va_arg(*args, uintmax_t);
	default: return va_arg(*args, unsigned int);
	}
}

/* Reads a width or precision: digits, or '*' taking an int argument. */
static const char *parse_count(const char *p, va_list *args, int *count)
{
	if (*p == '*') {
		*count = va_arg(*args, int);
		return p + 1;
	}
	*count = 0;
	while (isdigit((unsigned char)*p)) {
		if (*count < INT_MAX / 10)
			*count = *count * 10 + (*p - '0');
		p++;
	}
	return p;
}

static void format(struct format_sink *sink, const char *fmt, va_list *args);

int format_to_sink(struct format_sink *sink, const char *fmt, va_list args)
{
	va_list copy;

	va_copy(copy, args);
	format(sink, fmt, &copy);
	va_end(copy);
	return sink->count > INT_MAX ? INT_MAX : (int)sink->count;
}

static void format(struct format_sink *sink, const char *fmt, va_list *args)
{
	const char *p = fmt;

	while (*p) {
		struct format_spec spec = { .precision = -1, .base = 10 };
		enum length_modifier length;
		char c;

		if (*p != '%') {
			emit(sink, *p++);
			continue;
		}
		p++;
		for (;; p++) {
			if (*p == '-') spec.flags |= FLAG_LEFT;
			else if (*p == '+') spec.flags |= FLAG_PLUS;
			else if (*p == ' ') spec.flags |= FLAG_SPACE;
			else if (*p == '#') spec.flags |= FLAG_ALT;
			else if (*p == '0') spec.flags |= FLAG_ZERO;
			else break;
		}
		p = parse_count(p, args, &spec.width);
		if (spec.width < 0) {
			spec.flags |= FLAG_LEFT;
			spec.width = spec.width == INT_MIN ? 0 : -spec.width;
		}
		if (*p == '.') {
			p = parse_count(p + 1, args, &spec.precision);
			if (spec.precision < 0)
				spec.precision = -1;
		}
		p = parse_length(p, &length);

		c = *p;
		if (c)
			p++;
		switch (c) {
		case 'd':
		case 'i': {
			long long value = signed_arg(args, length);
			unsigned long long magnitude =
				value < 0 ? 0ULL - (unsigned long long)value :
					    (unsigned long long)value;
			format_number(sink, &spec, magnitude, value < 0);
			break;
		}
		case 'X':
			spec.flags |= FLAG_UPPER;
			/* fall through */
		case 'x':
			spec.base = 16;
			format_number(sink, &spec, unsigned_arg(args, length), 0);
			break;
		case 'o':
			spec.base = 8;
			format_number(sink, &spec, unsigned_arg(args, length), 0);
			break;
		case 'u':
			format_number(sink, &spec, unsigned_arg(args, length), 0);
			break;
		case 'p': {
			void *ptr = va_arg(*args, void *);
			spec.base = 16;
			spec.flags |= FLAG_ALT;
			if (ptr)
				format_number(sink, &spec, (uintptr_t)ptr, 0);
			else
				format_string(sink, &spec, "(nil)");
			break;
		}
		case 'c': {
			char ch[2] = { (char)va_arg(*args, int), '\0' };
			int pad = spec.width > 1 ? spec.width - 1 : 0;
			if (!(spec.flags & FLAG_LEFT))
				emit_repeat(sink, ' ', pad);
			emit(sink, ch[0]);
			if (spec.flags & FLAG_LEFT)
				emit_repeat(sink, ' ', pad);
			break;
		}
		case 's':
			format_string(sink, &spec, va_arg(*args, const char *));
			break;
		case '%':
			emit(sink, '%');
			break;
		default:
			/* Unknown conversion: show it literally so the mistake
			 * is visible rather than consuming an argument. */
			emit(sink, '%');
			if (c)
				emit(sink, c);
			break;
		}
	}
}

struct buffer_sink {
	struct format_sink sink;
	char *buf;
	size_t size;
};

static void buffer_emit(struct format_sink *sink, char c)
{
	struct buffer_sink *buffer = container_of(sink, struct buffer_sink, sink);

	if (sink->count + 1 < buffer->size)
		buffer->buf[sink->count] = c;
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	struct buffer_sink buffer = {
		.sink = { .emit = buffer_emit }, .buf = buf, .size = size,
	};
	int len = format_to_sink(&buffer.sink, fmt, args);

	if (size)
		buf[buffer.sink.count < size ? buffer.sink.count : size - 1] = '\0';
	return len;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int len;

	va_start(args, fmt);
	len = vsnprintf(buf, size, fmt, args);
	va_end(args);
	return len;
}

int asprintf(char **strp, const char *fmt, ...)
{
	va_list args;
	int len;

	va_start(args, fmt);
	len = vsnprintf(NULL, 0, fmt, args);
	va_end(args);
	*strp = malloc((size_t)len + 1);
	if (!*strp)
		return -1;
	va_start(args, fmt);
	vsnprintf(*strp, (size_t)len + 1, fmt, args);
	va_end(args);
	return len;
}
