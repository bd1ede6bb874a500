/* Reading a LAVA job's log: each line one YAML flow mapping {dt, lvl, msg}
 * as LAVA's logger dumps it (lava_common/log.py: every scalar double-quoted,
 * numbers tagged, non-ASCII escaped), "- " before it in a server's copy.
 * Only what a line of that shape can hold is read: flow mappings and
 * sequences, double- and single-quoted and plain scalars, tags; anything
 * else is an error naming the line.  The lines that matter are the
 * device's output (lvl "target"), where lava/run.sh prints the report
 * between its markers, and the per-case results (lvl "results"). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "canon.h"
#include "lava.h"
#include "report.h"

#define BEGIN "msync-lava: report begin "
#define END "msync-lava: report end"
#define PREFIX "msync| "

/* A flow mapping's string values, kept; nested values are only checked. */
#define MAXPAIRS 32
struct pairs {
	int n;
	char *key[MAXPAIRS], *val[MAXPAIRS];
};

struct ypos {
	const char *p, *end;
	const char *name;
	unsigned long line;
	struct err *e;
};

static int
ybad(struct ypos *y, const char *why)
{
	return errf(y->e, "%s:%lu: not a LAVA log line: %s", y->name, y->line,
	    why);
}

static void
skip_ws(struct ypos *y)
{
	while (y->p < y->end && (*y->p == ' ' || *y->p == '\t'))
		y->p++;
}

static void
put_utf8(struct sbuf *b, unsigned long c)
{
	char u[4];
	size_t n;
	if (c < 0x80) {
		u[0] = (char)c; n = 1;
	} else if (c < 0x800) {
		u[0] = (char)(0xc0 | c >> 6); u[1] = (char)(0x80 | (c & 0x3f)); n = 2;
	} else if (c < 0x10000) {
		u[0] = (char)(0xe0 | c >> 12); u[1] = (char)(0x80 | (c >> 6 & 0x3f));
		u[2] = (char)(0x80 | (c & 0x3f)); n = 3;
	} else {
		u[0] = (char)(0xf0 | c >> 18); u[1] = (char)(0x80 | (c >> 12 & 0x3f));
		u[2] = (char)(0x80 | (c >> 6 & 0x3f)); u[3] = (char)(0x80 | (c & 0x3f));
		n = 4;
	}
	sb_add(b, u, n);
}

static int
hexval(struct ypos *y, int digits, unsigned long *c)
{
	*c = 0;
	for (int i = 0; i < digits; i++, y->p++) {
		if (y->p >= y->end)
			return ybad(y, "a short \\x, \\u or \\U escape");
		char h = *y->p;
		int d = h >= '0' && h <= '9' ? h - '0'
		    : h >= 'a' && h <= 'f' ? h - 'a' + 10
		    : h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
		if (d < 0)
			return ybad(y, "a bad hexadecimal escape");
		*c = *c << 4 | (unsigned long)d;
	}
	return 0;
}

/* A double-quoted scalar, y->p at its opening quote. */
static int
dquoted(struct ypos *y, struct sbuf *b)
{
	static const char from[] = "0abtnvfre \"/\\N_LP\t";
	static const char *const to[] = { "\0", "\a", "\b", "\t", "\n", "\v",
	    "\f", "\r", "\033", " ", "\"", "/", "\\", "\xc2\x85", "\xc2\xa0",
	    "\xe2\x80\xa8", "\xe2\x80\xa9", "\t" };
	y->p++;
	while (y->p < y->end && *y->p != '"') {
		if (*y->p != '\\') {
			sb_putc(b, *y->p++);
			continue;
		}
		if (++y->p >= y->end)
			break;
		char c = *y->p++;
		unsigned long u;
		const char *k = c ? strchr(from, c) : NULL;
		if (c == 'x' || c == 'u' || c == 'U') {
			if (hexval(y, c == 'x' ? 2 : c == 'u' ? 4 : 8, &u) != 0)
				return -1;
			put_utf8(b, u);
		} else if (k != NULL) {
			const char *t = to[k - from];
			sb_add(b, t, *t ? strlen(t) : 1);
		} else {
			return ybad(y, "an unknown escape in a double-quoted scalar");
		}
	}
	if (y->p >= y->end)
		return ybad(y, "an unterminated double-quoted scalar");
	y->p++;
	return 0;
}

