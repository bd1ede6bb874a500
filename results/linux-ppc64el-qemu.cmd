scripts/run-target ppc64el    # qemu-user 7.2.22 (Debian 1:7.2+dfsg-7+deb12u18+b3), kyua test of the whole suite, variant=manuals; build 4m52s, kyua 14m49s
