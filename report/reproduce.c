/*
 * msync-report reproduce: one case of the table as a standalone C file, to
 * paste into a bug report.  The file is assembled from the C fragments of
 * report/repro (one per mapping kind, lock state, check procedure and
 * helper, each defining the function of its name), chosen by the case's
 * values in the compiled table, as lib/ chooses its builders and
 * procedures; then the case's data (its description, each variant's
 * expectation with its citations) and the verdict.
 *
 * A fragment is C with three marks, applied here for the case:
 *	@NAME@		a value (the flags, the mapping's MAP_ flags, ...)
 *	@?COND@ LINE	LINE only where COND holds; @!COND@ where it does not
 *			(COND: a dimension's value, "range=hole", or one of
 *			writable, forked, sealed, locked)
 *	a line "/" "*@needs A B*" "/"	the fragments A and B come first
 */
#include "config.h"

#include <sys/types.h>
#include <sys/mman.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "casetable.h"
#include "reproduce.h"
#include "table.h"
#include "tview.h"

#define RW "PROT_READ | PROT_WRITE"
#define SH "MAP_SHARED"
#define PR "MAP_PRIVATE"

/* A mapping value as the fragments make it: its build line (the table's)
 * and its builder's shape (below). */
struct kind {
	const char *build;	/* steps, space-separated */
	const char *seal;	/* the step just before the call, or NULL */
	const char *flags;	/* MAP_ flags of the mapping at m */
	const char *prot;	/* its protection while the case stores */
	const char *open;	/* its file opened so */
	int filepages, mappages, offset;	/* map_file's file and mapping */
	const char *other;	/* the pairing's other mapping */
	int twomaps;		/* range twomaps maps pages 2-3 again (mh_plain_map) */
	char steps[64];		/* build, for a builder made by map_BUILDER */
};

/*
 * How the builders of lib/map_*.c are made in C alone, where that is more
 * than their fragment map_BUILDER: the steps for a file and for an
 * anonymous mapping, the step just before the call, map_file's file and
 * mapping, whether a mapping of the other MAP_ kind goes with it, and
 * whether range twomaps maps the file's pages 2-3 again (mh_plain_map).
 */
static const struct shape {
	const char *builder;
	const char *file, *anon;
	const char *reshape;
	int filepages, mappages, offset;
	int pairs, twomaps;
} shapes[] = {
	{ "plain", "map_file", "map_anon", NULL, 4, 4, 0, 0, 1 },
	{ "split", "map_file", NULL, "split", 4, 4, 0, 0, 0 },
	{ "offset", "map_file", NULL, NULL, 6, 4, 2, 0, 0 },
	{ "short", "map_file", NULL, NULL, 2, 4, 0, 0, 0 },
	{ "trunc", "map_file", NULL, "truncate_file", 4, 4, 0, 0, 0 },
	{ "paired", "map_file map_paired", NULL, NULL, 4, 4, 0, 1, 1 },
	{ "late", "map_file", NULL, NULL, 4, 4, 0, 1, 1 },
	{ "mixed", "map_file map_mixed", NULL, NULL, 4, 4, 0, 1, 1 },
	{ "forked", "map_file map_forked", NULL, NULL, 4, 4, 0, 1, 1 },
};

/* The case's mapping value as the fragments make it, into k. */
static int
kind_of(const struct mh_case *c, struct kind *k, struct err *e)
{
	const struct mh_build *b = &mh_table.builds[c->mapping];
	const struct shape *sh = NULL;
	int anon = (b->bits & MH_BUILD_ANON) != 0, shared = (b->bits & MH_BUILD_SHARED) != 0;

	memset(k, 0, sizeof *k);
	for (size_t i = 0; i < sizeof shapes / sizeof shapes[0]; i++)
		if (strcmp(shapes[i].builder, b->builder) == 0)
			sh = &shapes[i];
	if (sh == NULL) {
		snprintf(k->steps, sizeof k->steps, "map_%s", b->builder);
		k->build = k->steps;
	} else {
		if ((k->build = anon ? sh->anon : sh->file) == NULL)
			return errf(e, "%s: builder %s makes no %s mapping in report/reproduce.c's "
			    "shapes", c->id, b->builder, anon ? "anonymous" : "file");
		k->seal = sh->reshape;
		k->filepages = sh->filepages;
		k->mappages = sh->mappages;
		k->offset = sh->offset;
		k->other = sh->pairs ? (shared ? PR : SH) : NULL;
		k->twomaps = sh->twomaps && !anon;
		k->open = anon ? NULL : b->bits & MH_BUILD_RDONLY ? "O_RDONLY" : "O_RDWR";
	}
	if (b->bits & MH_BUILD_SEAL)
		k->seal = "seal_protnone";
	k->flags = shared ? (anon ? SH " | MAP_ANONYMOUS" : SH) : (anon ? PR " | MAP_ANONYMOUS" : PR);
	k->prot = b->bits & MH_BUILD_WRITE ? RW : "PROT_READ";
	return 0;
}

