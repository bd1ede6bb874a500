/*
 * no-xstate COMMAND [ARG...]: runs COMMAND with ptrace(PTRACE_GETREGSET,
 * pid, NT_X86_XSTATE, ...) failing with EIO (a seccomp filter), as on a
 * CPU without XSAVE.
 *
 * Why: user-mode Linux 6.1 (x86_64) probes that request once at boot
 * (arch/x86/um/os-Linux/registers.c, arch_init_registers) and, when it
 * works, moves every process's FP state with PTRACE_SETREGSET and a
 * fixed sizeof(struct _xstate) buffer (832 bytes).  The host kernel
 * accepts only its whole XSAVE area (arch/x86/kernel/fpu/regset.c,
 * xstateregs_set: count != fpu_user_cfg.max_size gives EFAULT), larger on
 * a CPU with AVX-512 or AMX, so no process starts in UML there.  With the
 * probe failing, UML takes its own fallback, PTRACE_GETFPREGS and
 * PTRACE_SETFPREGS (the 512-byte FXSAVE area: x87 and SSE).  The AVX and
 * AVX-512 registers are then not carried across UML's context switches,
 * so the caller also turns glibc's use of them off (GLIBC_TUNABLES).
 *
 * Used by scripts/target/uml; x86_64 Linux hosts only.
 */
#include <errno.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#define GETREGSET 0x4204	/* PTRACE_GETREGSET */
#define XSTATE 0x202		/* NT_X86_XSTATE */
#define ARG_LO(n) (offsetof(struct seccomp_data, args) + 8 * (n))

int
main(int argc, char **argv)
{
	struct sock_filter f[] = {
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_X86_64, 0, 9),
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_ptrace, 0, 7),
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, ARG_LO(0)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, GETREGSET, 0, 5),
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, ARG_LO(0) + 4),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 0, 0, 3),
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, ARG_LO(2)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, XSTATE, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | EIO),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	};
	struct sock_fprog prog = { sizeof f / sizeof f[0], f };

	if (argc < 2) {
		fprintf(stderr, "usage: no-xstate COMMAND [ARG...]\n");
		return 2;
	}
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0 ||
	    prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog) != 0) {
		fprintf(stderr, "no-xstate: seccomp filter: %s\n", strerror(errno));
		return 1;
	}
	execvp(argv[1], argv + 1);
	fprintf(stderr, "no-xstate: %s: %s\n", argv[1], strerror(errno));
	return 127;
}