static int
squoted(struct ypos *y, struct sbuf *b)
{
	y->p++;
	for (;;) {
		if (y->p >= y->end)
			return ybad(y, "an unterminated single-quoted scalar");
		if (*y->p == '\'') {
			if (y->p + 1 < y->end && y->p[1] == '\'') {
				sb_putc(b, '\'');
				y->p += 2;
				continue;
			}
			y->p++;
			return 0;
		}
		sb_putc(b, *y->p++);
	}
}

static int value(struct ypos *y, struct sbuf *str, int *is_str,
    struct pairs *pairs, int depth);

/* A flow mapping or sequence, y->p at its opening bracket; pairs, if not
 * NULL, gets a mapping's scalar values by key. */
static int
collection(struct ypos *y, struct pairs *pairs, int depth)
{
	char close = *y->p == '{' ? '}' : ']';
	int map = close == '}';
	if (depth > 8)
		return ybad(y, "nested too deep");
	y->p++;
	skip_ws(y);
	if (y->p < y->end && *y->p == close) {
		y->p++;
		return 0;
	}
	for (;;) {
		struct sbuf key = {0}, val = {0};
		int key_str = 0, val_str = 0;
		skip_ws(y);
		if (value(y, &key, &key_str, NULL, depth + 1) != 0)
			goto fail;
		skip_ws(y);
		if (map) {
			if (y->p >= y->end || *y->p != ':') {
				ybad(y, "a mapping key without ':'");
				goto fail;
			}
			y->p++;
			skip_ws(y);
			if (value(y, &val, &val_str, NULL, depth + 1) != 0)
				goto fail;
			if (pairs && key_str && val_str && pairs->n < MAXPAIRS) {
				pairs->key[pairs->n] = xstrdup(key.p ? key.p : "");
				pairs->val[pairs->n++] = xstrdup(val.p ? val.p : "");
			}
			skip_ws(y);
		}
		sb_free(&key);
		sb_free(&val);
		if (y->p < y->end && *y->p == ',') {
			y->p++;
			continue;
		}
		if (y->p < y->end && *y->p == close) {
			y->p++;
			return 0;
		}
		return ybad(y, map ? "a mapping without '}'" : "a sequence without ']'");
fail:
		sb_free(&key);
		sb_free(&val);
		return -1;
	}
}

/* Any value; a scalar's text goes to str (*is_str set), a mapping's
 * scalar values to pairs. */
static int
value(struct ypos *y, struct sbuf *str, int *is_str, struct pairs *pairs,
    int depth)
{
	*is_str = 0;
	if (y->p < y->end && *y->p == '!') {    /* a tag: ! "581", !!int "1" */
		while (y->p < y->end && *y->p != ' ')
			y->p++;
		skip_ws(y);
	}
	if (y->p >= y->end)
		return ybad(y, "a value missing");
	if (*y->p == '{' || *y->p == '[')
		return collection(y, *y->p == '{' ? pairs : NULL, depth);
	*is_str = 1;
	sb_add(str, "", 0);
	str->len = 0;
	if (*y->p == '"')
		return dquoted(y, str);
	if (*y->p == '\'')
		return squoted(y, str);
	/* A plain scalar: up to the next indicator of flow context. */
	const char *s = y->p;
	while (y->p < y->end && !strchr(",:]}", *y->p))
		y->p++;
	const char *t = y->p;
	while (t > s && t[-1] == ' ')
		t--;
	if (t == s)
		return ybad(y, "an empty plain scalar");
	sb_add(str, s, (size_t)(t - s));
	return 0;
}

static void
pairs_free(struct pairs *p)
{
	for (int i = 0; i < p->n; i++) {
		free(p->key[i]);
		free(p->val[i]);
	}
	p->n = 0;
}

static const char *
pair(const struct pairs *p, const char *key)
{
	for (int i = 0; i < p->n; i++)
		if (strcmp(p->key[i], key) == 0)
			return p->val[i];
	return NULL;
}

/* One log line: its lvl, and msg as text (a string) or as pairs. */
struct entry {
	struct pairs top, msg;
	struct sbuf text;
	int msg_is_str;
};

