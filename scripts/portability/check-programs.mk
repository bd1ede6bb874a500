# Read after a configured build tree's own Makefile, once `make all` is done:
#   make -f Makefile -f scripts/portability/check-programs.mk portability-check-programs
# Builds what `make check` would run, without running it: a cross build's
# programs cannot always run here, but they must still compile warning-free.
# (Not a prerequisite of all: automake's all recurses into a second make,
# which would race this one for the same objects.)
portability-check-programs: $(check_PROGRAMS) $(check_SCRIPTS)
.PHONY: portability-check-programs