/* The lock states (lib/lock.c): the step, or NULL for none. */
static const char *const locks[] = {
	[MH_LOCK_NONE] = NULL,
	[MH_LOCK_RANGE] = "lock_range",
	[MH_LOCK_OTHER] = "lock_other",
	[MH_LOCK_ALL] = "lock_all",
	[MH_LOCK_HALF] = "lock_half",
};
_Static_assert(sizeof locks / sizeof locks[0] == MH_LOCK_COUNT,
    "a lock value of t/cases.tbl has no row in report/reproduce.c");

/* What a file alone can see of what a check procedure observes. */
enum seen {
	ALONE,		/* all of it, as the suite does */
	READ_BACK,	/* reading the file back: weaker than the witness */
	BEHIND,		/* alone where the mapping's cache is not the file's */
	WITNESS,	/* the return value only: the rest needs the witness */
	EVIDENCE,	/* the outcome (the return value); the evidence needs the witness */
	FAULT,		/* the witness's fault injection: a lack */
};

/* The check procedures (lib/setup.c's procedures[]): the step. */
static const struct check {
	const char *step;
	enum seen seen;
} checks[] = {
	[MH_CHECK_STATUS] = { "check_status", ALONE },
	[MH_CHECK_MTIME_FAULT] = { "check_mtime", ALONE },
	[MH_CHECK_MTIME_REDIRTY] = { "check_mtime", ALONE },
	[MH_CHECK_PRIVATE_INVALIDATE] = { "check_privinval", ALONE },
	[MH_CHECK_OBSERVE] = { "check_observe", ALONE },
	[MH_CHECK_DURABLE] = { "check_durable", READ_BACK },
	[MH_CHECK_RANGE] = { "check_rangeonly", WITNESS },
	[MH_CHECK_ASYNC] = { "check_async", WITNESS },
	[MH_CHECK_PRIVATE_FILE] = { "check_privfile", READ_BACK },
	[MH_CHECK_INVALIDATE] = { "check_inval", BEHIND },
	[MH_CHECK_INVALIDATE_DIRTY] = { "check_inval", BEHIND },
	[MH_CHECK_EIO] = { "check_wberror", FAULT },
	[MH_CHECK_ENOSPC] = { "check_wberror", FAULT },
	[MH_CHECK_EIO_RETRY] = { "check_wberror", FAULT },
	[MH_CHECK_ENOSPC_RETRY] = { "check_wberror", FAULT },
	[MH_CHECK_PARTIAL] = { "check_partial", EVIDENCE },
	[MH_CHECK_PAIR_FLUSH] = { "check_pairflush", WITNESS },
	[MH_CHECK_PAIR_FLUSH_COW] = { "check_pairflush", WITNESS },
	[MH_CHECK_PAIR_SYNC] = { "check_pairsync", READ_BACK },
	[MH_CHECK_PAIR_FRESH] = { "check_pairfresh", BEHIND },
	[MH_CHECK_PAIR_RANGE] = { "check_pairrange", WITNESS },
	[MH_CHECK_PAIR_COW] = { "check_paircow", ALONE },
	[MH_CHECK_PAIR_VIEW] = { "check_pairview", ALONE },
};
_Static_assert(sizeof checks / sizeof checks[0] == MH_CHECK_COUNT,
    "a check value of t/cases.tbl has no row in report/reproduce.c");