static int
parse_line(struct ypos *y, struct entry *en)
{
	memset(en, 0, sizeof *en);
	skip_ws(y);
	if (y->p >= y->end || *y->p != '{')
		return ybad(y, "not a flow mapping");
	y->p++;
	for (;;) {
		struct sbuf key = {0};
		int key_str, val_str;
		skip_ws(y);
		if (value(y, &key, &key_str, NULL, 1) != 0) {
			sb_free(&key);
			return -1;
		}
		skip_ws(y);
		if (y->p >= y->end || *y->p != ':') {
			sb_free(&key);
			return ybad(y, "a mapping key without ':'");
		}
		y->p++;
		skip_ws(y);
		int is_msg = key_str && key.p && strcmp(key.p, "msg") == 0;
		struct sbuf val = {0};
		int rc = value(y, is_msg ? &en->text : &val, &val_str,
		    is_msg ? &en->msg : NULL, 1);
		if (rc == 0 && is_msg)
			en->msg_is_str = val_str;
		else if (rc == 0 && key_str && val_str && en->top.n < MAXPAIRS) {
			en->top.key[en->top.n] = xstrdup(key.p ? key.p : "");
			en->top.val[en->top.n++] = xstrdup(val.p ? val.p : "");
		}
		sb_free(&key);
		sb_free(&val);
		if (rc != 0)
			return -1;
		skip_ws(y);
		if (y->p < y->end && *y->p == ',') {
			y->p++;
			continue;
		}
		if (y->p < y->end && *y->p == '}') {
			y->p++;
			skip_ws(y);
			return y->p == y->end ? 0 : ybad(y, "text after the mapping");
		}
		return ybad(y, "a mapping without '}'");
	}
}

static void
entry_free(struct entry *en)
{
	pairs_free(&en->top);
	pairs_free(&en->msg);
	sb_free(&en->text);
}

unsigned long
posix_cksum(const char *data, size_t len)
{
	static unsigned long table[256];
	unsigned long crc = 0;
	if (table[1] == 0)
		for (unsigned long i = 0; i < 256; i++) {
			unsigned long c = i << 24;
			for (int k = 0; k < 8; k++)
				c = c & 0x80000000UL ? (c << 1 ^ 0x04c11db7UL) : c << 1;
			table[i] = c & 0xffffffffUL;
		}
	for (size_t i = 0; i < len; i++)
		crc = (crc << 8 ^ table[(crc >> 24 ^ (unsigned char)data[i]) & 0xff])
		    & 0xffffffffUL;
	for (size_t n = len; n != 0; n >>= 8)
		crc = (crc << 8 ^ table[(crc >> 24 ^ (n & 0xff)) & 0xff]) & 0xffffffffUL;
	return ~crc & 0xffffffffUL;
}

/* A line of the device's output: the markers and the report between. */
static int
target_line(struct lava_log *l, const char *s, int *inside,
    const char *name, unsigned long line, struct err *e)
{
	size_t n = strlen(s);
	while (n > 0 && (s[n - 1] == '\r' || s[n - 1] == '\n'))
		n--;
	if (n >= sizeof BEGIN - 1 && strncmp(s, BEGIN, sizeof BEGIN - 1) == 0) {
		if (*inside)
			return errf(e, "%s:%lu: a report begins inside another",
			    name, line);
		if (sscanf(s + sizeof BEGIN - 1, "%lu %lu", &l->lines,
		    &l->cksum) != 2)
			return errf(e, "%s:%lu: a report's begin marker without "
			    "its line count and cksum", name, line);
		l->reports++;
		l->report.len = 0;
		sb_add(&l->report, "", 0);
		l->at = line;
		*inside = 1;
	} else if (n == sizeof END - 1 && strncmp(s, END, n) == 0) {
		if (!*inside)
			return errf(e, "%s:%lu: a report's end marker without its "
			    "beginning", name, line);
		*inside = 0;
	} else if (*inside && n >= sizeof PREFIX - 1 &&
	    strncmp(s, PREFIX, sizeof PREFIX - 1) == 0) {
		sb_add(&l->report, s + sizeof PREFIX - 1, n - (sizeof PREFIX - 1));
		sb_putc(&l->report, '\n');
	}
	/* Anything else inside (a kernel message on the console) is not the
	 * report's: the count and the cksum tell whether a line was hit. */
	return 0;
}

