msync-report expected aix t/expectations.tsv    # via scripts/make-results expected