/* The head's paragraph on what the file observes, by what it can see:
 * the words before and after the check's text in the table. */
static const char *const seen_text[][2] = {
	[ALONE] = { "It observes what the suite's case observes, as the suite does: ", "." },
	[READ_BACK] = { "The suite observes ", ". This file reads the file back through a "
	    "second descriptor once the mapping is dropped instead. That is weaker than the "
	    "suite's witness filesystem, whose log sees what reached storage and when: where "
	    "one page cache serves the mapping and read() (Linux, the BSDs), the bytes read "
	    "back are the cache's, whatever reached storage." },
	[BEHIND] = { "The suite observes ", "; its witness filesystem changes stored bytes "
	    "behind the kernel's cache. This file writes them through a second descriptor "
	    "instead: where the mapping shows them before the call (one page cache serves "
	    "both, as on Linux), nothing changed behind the cache, and it reports msync's "
	    "return value only (a 0 stands for any effect a text expects); where it does "
	    "not, it observes as the suite does." },
	[WITNESS] = { "The suite observes ", ", on its witness filesystem (FUSE), whose log "
	    "sees what reaches storage and when; a file alone cannot. This file makes the "
	    "same stores and the same call and reports msync's return value only (a 0 "
	    "stands for any effect a text expects)." },
	[EVIDENCE] = { "The outcome is msync's return value, as in the suite; the suite's "
	    "evidence, ", ", needs its witness filesystem, which this file does without." },
	[FAULT] = { "The suite observes ", ": its witness filesystem fails the write-back on "
	    "purpose. A file alone cannot make a filesystem fail: this file makes the same "
	    "stores and the same call on a healthy filesystem, prints what msync returned, "
	    "and ends with exit status 77." },
};

/* The case being written. */
struct gen {
	const struct mh_case *c;
	struct kind kind;		/* its mapping, as the fragments make it */
	const char *part[TV_MAXDIMS];	/* the id's values, by dimension */
	char buf[512];			/* their storage */
	const char *variant;		/* the verdict */
	char *emitted;			/* per fragment: written already */
	struct sbuf steps, build, errnos, flags;
	struct sbuf *out;
	struct err *e;
};

static const struct repro_frag *
fragment(const char *name, size_t n)
{
	for (size_t i = 0; i < repro_nfrags; i++)
		if (strlen(repro_frags[i].name) == n && strncmp(repro_frags[i].name, name, n) == 0)
			return &repro_frags[i];
	return NULL;
}

/* Whether COND (n bytes) holds for the case: "dim=value", the case's
 * value of that dimension, or a named condition; *known: 0 for a
 * dimension, value or name the table and this file do not know. */
static int
holds(const struct gen *g, const char *cond, size_t n, int *known)
{
	const char *eq = memchr(cond, '=', n);

	size_t dn = eq ? (size_t)(eq - cond) : 0, vn = eq ? n - dn - 1 : 0;

	*known = 0;
	for (unsigned d = 0; eq != NULL && d < mh_table.ndims && d < TV_MAXDIMS; d++) {
		if (strlen(mh_table.dims[d].name) != dn || strncmp(mh_table.dims[d].name, cond, dn) != 0)
			continue;
		for (unsigned v = 0; v < mh_table.dims[d].nvalues; v++)
			if (strlen(mh_table.dims[d].values[v]) == vn &&
			    strncmp(mh_table.dims[d].values[v], eq + 1, vn) == 0)
				*known = 1;
		return strlen(g->part[d]) == vn && strncmp(g->part[d], eq + 1, vn) == 0;
	}
	*known = 1;
#define IS(s) (n == strlen(s) && strncmp(cond, (s), n) == 0)
	if (IS("writable"))
		return strstr(g->kind.prot, "PROT_WRITE") != NULL;
	if (IS("forked"))
		return strstr(g->kind.build, "map_forked") != NULL;
	if (IS("sealed"))
		return g->kind.seal != NULL;
	if (IS("locked"))
		return locks[g->c->lock] != NULL;
	/* The write-back's fault, for the first call and for the retry. */
	if (IS("eio"))
		return g->c->check == MH_CHECK_EIO || g->c->check == MH_CHECK_EIO_RETRY;
	if (IS("enospc"))
		return g->c->check == MH_CHECK_ENOSPC || g->c->check == MH_CHECK_ENOSPC_RETRY;
#undef IS
	*known = 0;
	return 0;
}