static void
add_case(struct lava_log *l, const struct pairs *m, unsigned long line)
{
	if (l->ncases == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 4096;
		l->cases = xrealloc(l->cases, l->cap * sizeof *l->cases);
	}
	struct lava_case *c = &l->cases[l->ncases++];
	const char *set = pair(m, "set");
	c->definition = xstrdup(pair(m, "definition"));
	c->name = xstrdup(pair(m, "case"));
	c->result = xstrdup(pair(m, "result"));
	c->set = set ? xstrdup(set) : NULL;
	c->line = line;
}

int
lava_log_read(const char *name, const char *data, size_t len,
    struct lava_log *l, struct err *e)
{
	memset(l, 0, sizeof *l);
	const char *p = data, *end = data + len;
	unsigned long line = 0;
	int inside = 0;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *q = nl ? nl : end;
		line++;
		struct ypos y = { p, q, name, line, e };
		p = nl ? nl + 1 : end;
		while (y.end > y.p && y.end[-1] == '\r')
			y.end--;
		if (y.end - y.p >= 2 && y.p[0] == '-' && y.p[1] == ' ')
			y.p += 2;       /* a server's log: a YAML sequence */
		skip_ws(&y);
		if (y.p == y.end)
			continue;
		if (memchr(y.p, '\0', (size_t)(y.end - y.p)) != NULL) {
			ybad(&y, "a NUL byte");
			goto fail;
		}
		struct entry en;
		if (parse_line(&y, &en) != 0) {
			entry_free(&en);
			goto fail;
		}
		const char *lvl = pair(&en.top, "lvl");
		int rc = 0;
		if (lvl == NULL) {
			rc = ybad(&y, "no lvl");
		} else if (strcmp(lvl, "target") == 0 && en.msg_is_str) {
			rc = target_line(l, en.text.p ? en.text.p : "", &inside,
			    name, line, e);
		} else if (strcmp(lvl, "results") == 0) {
			if (en.msg_is_str || !pair(&en.msg, "definition") ||
			    !pair(&en.msg, "case") || !pair(&en.msg, "result"))
				rc = errf(e, "%s:%lu: a results line without "
				    "definition, case and result", name, line);
			else
				add_case(l, &en.msg, line);
		}
		entry_free(&en);
		if (rc != 0)
			goto fail;
	}
	if (line == 0) {
		errf(e, "%s: empty: not a LAVA job's log", name);
		goto fail;
	}
	if (inside) {
		errf(e, "%s:%lu: the report that begins here has no end marker "
		    "(the job stopped while it was printed?)", name, l->at);
		goto fail;
	}
	return 0;
fail:
	lava_log_free(l);
	return -1;
}

/* One CSV field (RFC 4180, as Python's csv module writes it) at *p:
 * its text in f; *p moves past it and its separator.  1 if a record
 * ended with it. */
static int
csv_field(const char **p, const char *end, struct sbuf *f)
{
	const char *s = *p;
	f->len = 0;
	sb_add(f, "", 0);
	if (s < end && *s == '"') {
		for (s++; s < end; s++) {
			if (*s == '"') {
				if (s + 1 < end && s[1] == '"') {
					sb_putc(f, '"');
					s++;
					continue;
				}
				s++;
				break;
			}
			sb_putc(f, *s);
		}
	} else {
		while (s < end && *s != ',' && *s != '\n' && *s != '\r')
			sb_putc(f, *s++);
	}
	int eor = 1;
	if (s < end && *s == ',') {
		s++;
		eor = 0;
	} else {
		while (s < end && (*s == '\r' || *s == '\n'))
			s++;
	}
	*p = s;
	return eor;
}

