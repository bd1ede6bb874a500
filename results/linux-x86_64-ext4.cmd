scripts/make-results ext4    # kyua test with test_suites.msync.scratch_dir on ext4