/* A table text inside a comment: nothing in it may end the comment. */
static void
comment_safe(struct sbuf *out, const char *s)
{
	for (; *s != '\0'; s++) {
		sb_putc(out, *s);
		if ((*s == '*' && s[1] == '/') || (*s == '/' && s[1] == '*'))
			sb_putc(out, ' ');
	}
}

/* The value of placeholder NAME (n bytes), into out; -1 if unknown. */
static int
value(struct gen *g, const char *name, size_t n, struct sbuf *out)
{
	const struct kind *k = &g->kind;
	int forked, known;

#define IS(s) (n == strlen(s) && strncmp(name, (s), n) == 0)
	if (IS("FLAGS"))
		sb_puts(out, g->flags.p);
	else if (IS("MAP_FLAGS"))
		sb_puts(out, k->flags);
	else if (IS("PROT"))
		sb_puts(out, k->prot);
	else if (IS("OPEN") && k->open != NULL)
		sb_puts(out, k->open);
	else if (IS("FILE_PAGES"))
		sb_printf(out, "%d", k->filepages);
	else if (IS("MAP_PAGES"))
		sb_printf(out, "%d", k->mappages);
	else if (IS("OFFSET"))
		sb_printf(out, "%d", k->offset);
	else if (IS("OTHER") && k->other != NULL)
		sb_puts(out, k->other);
	else if (IS("OTHER_OWNER") && k->other != NULL) {
		forked = holds(g, "forked", strlen("forked"), &known);
		sb_puts(out, forked ? "in a forked child" : "in this process");
	} else if (IS("SEAL") && k->seal != NULL)
		sb_puts(out, k->seal);
	else if (IS("LOCK") && locks[g->c->lock] != NULL)
		sb_puts(out, locks[g->c->lock]);
	else if (IS("CHECK"))
		sb_puts(out, checks[g->c->check].step);
	else if (IS("STEPS"))
		sb_puts(out, g->steps.p);
	else if (IS("BUILD"))
		sb_puts(out, g->build.p);
	else if (IS("ERRNOS"))
		sb_puts(out, g->errnos.p);
	else if (IS("RANGE_TEXT"))
		comment_safe(out, g->c->range_text);
	else
		return -1;
#undef IS
	return 0;
}

/* One line of a fragment for this case (its marks applied) into out; its
 * needs (a "needs" line) into needs instead. */
static int
line(struct gen *g, const char *frag, const char *s, struct sbuf *out, struct sbuf *needs)
{
	struct sbuf l = {0};
	const char *at, *end;
	int known, keep = 1;
	size_t n;

	sb_puts(&l, "");
	while (keep && s[0] == '@' && (s[1] == '?' || s[1] == '!') &&
	    (end = strchr(s + 2, '@')) != NULL) {
		n = (size_t)(end - s - 2);
		keep = holds(g, s + 2, n, &known) == (s[1] == '?');
		if (!known) {
			sb_free(&l);
			return errf(g->e, "report/repro/%s.c: unknown condition %.*s", frag, (int)n, s + 2);
		}
		s = end + 1;
	}
	if (!keep) {
		sb_free(&l);
		return 0;
	}
	for (; (at = strchr(s, '@')) != NULL; s = end + 1) {
		n = strspn(at + 1, "ABCDEFGHIJKLMNOPQRSTUVWXYZ_");
		end = at + 1 + n;
		sb_add(&l, s, (size_t)(at - s));
		if (n == 0 || *end != '@') {
			sb_putc(&l, '@');
			end = at;
			continue;
		}
		if (value(g, at + 1, n, &l) != 0) {
			sb_free(&l);
			return errf(g->e, "report/repro/%s.c: %.*s has no value for case %s",
			    frag, (int)n, at + 1, g->c->id);
		}
	}
	sb_puts(&l, s);
	if (strncmp(l.p, "/*@needs", 8) == 0) {
		sb_add(needs, l.p + 8, strcspn(l.p + 8, "*"));
		sb_putc(needs, ' ');
	} else
		sb_puts(out, l.p);
	sb_free(&l);
	return 0;
}

