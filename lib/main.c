/* main() of every generated test program: the table is t/cases.c. */
#include "config.h"

#include "mh.h"

int
main(int argc, char **argv)
{
	return mh_main(&mh_table, argc, argv);
}
