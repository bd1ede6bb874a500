/*
 * Control channel between a case (witness.c) and its msync-witness daemon:
 * a private AF_UNIX stream socketpair created by wit_mount(), so control
 * traffic can never be confused with file data, and the daemon sees EOF the
 * moment the case dies.  Every message is a fixed header, then namelen bytes
 * of name, then datalen bytes of data; a reply echoes the request type.
 * Both ends are built from the same tree, so the header is sent as-is.
 */
#ifndef MSYNC_WITNESS_PROTO_H
#define MSYNC_WITNESS_PROTO_H

#include <stdint.h>

enum wit_msg_type {
	/* daemon -> case once: err 0 = mounted; else ops = enum wit_status,
	 * data = reason */
	WIT_MSG_HELLO = 1,
	WIT_MSG_LOG_READ,	/* reply: data = wit_rec[], arg = dropped */
	WIT_MSG_LOG_CLEAR,
	WIT_MSG_MARK,		/* name = label; reply: arg = seq */
	WIT_MSG_POKE,		/* name, off, data */
	WIT_MSG_PEEK,		/* name, off, arg = length; reply: data */
	WIT_MSG_FAIL,		/* name, ops = mask, arg = errno (0 heals) */
	WIT_MSG_QUIT		/* unmount; the reply is the daemon's last word */
};

struct wit_msg {
	uint32_t type;
	int32_t err;		/* replies: 0 or an errno value */
	uint32_t ops;
	uint32_t namelen;
	uint64_t off;
	uint64_t arg;
	uint64_t datalen;
};

#define WIT_MSG_NAME_MAX 255		/* NAME_MAX of the witness */
#define WIT_MSG_DATA_MAX (64u << 20)	/* sanity bound, not a protocol need */

/*
 * Sends one message; namelen and datalen are taken from name and len.
 * Returns 0 or -errno (EPIPE when the peer is gone; never raises SIGPIPE).
 */
int wit_msg_send(int fd, struct wit_msg *m, const char *name,
    const void *data, uint64_t len);
/*
 * Receives one message; name gets a NUL-terminated copy (namesz >= 256),
 * *data a malloc'ed buffer of m->datalen bytes (NULL when empty).
 * timeout_ms < 0 waits forever.  Returns 1, 0 on EOF before a message,
 * or -errno (-ETIMEDOUT, -EPROTO for a malformed message).
 */
int wit_msg_recv(int fd, struct wit_msg *m, char *name, size_t namesz,
    void **data, int timeout_ms);

#endif
