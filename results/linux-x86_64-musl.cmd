scripts/make-results musl    # scripts/portability-builds musl, then its own msync-report