static int emit(struct gen *, const char *name, size_t n);
static void data(struct gen *);

/* Each of the space-separated fragments of names, once. */
static int
emit_all(struct gen *g, const char *names)
{
	size_t n;

	for (names += strspn(names, " \n"); *names != '\0'; names += strspn(names, " \n")) {
		n = strcspn(names, " \n");
		if (emit(g, names, n) != 0)
			return -1;
		names += n;
	}
	return 0;
}

/* Fragment name, after the fragments it needs, once; "expects" is the
 * case's data. */
static int
emit(struct gen *g, const char *name, size_t n)
{
	const struct repro_frag *f = fragment(name, n);
	struct sbuf text = {0}, needs = {0};
	int rc = 0;

	if (n == strlen("expects") && strncmp(name, "expects", n) == 0) {
		if (!g->emitted[repro_nfrags])
			data(g);
		g->emitted[repro_nfrags] = 1;
		return 0;
	}
	if (f == NULL)
		return errf(g->e, "report/repro has no fragment %.*s (case %s)", (int)n, name, g->c->id);
	if (g->emitted[f - repro_frags])
		return 0;
	g->emitted[f - repro_frags] = 1;
	sb_puts(&needs, "");
	for (const char *const *s = f->lines; rc == 0 && *s != NULL; s++)
		rc = line(g, f->name, *s, &text, &needs);
	if (rc == 0)
		rc = emit_all(g, needs.p);
	if (rc == 0 && text.len > 0) {
		sb_puts(g->out, "\n");
		sb_puts(g->out, text.p);
	}
	sb_free(&text);
	sb_free(&needs);
	return rc;
}

/* A table text as a C string literal, cut into pieces at spaces, one a
 * line after the first, each indented by indent. */
static void
literal(struct sbuf *out, const char *s, const char *indent)
{
	size_t col = 0;

	sb_putc(out, '"');
	for (; *s != '\0'; s++) {
		if (*s == ' ' && col > 60) {
			sb_printf(out, " \"\n%s\"", indent);
			col = 0;
			continue;
		}
		if (*s == '"' || *s == '\\')
			sb_putc(out, '\\');
		if (*s == '\n')
			sb_puts(out, "\\n");
		else if (*s == '?' && s[1] == '?')
			sb_puts(out, "\\?");
		else if ((unsigned char)*s < 0x20 || (unsigned char)*s > 0x7e)
			sb_printf(out, "\\%03o", (unsigned char)*s);
		else
			sb_putc(out, *s);
		col++;
	}
	sb_putc(out, '"');
}

/* Words wrapped into comment lines of at most 76 columns. */
static void
paragraph(struct sbuf *out, const char *s)
{
	struct sbuf safe = {0};
	size_t col = 0, w;

	comment_safe(&safe, s);
	sb_puts(out, " *");
	for (s = safe.p; *s != '\0'; s += w) {
		s += strspn(s, " ");
		w = strcspn(s, " ");
		if (w == 0)
			break;
		if (col > 0 && col + 1 + w > 73) {
			sb_puts(out, "\n *");
			col = 0;
		}
		sb_putc(out, ' ');
		sb_add(out, s, w);
		col += 1 + w;
	}
	sb_puts(out, "\n");
	sb_free(&safe);
}

/* The case's description, the verdict and what every variant expects,
 * from the table msync-report was built with, as explain shows it. */
