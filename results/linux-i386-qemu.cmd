scripts/run-target i386    # qemu-user 7.2.22 (Debian 1:7.2+dfsg-7+deb12u18+b3), kyua test of the whole suite, variant=manuals; build 0m35s, kyua 4m14s
