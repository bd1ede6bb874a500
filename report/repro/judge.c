/*@needs expects*/
/* Whether outcome is one of the space-separated words of accept.  Where
 * this file saw the return value only (call_only), a 0 stands for any
 * effect word: an effect word (lowercase) names what a call that returned
 * 0 did. */
static int
accepts(const char *accept, const char *outcome, int call_only)
{
	size_t n, len = strlen(outcome);

	for (const char *w = accept; *w != '\0'; w += n + (w[n] == ' ')) {
		n = strcspn(w, " ");
		if (n == len && strncmp(w, outcome, n) == 0)
			return 1;
		if (call_only && strcmp(outcome, "0") == 0 && *w >= 'a' && *w <= 'z')
			return 1;
	}
	return 0;
}

/* Prints what every variant expects and whether the outcome matches it;
 * returns the exit status: 0 when the verdict chosen accepts the outcome
 * (one of its judges that speaks accepts it, or none speaks), 1 when not. */
static int
judge(const char *outcome, int call_only)
{
	int spoke = 0, accepted = 0;

	printf("\nwhat each text expects (msync-conformance's t/variants):\n");
	for (size_t i = 0; i < sizeof expects / sizeof expects[0]; i++) {
		const struct expect *x = &expects[i];
		int yes = x->accept != NULL && accepts(x->accept, outcome, call_only);

		printf("  %s (%s) %s%s\n%s", x->variant, x->kind, x->says,
		    x->accept == NULL ? "" : yes ? ": matched" : ": contradicted", x->rules);
		if (x->judges && x->accept != NULL) {
			spoke = 1;
			accepted |= yes;
		}
	}
	printf("\nverdict %s: ", verdict);
	if (!spoke)
		printf("silent on this case (exit 0)\n");
	else if (accepted)
		printf("%s accepted (exit 0)\n", outcome);
	else
		printf("%s not accepted: this host deviates (exit 1)\n", outcome);
	return spoke && !accepted;
}