static void
data(struct gen *g)
{
	const struct tview *t = table_view();
	struct sbuf said = {0}, rules = {0};
	char *d;
	int n;

	n = mh_describe(g->c, NULL, 0);
	d = xmalloc((size_t)n + 1);
	mh_describe(g->c, d, (size_t)n + 1);
	sb_puts(g->out, "\n/*\n");
	paragraph(g->out, "The case, and what each variant of msync-conformance's table expects "
	    "of it (msync-report explain shows the same): the outcomes it accepts, "
	    "space-separated (NULL: it is silent), and the rules it rests on; judges: it "
	    "has a say in the verdict chosen.");
	sb_printf(g->out, " */\nstatic const char case_id[] = \"%s\";\n", g->c->id);
	sb_puts(g->out, "static const char description[] =\n    ");
	literal(g->out, d, "    ");
	sb_printf(g->out, ";\nstatic const char verdict[] = \"%s (", g->variant);
	for (unsigned v = 0, n = 0; v < mh_table.nvariants; v++)
		if (strcmp(g->variant, "manuals") != 0 && strcmp(g->variant, mh_table.variants[v].name) == 0)
			sb_puts(g->out, mh_table.variants[v].title);
		else if (strcmp(g->variant, "manuals") == 0 && mh_table.variants[v].document)
			sb_printf(g->out, "%s%s", n++ ? ", " : "the documents: ", mh_table.variants[v].name);
	sb_puts(g->out, ")\";\n\n");
	sb_puts(g->out, "static const struct expect {\n"
	    "\tconst char *variant, *kind, *says;\n"
	    "\tint judges;\n"
	    "\tconst char *accept;\n"
	    "\tconst char *rules;\n"
	    "} expects[] = {\n");
	for (int v = 0; v < t->nvariants; v++) {
		struct expectation x;
		int judges;

		t->lookup(g->c->id, t->variants[v], &x);
		judges = strcmp(g->variant, "manuals") == 0 ? x.document :
		    strcmp(g->variant, t->variants[v]) == 0;
		said.len = rules.len = 0;
		sb_puts(&said, "");
		sb_puts(&rules, "");
		tv_expects(&x, &said);
		tv_rules(&x, "      ", &rules);
		sb_printf(g->out, "\t{ \"%s\", \"%s\", \"%s\", %d, ", t->variants[v],
		    x.document ? "document" : "implementation", said.p, judges);
		if (x.accept != NULL)
			literal(g->out, x.accept, "\t    ");
		else
			sb_puts(g->out, "NULL");
		sb_puts(g->out, ",\n\t    ");
		literal(g->out, rules.p, "\t    ");
		sb_puts(g->out, " },\n");
	}
	sb_puts(g->out, "};\n");
	sb_free(&said);
	sb_free(&rules);
	free(d);
}

/* What every case whose check needs the witness needs: the witness, which
 * this file does without. */
static unsigned
witness_needs(void)
{
	unsigned all = ~0u, any = 0;

	for (unsigned i = 0; i < mh_table.ncases; i++)
		if (checks[mh_table.cases[i].check].seen != ALONE) {
			all &= mh_table.cases[i].needs;
			any = 1;
		}
	return any ? all : 0;
}

/* The head: what the case is and does, how to build and run the file,
 * what it observes, what it needs, its exit status. */
static void
head(struct gen *g, const char *program)
{
	const struct check *k = &checks[g->c->check];
	struct mh_case own = *g->c;
	struct sbuf line = {0};
	char needs[1024], *d;
	int n;

	own.needs &= ~witness_needs();
	n = mh_describe(g->c, NULL, 0);
	d = xmalloc((size_t)n + 1);
	mh_describe(g->c, d, (size_t)n + 1);
	sb_printf(&line, "msync-conformance case %s, reproduced alone.", g->c->id);
	sb_puts(g->out, "/*\n");
	paragraph(g->out, line.p);
	sb_puts(g->out, " *\n");
	paragraph(g->out, d);
	sb_puts(g->out, " *\n");
	line.len = 0;
	sb_printf(&line, "Written by msync-report reproduce (%s %s) from the suite's case table. "
	    "It makes the same mapping, lock, range and flags as the suite's case, and one "
	    "msync() through the C library. The suite runs it as:", PACKAGE_NAME, PACKAGE_VERSION);
	paragraph(g->out, line.p);
	sb_printf(g->out, " *\tkyua debug %s_test:%s\n *\n", program, g->c->id);
	line.len = 0;
	sb_printf(&line, "%s%s%s", seen_text[k->seen][0], g->c->check_text, seen_text[k->seen][1]);
	paragraph(g->out, line.p);
	sb_puts(g->out, " *\n * Build and run, on any POSIX system:\n"
	    " *\tcc -o r r.c && ./r [DIR]\n");
	if (g->c->mapping == MH_SHM_OPEN)
		sb_puts(g->out, " * (with glibc before 2.34, cc -o r r.c -lrt: shm_open())\n");
	paragraph(g->out, "DIR (default: the current directory) is where the file under test is "
	    "made: run it on the filesystem you want to look at.");
	if (mh_needs(&mh_table, &own, needs, sizeof needs) > 0) {
		sb_puts(g->out, " *\n");
		paragraph(g->out, "It needs:");
		paragraph(g->out, needs);
	}
	if (own.needs != g->c->needs) {
		sb_puts(g->out, " *\n");
		paragraph(g->out, "It does without the suite's witness filesystem.");
	}
	sb_puts(g->out, " *\n");
	sb_printf(g->out, " * It prints what msync returned and what it observed, and what each "
	    "variant\n * expects, with the citation. Exit status, under the verdict %s:\n",
	    g->variant);
	if (strcmp(g->variant, "manuals") == 0)
		sb_puts(g->out, " *\t0  a document that speaks to the case accepts the outcome, or none speaks\n"
		    " *\t1  no document that speaks accepts it: the host deviates from them all\n");
	else
		sb_printf(g->out, " *\t0  %s accepts the outcome, or is silent\n"
		    " *\t1  %s expects another: the host deviates from it\n", g->variant, g->variant);
	sb_puts(g->out, " *\t2  a step of the case failed (it names the call)\n"
	    " *\t77 this system lacks what the case needs (it says what)\n */\n");
	sb_free(&line);
	free(d);
}

