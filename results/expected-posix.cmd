msync-report expected posix t/expectations.tsv    # via scripts/make-results expected
