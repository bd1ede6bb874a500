/*
 * The record line a case prints and the facts its program records, as the
 * harness writes them (lib/record.c) and msync-report reads them
 * (report/record.c, report/db.c): their words, keys and format numbers,
 * defined here once.  The facts themselves are listed in facts.h.
 * results/README.md ("The record line") documents them; no ATF here.
 */
#ifndef MH_RECORDFMT_H
#define MH_RECORDFMT_H

#include "grammar.h"		/* MH_SILENT_WORD */

/*
 * The record: MH_RECORD_TAG, then TAB-separated KEY=VALUE fields.
 * Format 2 said that the facts are in the programs' metadata (below);
 * format 3 added the verdict the case was judged by, and a case that could
 * not observe its call prints none.
 */
#define MH_RECORD_TAG		"msync-record"
#define MH_RECORD_FORMAT	3	/* the format written */
#define MH_RECORD_FORMAT_MIN	1	/* the oldest still read */

#define MH_KEY_FORMAT		"format"
#define MH_KEY_ID		"id"
#define MH_KEY_VERDICT		"verdict"	/* format 3 on */
#define MH_KEY_OBSERVED		"observed"
#define MH_KEY_FS		"fs"
#define MH_KEY_OBS		"obs"
#define MH_KEY_VARIANT		"v."		/* v.NAME=<judgement> */

/* A variant's judgement of the outcome, in the order of enum mh_match:
 * silent, match, contradict. */
#define MH_MATCH_WORD		"match"
#define MH_CONTRADICT_WORD	"contradict"

/* The verdict: MH_MANUALS, or the name of the one variant judged by. */
#define MH_MANUALS		"manuals"

/* The obs= that records before format 3 could carry for a case that broke
 * after its call: the case is broken, and its outcome never counts. */
#define MH_BROKEN_AFTER_CALL	"broken-after-call"

/*
 * The facts, as ATF metadata of every case (kyua keeps X-NAME as
 * custom.NAME): MH_MD_FACTS is "format=MH_FACTS_FORMAT" and the facts of
 * facts.h as TAB-separated KEY=VALUE fields; on each program's first case,
 * MH_MD_TITLE "NN" (01, 02, ... in table order) is "NAME TITLE" of the
 * NN-th variant.
 */
#define MH_MD_PREFIX		"msync-"
#define MH_MD_FACTS		MH_MD_PREFIX "facts"
#define MH_MD_TITLE		MH_MD_PREFIX "variant-"
#define MH_FACTS_FORMAT		2

#endif
