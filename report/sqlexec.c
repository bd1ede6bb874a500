/* Test helper: creates the SQLite database DB by running the SQL read from
 * stdin, so the tests can build kyua results files by hand without the
 * sqlite3 shell. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include <sqlite3.h>

int
main(int argc, char **argv)
{
	size_t len = 0, cap = 4096, n;
	char *sql, *msg = NULL;
	sqlite3 *db;

	if (argc != 2) {
		fputs("usage: sqlexec DB < SQL\n", stderr);
		return 2;
	}
	sql = malloc(cap);
	while (sql && (n = fread(sql + len, 1, cap - len - 1, stdin)) > 0)
		if ((len += n) + 1 == cap)
			sql = realloc(sql, cap *= 2);
	if (sql == NULL)
		return 2;
	sql[len] = '\0';
	if (sqlite3_open(argv[1], &db) != SQLITE_OK ||
	    sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		fprintf(stderr, "sqlexec: %s\n", msg ? msg : sqlite3_errmsg(db));
		return 1;
	}
	sqlite3_close(db);
	free(sql);
	return 0;
}
