scripts/run-target riscv64    # qemu-user 7.2.22 (Debian 1:7.2+dfsg-7+deb12u18+b3), kyua test of the whole suite, variant=manuals; build 3m35s, kyua 5m13s
