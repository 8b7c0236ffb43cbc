/* device_adopt.c: a new survey file takes a given device id as its own (device_adopt.h). */
#include "store/device_adopt.h"

#include <stdio.h>
#include <string.h>

#include "store/store_impl.h"
#include "util/util.h"

int store_adopt_device_id(store *st, const char *device_id, char *err)
{
	if (!device_id || strlen(device_id) != STORE_UUID_LEN)
		return errf(err, "'%s' is not a device id (a UUID)", device_id ? device_id : "");
	if (strcmp(st->device_id, device_id) == 0)
		return 0;
	sqlite3_stmt *s;
	if (store_prepare(st->db, "SELECT EXISTS (SELECT 1 FROM interviews)", &s, err))
		return -1;
	int step = sqlite3_step(s), any = step == SQLITE_ROW && sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	if (step != SQLITE_ROW)
		return store_sqlerr(st, "cannot read the interviews", err);
	if (any)
		return 0;
	if (store_query(st->db, &s, err, "UPDATE meta SET value = ?1 WHERE key = 'device_id'",
			1, device_id))
		return -1;
	step = sqlite3_step(s);
	sqlite3_finalize(s);
	if (step != SQLITE_DONE)
		return store_sqlerr(st, "cannot write the device id", err);
	snprintf(st->device_id, sizeof st->device_id, "%s", device_id);
	return 0;
}
