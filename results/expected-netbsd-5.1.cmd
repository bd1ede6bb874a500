msync-report expected netbsd-5.1 t/expectations.tsv    # via scripts/make-results expected