/* The flags as the host's MS_* names: the table's text where it is one
 * ("MS_SYNC|MS_INVALIDATE", checked against the value), else the number
 * (0, and the unknown bits no system defines). */
static int
flags_of(struct gen *g)
{
	static const struct { const char *name; int value; } ms[] = {
		{ "MS_ASYNC", MS_ASYNC }, { "MS_SYNC", MS_SYNC }, { "MS_INVALIDATE", MS_INVALIDATE },
	};
	const char *s = g->c->flags_text;
	int v = 0;
	size_t n, i;

	sb_puts(&g->flags, "");
	if (strncmp(s, "MS_", 3) != 0) {
		sb_printf(&g->flags, g->c->flags == 0 ? "0" : "%#x", (unsigned)g->c->flags);
		return 0;
	}
	for (; *s != '\0'; s += n + (s[n] == '|')) {
		n = strcspn(s, "|");
		for (i = 0; i < sizeof ms / sizeof ms[0]; i++)
			if (strlen(ms[i].name) == n && strncmp(ms[i].name, s, n) == 0)
				break;
		if (i == sizeof ms / sizeof ms[0])
			return errf(g->e, "case %s: flags '%s': %.*s is none of MS_ASYNC, MS_SYNC, "
			    "MS_INVALIDATE", g->c->id, g->c->flags_text, (int)n, s);
		sb_printf(&g->flags, "%s%s", g->flags.len ? " | " : "", ms[i].name);
		v |= ms[i].value;
	}
	if (v != g->c->flags)
		return errf(g->e, "case %s: flags '%s' are %#x here, the table says %#x",
		    g->c->id, g->c->flags_text, (unsigned)v, (unsigned)g->c->flags);
	return 0;
}

/* The case of id, or of kyua's PROGRAM:ID (the program must be its own). */
static const struct mh_case *
find_case(const char *id, const char **program, struct err *e)
{
	const char *colon = strchr(id, ':');
	const char *name = colon ? colon + 1 : id;
	unsigned i, gi;

	for (i = 0; i < mh_table.ncases; i++)
		if (strcmp(mh_table.cases[i].id, name) == 0)
			break;
	if (i == mh_table.ncases) {
		errf(e, "no case '%s' in the table (a case id is "
		    "MAPPING__FLAGS__RANGE__LOCK[__CHECK], e.g. fileshared__S__page__unlocked, "
		    "or kyua's PROGRAM:ID)", id);
		return NULL;
	}
	for (gi = 0; gi < mh_table.ngroups; gi++)
		if (i >= mh_table.groups[gi].first &&
		    i < mh_table.groups[gi].first + mh_table.groups[gi].count)
			break;
	*program = gi < mh_table.ngroups ? mh_table.groups[gi].name : "?";
	if (colon != NULL && ((size_t)(colon - id) != strlen(*program) + 5 ||
	    strncmp(id, *program, strlen(*program)) != 0 || strncmp(colon - 5, "_test", 5) != 0)) {
		errf(e, "case %s is in the program %s_test, not %.*s", name, *program,
		    (int)(colon - id), id);
		return NULL;
	}
	return &mh_table.cases[i];
}

