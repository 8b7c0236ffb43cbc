/* cmd_lock.c: the advisory lock of a laptop's database, taken by `survey run` for the whole
 * session and by `survey receive` while it applies a kit (cmd.h). */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd.h"
#include "ui/i18n.h"
#include "util/util.h"

int cmd_lock_db(const char *db, const char *locked_fmt, char **lock_path, char *err)
{
	*lock_path = xasprintf("%s.lock", db);
	for (int tries = 0; tries < 10; tries++) {
		int fd = open(*lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
		if (fd < 0)
			return errf(err, ui_tr(UI_M_RUN_LOCK_FAIL), *lock_path, ui_strerror(errno));
		if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
			int e = errno;
			close(fd);
			if (e == EWOULDBLOCK)
				return errf(err, locked_fmt, db);
			return errf(err, ui_tr(UI_M_RUN_LOCK_FAIL), *lock_path, ui_strerror(e));
		}
		struct stat a, b;
		if (fstat(fd, &a) == 0 && stat(*lock_path, &b) == 0 && a.st_ino == b.st_ino &&
		    a.st_dev == b.st_dev)
			return fd;
		close(fd);   /* it was unlinked under us: take the new one */
	}
	return errf(err, ui_tr(UI_M_RUN_LOCK_FAIL), *lock_path, "?");
}

void cmd_unlock_db(int fd, char *lock_path)
{
	if (fd >= 0) {
		unlink(lock_path);
		close(fd);
	}
	free(lock_path);
}
