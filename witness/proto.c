/* Framing of the control channel (see proto.h); used by both ends. */
#include "config.h"

#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <time.h>

#include "proto.h"

/* MSG_NOSIGNAL: a dead peer must give EPIPE, not kill the sender. */
int
wit_msg_send(int fd, struct wit_msg *m, const char *name, const void *data,
    uint64_t len)
{
	struct iovec iov[3];
	struct msghdr mh;
	size_t left;

	m->namelen = name != NULL ? (uint32_t)strlen(name) : 0;
	m->datalen = data != NULL ? len : 0;
	if (m->namelen > WIT_MSG_NAME_MAX || m->datalen > WIT_MSG_DATA_MAX)
		return -EMSGSIZE;
	iov[0].iov_base = m;
	iov[0].iov_len = sizeof *m;
	iov[1].iov_base = (void *)name;
	iov[1].iov_len = m->namelen;
	iov[2].iov_base = (void *)data;
	iov[2].iov_len = (size_t)m->datalen;
	left = iov[0].iov_len + iov[1].iov_len + iov[2].iov_len;
	memset(&mh, 0, sizeof mh);
	mh.msg_iov = iov;
	mh.msg_iovlen = 3;
	while (left > 0) {
		ssize_t n = sendmsg(fd, &mh, MSG_NOSIGNAL);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -errno;
		}
		left -= (size_t)n;
		/* Skip what was sent; the iovec array is ours to consume. */
		while (mh.msg_iovlen > 0 && (size_t)n >= mh.msg_iov->iov_len) {
			n -= (ssize_t)mh.msg_iov->iov_len;
			mh.msg_iov++;
			mh.msg_iovlen--;
		}
		if (mh.msg_iovlen > 0) {
			mh.msg_iov->iov_base = (char *)mh.msg_iov->iov_base + n;
			mh.msg_iov->iov_len -= (size_t)n;
		}
	}
	return 0;
}

static long
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

/* Reads exactly len bytes; 1, 0 on EOF at the very start, or -errno. */
static int
read_full(int fd, void *buf, size_t len, long deadline)
{
	size_t got = 0;

	while (got < len) {
		ssize_t n;

		if (deadline >= 0) {
			struct pollfd p = { .fd = fd, .events = POLLIN };
			long wait = deadline - now_ms();
			int r;

			if (wait < 0)
				return -ETIMEDOUT;
			r = poll(&p, 1, (int)(wait > 60000 ? 60000 : wait));
			if (r < 0 && errno != EINTR)
				return -errno;
			if (r <= 0)
				continue;
		}
		n = recv(fd, (char *)buf + got, len - got, 0);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -errno;
		}
		if (n == 0)
			return got == 0 ? 0 : -EPROTO;
		got += (size_t)n;
	}
	return 1;
}

int
wit_msg_recv(int fd, struct wit_msg *m, char *name, size_t namesz,
    void **data, int timeout_ms)
{
	long deadline = timeout_ms < 0 ? -1 : now_ms() + timeout_ms;
	int r;

	*data = NULL;
	name[0] = '\0';
	r = read_full(fd, m, sizeof *m, deadline);
	if (r <= 0)
		return r;
	if (m->namelen > WIT_MSG_NAME_MAX || m->namelen >= namesz ||
	    m->datalen > WIT_MSG_DATA_MAX)
		return -EPROTO;
	r = read_full(fd, name, m->namelen, deadline);
	if (r <= 0)
		return r < 0 ? r : -EPROTO;
	name[m->namelen] = '\0';
	if (m->datalen == 0)
		return 1;
	*data = malloc((size_t)m->datalen);
	if (*data == NULL)
		return -ENOMEM;
	r = read_full(fd, *data, (size_t)m->datalen, deadline);
	if (r <= 0) {
		free(*data);
		*data = NULL;
		return r < 0 ? r : -EPROTO;
	}
	return 1;
}
