scripts/make-results xfs    # kyua test with test_suites.msync.scratch_dir on xfs
