# Read after a configured build tree's own Makefile:
#   make -f Makefile -f scripts/portability/check-programs.mk portability-check-programs
# Builds everything `make check` would run, without running it: a cross
# build's programs cannot always run here, but they must still compile
# warning-free.
portability-check-programs: all $(check_PROGRAMS) $(check_SCRIPTS)
.PHONY: portability-check-programs
