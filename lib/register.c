/*
 * Registers n test cases with ATF at run time, from a table rather than one
 * ATF_TC macro per case: the generated programs and the benchmark's empty
 * programs both need it.
 */
#include "config.h"

#include "mh.h"

atf_error_t
mh_register(atf_tp_t *tp, unsigned n, const char *(*ident)(unsigned),
    atf_tc_head_t head, atf_tc_body_t body, atf_tc_t *tcs, struct atf_tc_pack *packs)
{
	char **config = atf_tp_get_config(tp);
	atf_error_t err = atf_no_error();

	if (config == NULL)
		return atf_no_memory_error();
	for (unsigned i = 0; i < n && !atf_is_error(err); i++) {
		packs[i].m_ident = ident(i);
		packs[i].m_head = head;
		packs[i].m_body = body;
		err = atf_tc_init_pack(&tcs[i], &packs[i], (const char *const *)config);
		if (!atf_is_error(err))
			err = atf_tp_add_tc(tp, &tcs[i]);
	}
	atf_utils_free_charpp(config);
	return err;
}
