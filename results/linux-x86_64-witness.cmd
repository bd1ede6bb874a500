scripts/make-results witness    # kyua test with test_suites.msync.scratch_dir on witness