int
lava_results_csv(const char *name, const char *data, size_t len,
    struct lava_log *l, struct err *e)
{
	static const char *const want[4] = { "name", "suite", "result", "metadata" };
	int col[4] = { -1, -1, -1, -1 };
	const char *p = data, *end = data + len;
	struct sbuf f = {0};
	int n = 0;
	unsigned long rec = 1;
	for (int eor = 0; !eor && p < end; n++) {
		eor = csv_field(&p, end, &f);
		for (int k = 0; k < 4; k++)
			if (strcmp(f.p, want[k]) == 0)
				col[k] = n;
	}
	if (col[0] < 0 || col[1] < 0 || col[2] < 0) {
		sb_free(&f);
		return errf(e, "%s: not a LAVA server's CSV export of a job's "
		    "results (no name, suite and result columns)", name);
	}
	for (size_t i = 0; i < l->ncases; i++) {
		free(l->cases[i].definition);
		free(l->cases[i].set);
		free(l->cases[i].name);
		free(l->cases[i].result);
	}
	l->ncases = 0;
	while (p < end) {
		struct pairs m = {0};
		char *set = NULL;
		rec++;
		int eor = 0;
		for (int i = 0; !eor && p < end; i++) {
			eor = csv_field(&p, end, &f);
			for (int k = 0; k < 4; k++)
				if (col[k] == i && k < 3 && m.n < MAXPAIRS) {
					m.key[m.n] = xstrdup(k == 0 ? "case" :
					    k == 1 ? "definition" : "result");
					m.val[m.n++] = xstrdup(f.p);
				}
			/* The set is in the metadata, a Python dict's repr:
			 * {'case': ..., 'set': 'PROGRAM', ...}. */
			const char *s = col[3] == i ? strstr(f.p, "'set': '") : NULL;
			if (s) {
				s += 8;
				set = xstrndup(s, strcspn(s, "'"));
			}
		}
		if (m.n != 3) {
			pairs_free(&m);
			free(set);
			sb_free(&f);
			return errf(e, "%s: record %lu: fewer fields than the "
			    "header", name, rec);
		}
		if (set) {
			m.key[m.n] = xstrdup("set");
			m.val[m.n++] = set;
		}
		add_case(l, &m, rec);
		pairs_free(&m);
	}
	sb_free(&f);
	return 0;
}

void
lava_log_free(struct lava_log *l)
{
	for (size_t i = 0; i < l->ncases; i++) {
		free(l->cases[i].definition);
		free(l->cases[i].set);
		free(l->cases[i].name);
		free(l->cases[i].result);
	}
	free(l->cases);
	sb_free(&l->report);
	memset(l, 0, sizeof *l);
}

const char *
lava_result_of(const char *verdict)
{
	if (strcmp(verdict, "passed") == 0 ||
	    strcmp(verdict, "expected_failure") == 0)
		return "pass";
	if (strcmp(verdict, "skipped") == 0)
		return "skip";
	return "fail";          /* failed, broken */
}

static int
by_set_name(const void *a, const void *b)
{
	const struct lava_case *x = *(const struct lava_case *const *)a;
	const struct lava_case *y = *(const struct lava_case *const *)b;
	int c = strcmp(x->set ? x->set : "", y->set ? y->set : "");
	return c ? c : strcmp(x->name, y->name);
}

static int
by_name(const void *a, const void *b)
{
	const struct lava_case *x = *(const struct lava_case *const *)a;
	const struct lava_case *y = *(const struct lava_case *const *)b;
	return strcmp(x->name, y->name);
}

static int
row_cmp(const void *key, const void *elt)
{
	return strcmp(key, ((const struct row *)elt)->id);
}

/* Which definition holds the suite's cases: the one named, or the only
 * one that is not LAVA's. */
static int
pick_definition(const char *name, const struct lava_log *l,
    const char **def, struct err *e)
{
	if (*def)
		return 0;
	for (size_t i = 0; i < l->ncases; i++) {
		const char *d = l->cases[i].definition;
		if (strcmp(d, "lava") == 0)
			continue;
		if (*def == NULL)
			*def = d;
		else if (strcmp(*def, d) != 0)
			return errf(e, "%s: test cases of several definitions "
			    "(%s, %s, ...): name the suite's with --definition",
			    name, *def, d);
	}
	if (*def == NULL)
		return errf(e, "%s: no test case but LAVA's own: the test "
		    "definition sent no result", name);
	return 0;
}

