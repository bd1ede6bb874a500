scripts/make-results btrfs    # kyua test with test_suites.msync.scratch_dir on btrfs
