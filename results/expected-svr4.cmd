msync-report expected svr4 t/expectations.tsv    # via scripts/make-results expected