int
lava_report(const char *name, struct lava_log *l, const char *definition,
    struct report *r, struct sbuf *counts, struct sbuf *cases,
    struct err *e)
{
	struct err why;
	size_t own = 0, n = 0;
	if (l->reports == 0)
		return errf(e, "%s: no report between 'msync-lava: report "
		    "begin' and 'report end': not a run of lava/msync.yaml, or "
		    "it stopped before its report", name);
	if (l->reports > 1)
		return errf(e, "%s: %d reports: one job, one run of the suite",
		    name, l->reports);
	/* LAVA's own cases (the job, each definition's run) must pass: a
	 * definition whose script died half way leaves its own case failed,
	 * and a job that stopped leaves lava.job failed. */
	for (size_t i = 0; i < l->ncases; i++) {
		const struct lava_case *c = &l->cases[i];
		if (strcmp(c->definition, "lava") != 0)
			continue;
		own++;
		if (strcmp(c->result, "pass") != 0)
			return errf(e, "%s:%lu: LAVA's own case lava.%s: %s", name,
			    c->line, c->name, c->result);
	}
	if (own == 0)
		return errf(e, "%s: no case of LAVA's own (lava.job): the job "
		    "did not finish", name);
	unsigned long lines = 0;
	for (size_t i = 0; i < l->report.len; i++)
		lines += l->report.p[i] == '\n';
	unsigned long sum = posix_cksum(l->report.p ? l->report.p : "", l->report.len);
	if (lines != l->lines || sum != l->cksum)
		return errf(e, "%s:%lu: the report arrived damaged: %lu lines, "
		    "cksum %lu; the device sent %lu lines, cksum %lu", name,
		    l->at, lines, sum, l->lines, l->cksum);
	if (canon_parse(name, l->report.p, l->report.len, r, &why) != 0)
		return errf(e, "%s:%lu: the report: %.900s", name, l->at, why.msg);

	if (pick_definition(name, l, &definition, e) != 0)
		goto fail;
	const struct lava_case **sel = xmalloc((l->ncases ? l->ncases : 1) * sizeof *sel);
	for (size_t i = 0; i < l->ncases; i++)
		if (strcmp(l->cases[i].definition, definition) == 0)
			sel[n++] = &l->cases[i];
	if (n == 0) {
		free(sel);
		errf(e, "%s: no test case of definition %s", name, definition);
		goto fail;
	}
	qsort(sel, n, sizeof *sel, by_name);
	size_t got[3] = {0, 0, 0};
	for (size_t i = 0; i < n; i++) {
		const struct lava_case *c = sel[i];
		if (i > 0 && strcmp(c->name, sel[i - 1]->name) == 0) {
			errf(e, "%s:%lu: test case %s sent twice", name, c->line,
			    c->name);
			goto fail_sel;
		}
		const struct row *w = bsearch(c->name, r->rows, r->nrows,
		    sizeof *r->rows, row_cmp);
		if (w == NULL) {
			errf(e, "%s:%lu: test case %s is not in the report", name,
			    c->line, c->name);
			goto fail_sel;
		}
		const char *want = lava_result_of(row_kind(w));
		if (strcmp(c->result, want) != 0) {
			errf(e, "%s:%lu: test case %s: LAVA says %s, the report "
			    "%s (%s)", name, c->line, c->name, c->result,
			    row_kind(w), want);
			goto fail_sel;
		}
		got[*want == 'p' ? 0 : *want == 'f' ? 1 : 2]++;
	}
	if (n != r->nrows) {
		errf(e, "%s: %zu test cases of %s, but the report has %zu "
		    "cases", name, n, definition, r->nrows);
		goto fail_sel;
	}
	size_t k[5] = {0, 0, 0, 0, 0};
	static const char *const kinds[5] = { "passed", "failed", "skipped",
	    "broken", "expected_failure" };
	for (size_t i = 0; i < r->nrows; i++)
		for (int j = 0; j < 5; j++)
			k[j] += strcmp(row_kind(&r->rows[i]), kinds[j]) == 0;
	sb_printf(counts, "LAVA: %zu pass, %zu fail, %zu skip (%zu test cases "
	    "of %s; LAVA's own %zu cases passed)\n", got[0], got[1], got[2], n,
	    definition, own);
	sb_printf(counts, "kyua: %zu passed, %zu failed, %zu skipped, %zu "
	    "broken, %zu expected failures (%zu cases)\n", k[0], k[1], k[2],
	    k[3], k[4], r->nrows);
	if (cases) {
		qsort(sel, n, sizeof *sel, by_set_name);
		sb_printf(cases, "# lava-cases\t%s\n# columns\tset\tcase\tresult\n",
		    definition);
		for (size_t i = 0; i < n; i++)
			sb_printf(cases, "%s\t%s\t%s\n", sel[i]->set ? sel[i]->set
			    : "-", sel[i]->name, sel[i]->result);
		sb_printf(cases, "# end\t%zu\n", n);
	}
	free(sel);
	return 0;
fail_sel:
	free(sel);
fail:
	report_free(r);
	return -1;
}
