scripts/make-results m32    # scripts/portability-builds m32, then its own msync-report
