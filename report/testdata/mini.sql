-- A hand-built kyua results file (store schema version 3): the tables and
-- columns msync-report reads, as kyua 0.13/0.14 writes them.  Run
-- "sqlexec DB < mini.sql" to build it.  Timestamps are microseconds except
-- metadata.timestamp (seconds): 1700000000 is 2023-11-14 UTC.
CREATE TABLE metadata (schema_version INTEGER PRIMARY KEY, timestamp TIMESTAMP NOT NULL);
CREATE TABLE contexts (cwd TEXT NOT NULL);
CREATE TABLE env_vars (var_name TEXT PRIMARY KEY, var_value TEXT NOT NULL);
CREATE TABLE metadatas (metadata_id INTEGER NOT NULL, property_name TEXT NOT NULL,
    property_value TEXT, PRIMARY KEY (metadata_id, property_name));
CREATE TABLE test_programs (test_program_id INTEGER PRIMARY KEY AUTOINCREMENT,
    absolute_path TEXT NOT NULL, root TEXT NOT NULL, relative_path TEXT NOT NULL,
    test_suite_name TEXT NOT NULL, metadata_id INTEGER, interface TEXT NOT NULL);
CREATE TABLE test_cases (test_case_id INTEGER PRIMARY KEY AUTOINCREMENT,
    test_program_id INTEGER REFERENCES test_programs, name TEXT NOT NULL,
    metadata_id INTEGER);
CREATE TABLE test_results (test_case_id INTEGER PRIMARY KEY REFERENCES test_cases,
    result_type TEXT NOT NULL, result_reason TEXT, start_time TIMESTAMP NOT NULL,
    end_time TIMESTAMP NOT NULL);
CREATE TABLE test_case_files (test_case_id INTEGER NOT NULL REFERENCES test_cases,
    file_name TEXT NOT NULL, file_id INTEGER NOT NULL REFERENCES files,
    PRIMARY KEY (test_case_id, file_name));
