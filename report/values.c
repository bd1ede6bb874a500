/* msync-report values: what every value of the table's dimensions means
 * (the value lines' texts), and the classes of findings. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "tview.h"
#include "values.h"

int
values_write(const char *const *names, int n, const struct tview *t,
    struct sbuf *out, struct err *e)
{
	int *shown = xmalloc((size_t)(n + 1) * sizeof *shown);

	memset(shown, 0, (size_t)(n + 1) * sizeof *shown);
	for (int d = 0; d < t->ndims; d++) {
		int whole = n == 0, head = 0, w = 0;

		for (int a = 0; a < n; a++)
			if (strcmp(names[a], t->dim[d]) == 0)
				whole = shown[a] = 1;
		for (int k = 0; k < t->nvalues[d]; k++) {
			int len = (int)strlen(t->values[d][k]);

			w = len > w ? len : w;
		}
		for (int k = 0; k < t->nvalues[d]; k++) {
			int want = whole;

			for (int a = 0; a < n && !want; a++)
				if (strcmp(names[a], t->values[d][k]) == 0)
					want = shown[a] = 1;
			if (!want)
				continue;
			if (!head++)
				sb_printf(out, "%s%s: %s%s\n", out->len ? "\n" : "",
				    t->dim[d], t->dim_what[d], t->optional[d] ?
				    " (optional: ids leave out its first value)" :
				    "");
			sb_printf(out, "  %-*s  %s\n", w, t->values[d][k],
			    t->texts[d][k]);
		}
	}
	for (int k = 0, head = 0; k < t->nclasses; k++) {
		int want = n == 0;

		for (int a = 0; a < n; a++)
			if (strcmp(names[a], t->class_name[k]) == 0 ||
			    strcmp(names[a], "severity") == 0)
				want = shown[a] = 1;
		if (!want)
			continue;
		if (!head++)
			sb_printf(out, "%sseverity: the classes of findings, most "
			    "severe first, and the outcomes each holds\n",
			    out->len ? "\n" : "");
		sb_printf(out, "  %d %-9s %s: %s\n", k + 1, t->class_name[k],
		    t->class_title[k], t->class_words[k]);
	}
	for (int a = 0; a < n; a++)
		if (!shown[a]) {
			errf(e, "no dimension, value or severity class '%s' in "
			    "this msync-report's table (msync-report values lists "
			    "them)", names[a]);
			free(shown);
			return -1;
		}
	free(shown);
	return 0;
}
