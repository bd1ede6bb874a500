/* results/known.tsv: reading it, and which of its lines explains a row. */
#include "config.h"

#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cmp.h"
#include "group.h"
#include "known.h"
#include "report.h"

#define KNOWN_FIELDS 5

int
known_glob(const char *p, const char *s)
{
	const char *open = strchr(p, '{'), *close, *alt;

	if (open == NULL)
		return fnmatch(p, s, FNM_NOESCAPE) == 0;
	close = strchr(open, '}');
	if (close == NULL)
		return fnmatch(p, s, FNM_NOESCAPE) == 0;
	/* each alternative in place of the braces, the rest as it is */
	for (alt = open + 1; alt <= close;) {
		size_t n = strcspn(alt, ",}");
		struct sbuf q = {0};
		int hit;

		if (alt + n > close)
			n = (size_t)(close - alt);
		sb_add(&q, p, (size_t)(open - p));
		sb_add(&q, alt, n);
		sb_puts(&q, close + 1);
		hit = known_glob(q.p, s);
		sb_free(&q);
		if (hit)
			return 1;
		alt += n + 1;
	}
	return 0;
}

static void
line_free(struct known_line *l)
{
	free(l->pattern);
	free(l->report);
	free(l->class);
	free(l->text);
	free(l->link);
}

void
known_free(struct known *k)
{
	for (size_t i = 0; i < k->n; i++)
		line_free(&k->l[i]);
	free(k->l);
	free(k->path);
	memset(k, 0, sizeof *k);
}

/* A line of the file: five TAB-separated fields, none empty. */
static int
parse_line(char *s, unsigned long lno, struct known_line *l, const char *path,
    struct err *e)
{
	char *f[KNOWN_FIELDS];
	int n = 0;

	for (char *p = s; n < KNOWN_FIELDS; n++) {
		f[n] = split_field(&p, '\t');
		if (f[n] == NULL)
			break;
		if (*f[n] == '\0')
			return errf(e, "%s:%lu: field %d is empty", path, lno,
			    n + 1);
		if (n == KNOWN_FIELDS - 1 && p != NULL)
			return errf(e, "%s:%lu: more than %d fields (pattern, "
			    "report, class, explanation, link)", path, lno,
			    KNOWN_FIELDS);
	}
	if (n < KNOWN_FIELDS)
		return errf(e, "%s:%lu: %d fields, not %d (pattern, report, "
		    "class, explanation, link)", path, lno, n, KNOWN_FIELDS);
	l->pattern = xstrdup(f[0]);
	l->report = xstrdup(f[1]);
	l->class = xstrdup(f[2]);
	l->text = xstrdup(f[3]);
	l->link = xstrdup(f[4]);
	l->line = lno;
	return 0;
}

int
known_load(const char *path, struct known *k, struct err *e)
{
	struct sbuf b = {0};
	char *p, *line;
	unsigned long lno = 0;
	size_t cap = 0;

	memset(k, 0, sizeof *k);
	if (file_read(path, &b, e) != 0)
		return -1;
	k->path = xstrdup(path);
	for (p = b.p; p != NULL && *p != '\0';) {
		line = split_field(&p, '\n');
		lno++;
		if (p == NULL && *line != '\0') {
			known_free(k);
			sb_free(&b);
			return errf(e, "%s:%lu: truncated (no newline at the end "
			    "of the file)", path, lno);
		}
		if (*line == '#' || *line == '\0')
			continue;
		if (k->n == cap) {
			cap = cap ? 2 * cap : 16;
			k->l = xrealloc(k->l, cap * sizeof *k->l);
		}
		if (parse_line(line, lno, &k->l[k->n], path, e) != 0) {
			known_free(k);
			sb_free(&b);
			return -1;
		}
		k->n++;
	}
	sb_free(&b);
	return 0;
}

int
known_match(const struct known *k, const char *id, const char *name)
{
	struct sbuf s = {0};
	int hit = -1;

	short_name(&s, name);
	for (size_t i = 0; k != NULL && i < k->n && hit < 0; i++)
		if (known_glob(k->l[i].report, s.p ? s.p : "") &&
		    known_glob(k->l[i].pattern, id))
			hit = (int)i;
	sb_free(&s);
	return hit;
}

static int
same_but_pattern(const struct known_line *a, const struct known_line *b)
{
	return strcmp(a->report, b->report) == 0 &&
	    strcmp(a->class, b->class) == 0 && strcmp(a->text, b->text) == 0 &&
	    strcmp(a->link, b->link) == 0;
}

size_t
known_count(const struct known *k, const struct cmp *c, const struct group *g,
    size_t *n)
{
	size_t any = 0;

	memset(n, 0, k->n * sizeof *n);
	for (size_t r = 0; r < g->n; r++) {
		int hit = -1;

		for (int i = 0; i < c->n && hit < 0; i++)
			if (!c->reps[i]->expected)
				hit = known_match(k, c->ids[g->rows[r]], c->names[i]);
		if (hit >= 0) {
			n[hit]++;
			any++;
		}
	}
	/* lines that say the same of other patterns count as their first */
	for (size_t i = 0; i < k->n; i++)
		for (size_t j = 0; j < i && n[i] > 0; j++)
			if (same_but_pattern(&k->l[i], &k->l[j])) {
				n[j] += n[i];
				n[i] = 0;
			}
	return any;
}

/* The first line with line i's label (i itself, if none before). */
static int
known_first(const struct known *k, int i)
{
	struct sbuf l = {0}, m = {0};
	int j;

	known_label(k, i, &l);
	for (j = 0; j < i; j++) {
		m.len = 0;
		known_label(k, j, &m);
		if (strcmp(l.p, m.p) == 0)
			break;
	}
	sb_free(&l);
	sb_free(&m);
	return j;
}

void
known_by_label(const struct known *k, size_t *n)
{
	for (size_t i = 0; i < k->n; i++) {
		int f;

		if (n[i] > 0 && (f = known_first(k, (int)i)) != (int)i) {
			n[f] += n[i];
			n[i] = 0;
		}
	}
}

void
known_labels(const struct known *k, const struct cmp *c, const struct group *g,
    struct sbuf *out)
{
	size_t *n = xmalloc((k->n + 1) * sizeof *n), all = known_count(k, c, g, n);
	int shown = 0;

	known_by_label(k, n);
	for (size_t i = 0; i < k->n; i++)
		if (n[i] > 0) {
			sb_puts(out, shown++ ? ", " : "");
			known_label(k, (int)i, out);
		}
	if (all == 0)
		sb_puts(out, "unexplained");
	else if (all < g->n)
		sb_printf(out, " (%zu of %zu)", all, g->n);
	free(n);
}

void
known_label(const struct known *k, int i, struct sbuf *out)
{
	const char *h = strchr(k->l[i].link, '#');

	if (h != NULL && h[1] != '\0')
		sb_puts(out, h + 1);
	else
		sb_printf(out, "line %lu", k->l[i].line);
}