CREATE TABLE files (file_id INTEGER PRIMARY KEY, contents BLOB NOT NULL);
INSERT INTO metadata VALUES (3, 1700000000);
INSERT INTO contexts VALUES ('/nonexistent/build');
INSERT INTO env_vars VALUES ('HOME', '/nonexistent');
INSERT INTO test_programs VALUES (1, '/nonexistent/build/t/fileshared_nolock1_test', '/nonexistent/build/t', 'fileshared_nolock1_test', 'msync', 0, 'atf');
INSERT INTO test_cases VALUES (1, 1, 'fileshared__SI__hole__mlockall', 1);
INSERT INTO test_results VALUES (1, 'passed', NULL, 1700000000001000, 1700000000001777);
INSERT INTO files VALUES (1, CAST('harness: mapping 4 pages
msync-record	format=1	id=fileshared__SI__hole__mlockall	observed=ENOMEM	fs=ext4	v.netbsd-5.1=match	v.aix=match	v.svr4=silent	v.posix=match	v.linux=match	v.freebsd=match	v.netbsd=contradict	v.openbsd=contradict	v.macos=match	v.illumos=match	obs=-	later=ignored
' AS BLOB));
INSERT INTO test_case_files VALUES (1, '__STDOUT__', 1);
INSERT INTO files VALUES (101, CAST('stderr of case 1
' AS BLOB));
INSERT INTO test_case_files VALUES (1, '__STDERR__', 101);
INSERT INTO test_cases VALUES (2, 1, 'fileshared__zero__page__unlocked', 2);
INSERT INTO test_results VALUES (2, 'failed', 'observed 0, expected EINVAL (posix)', 1700000000002000, 1700000000002777);
INSERT INTO files VALUES (2, CAST('msync-record	format=1	id=fileshared__zero__page__unlocked	observed=0	fs=ext4	v.netbsd-5.1=contradict	v.aix=contradict	v.svr4=silent	v.posix=contradict	v.linux=match	v.freebsd=match	v.netbsd=contradict	v.openbsd=contradict	v.macos=match	v.illumos=contradict	obs=no I/O was done
' AS BLOB));
INSERT INTO test_case_files VALUES (2, '__STDOUT__', 2);
INSERT INTO files VALUES (102, CAST('stderr of case 2
' AS BLOB));
INSERT INTO test_case_files VALUES (2, '__STDERR__', 102);
INSERT INTO test_cases VALUES (3, 1, 'fileshared__SA__page__unlocked', 3);
INSERT INTO test_results VALUES (3, 'passed', NULL, 1700000000003000, 1700000000003777);
INSERT INTO files VALUES (3, CAST('msync-record	format=1	id=fileshared__SA__page__unlocked	observed=0	fs=tmpfs	v.netbsd-5.1=match	v.aix=silent	v.svr4=silent	v.posix=match	v.linux=match	v.freebsd=match	v.netbsd=match	v.openbsd=match	v.macos=match	v.illumos=match	obs=mtime updated
' AS BLOB));
INSERT INTO test_case_files VALUES (3, '__STDOUT__', 3);
INSERT INTO files VALUES (103, CAST('stderr of case 3
' AS BLOB));
INSERT INTO test_case_files VALUES (3, '__STDERR__', 103);
INSERT INTO test_cases VALUES (4, 1, 'filero__SS__page__unlocked', 4);
INSERT INTO test_results VALUES (4, 'expected_failure', 'SIGBUS on a read-only mapping', 1700000000004000, 1700000000004777);
INSERT INTO files VALUES (4, CAST('msync-record	format=1	id=filero__SS__page__unlocked	observed=SIGBUS	fs=ext4	v.netbsd-5.1=contradict	v.aix=silent	v.svr4=silent	v.posix=contradict	v.linux=contradict	v.freebsd=contradict	v.netbsd=contradict	v.openbsd=contradict	v.macos=contradict	v.illumos=contradict	obs=page 2 read back as zero
' AS BLOB));
INSERT INTO test_case_files VALUES (4, '__STDOUT__', 4);
INSERT INTO files VALUES (104, CAST('stderr of case 4
' AS BLOB));
INSERT INTO test_case_files VALUES (4, '__STDERR__', 104);
INSERT INTO test_cases VALUES (5, 1, 'fileshared__SS__wrap__unlocked', 5);
INSERT INTO test_results VALUES (5, 'failed', 'unnamed errno', 1700000000005000, 1700000000005777);
INSERT INTO files VALUES (5, CAST('msync-record	format=1	id=fileshared__SS__wrap__unlocked	observed=errno=999	fs=ext4	v.netbsd-5.1=silent	v.aix=silent	v.svr4=silent	v.posix=silent	v.linux=match	v.freebsd=contradict	v.netbsd=contradict	v.openbsd=contradict	v.macos=match	v.illumos=match	obs=-
' AS BLOB));
INSERT INTO test_case_files VALUES (5, '__STDOUT__', 5);
INSERT INTO files VALUES (105, CAST('stderr of case 5
' AS BLOB));
INSERT INTO test_case_files VALUES (5, '__STDERR__', 105);
INSERT INTO test_programs VALUES (2, '/nonexistent/build/t/anon_nolock1_test', '/nonexistent/build/t', 'anon_nolock1_test', 'msync', 0, 'atf');
INSERT INTO test_cases VALUES (6, 2, 'anonshared__SA__page__unlocked', 6);
INSERT INTO test_results VALUES (6, 'skipped', 'no anonymous shared mappings', 1700000000006000, 1700000000006777);
INSERT INTO files VALUES (106, CAST('stderr of case 6
' AS BLOB));
INSERT INTO test_case_files VALUES (6, '__STDERR__', 106);
INSERT INTO test_cases VALUES (7, 2, 'anonprivate__SA__page__unlocked', 7);
INSERT INTO test_results VALUES (7, 'broken', 'Premature exit; test case exited with code 3', 1700000000007000, 1700000000007777);
INSERT INTO files VALUES (7, CAST('harness: setting up
' AS BLOB));
INSERT INTO test_case_files VALUES (7, '__STDOUT__', 7);
INSERT INTO files VALUES (107, CAST('stderr of case 7
' AS BLOB));
INSERT INTO test_case_files VALUES (7, '__STDERR__', 107);
INSERT INTO test_programs VALUES (3, '/nonexistent/build/t/broken_test', '/nonexistent/build/t', 'broken_test', 'msync', 0, 'atf');
INSERT INTO test_cases VALUES (8, 3, '__test_cases_list__', 8);
INSERT INTO test_results VALUES (8, 'broken', 'Test program did not exit cleanly', 1700000000008000, 1700000000008777);
INSERT INTO files VALUES (108, CAST('stderr of case 8
' AS BLOB));
INSERT INTO test_case_files VALUES (8, '__STDERR__', 108);
INSERT INTO test_programs VALUES (4, '/nonexistent/build/t/self_test', '/nonexistent/build/t', 'self_test', 'msync-self', 0, 'atf');
INSERT INTO test_cases VALUES (9, 4, 'zzz_other', 9);
INSERT INTO test_results VALUES (9, 'passed', NULL, 1700000000009000, 1700000000009777);
INSERT INTO files VALUES (9, CAST('msync-record	format=1	id=zzz_other	observed=EINVAL	fs=ext4	v.netbsd-5.1=match	v.aix=match	v.svr4=match	v.posix=match	v.linux=match	v.freebsd=match	v.netbsd=match	v.openbsd=match	v.macos=match	v.illumos=match	obs=-
' AS BLOB));
INSERT INTO test_case_files VALUES (9, '__STDOUT__', 9);
INSERT INTO files VALUES (109, CAST('stderr of case 9
' AS BLOB));
INSERT INTO test_case_files VALUES (9, '__STDERR__', 109);