/* The id's values, by dimension: an optional dimension left out is at
 * its first value. */
static void
split_id(struct gen *g)
{
	const char *s = g->c->id, *sep;
	size_t used = 0, n;

	for (unsigned d = 0; d < mh_table.ndims && d < TV_MAXDIMS; d++) {
		sep = strstr(s, "__");
		n = *s == '\0' ? 0 : sep ? (size_t)(sep - s) : strlen(s);
		g->part[d] = g->buf + used;
		if (n == 0 && mh_table.dims[d].optional)
			snprintf(g->buf + used, sizeof g->buf - used, "%s", mh_table.dims[d].values[0]);
		else
			snprintf(g->buf + used, sizeof g->buf - used, "%.*s", (int)n, s);
		used += strlen(g->buf + used) + 1;
		s += n + (sep ? 2 : 0);
		if (used >= sizeof g->buf)
			used = sizeof g->buf - 1;
	}
}

/* The steps main() makes, and the names of the errnos the table knows. */
static void
steps(struct gen *g)
{
	const char *b = g->kind.build, *lock = locks[g->c->lock];
	size_t n;

	sb_puts(&g->steps, "");
	sb_puts(&g->build, "");
	for (b += strspn(b, " "); *b != '\0'; b += strspn(b, " ")) {
		n = strcspn(b, " ");
		sb_printf(&g->steps, "%.*s ", (int)n, b);
		sb_printf(&g->build, "%s\t%.*s();", g->build.len ? "\n" : "", (int)n, b);
		if (g->kind.twomaps && g->c->range == MH_R_TWOMAPS && strncmp(b, "map_file", n) == 0) {
			sb_puts(&g->steps, "twomaps ");
			sb_puts(&g->build, "\n\ttwomaps();");
		}
		b += n;
	}
	sb_printf(&g->steps, "%s %s", lock ? lock : "", checks[g->c->check].step);
	sb_puts(&g->errnos, "");
	for (const char *const *w = mh_table.vocabulary; *w != NULL; w++)
		if ((*w)[0] == 'E' && mh_word_is(MH_WORD_OUTCOME, *w))
			sb_printf(&g->errnos, "%s\t\t{ %s, \"%s\" },", g->errnos.len ? "\n" : "", *w, *w);
}

int
reproduce_write(const char *id, const char *variant, struct sbuf *out, struct err *e)
{
	const struct tview *t = table_view();
	const char *program;
	struct gen g;
	int rc;

	memset(&g, 0, sizeof g);
	if (variant == NULL)
		variant = "manuals";
	if (strcmp(variant, "manuals") != 0 && t->is_document(variant) < 0)
		return errf(e, "no variant '%s' in the table: manuals, or one of the names "
		    "t/variants gives (msync-report explain CASE-ID lists them)", variant);
	if ((g.c = find_case(id, &program, e)) == NULL)
		return -1;
	/* The checks are indexed by the generated enums: the size check
	 * above cannot see a value left out in the middle. */
	if (checks[g.c->check].step == NULL)
		return errf(e, "%s: its check has no row in report/reproduce.c's "
		    "tables (a value added to t/cases.tbl without its reproducer)", id);
	if (kind_of(g.c, &g.kind, e) != 0)
		return -1;
	g.variant = variant;
	g.out = out;
	g.e = e;
	g.emitted = xmalloc(repro_nfrags + 1);
	memset(g.emitted, 0, repro_nfrags + 1);
	split_id(&g);
	steps(&g);
	rc = flags_of(&g);
	if (rc == 0) {
		head(&g, program);
		rc = emit_all(&g, "head main");
	}
	free(g.emitted);
	sb_free(&g.steps);
	sb_free(&g.build);
	sb_free(&g.errnos);
	sb_free(&g.flags);
	return rc;
}
