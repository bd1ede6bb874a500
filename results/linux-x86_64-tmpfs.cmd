scripts/make-results tmpfs    # kyua test with test_suites.msync.scratch_dir on tmpfs
