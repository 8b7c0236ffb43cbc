/* prefs.c: the interview screen's on/off settings of this laptop (go on after a choice,
 * question numbers): two of the laptop's settings (settings.c), kept as "0"/"1". */
#include "store/store_impl.h"

#include <stdlib.h>
#include <string.h>

#include "util/util.h"

int store_pref_get(store *st, const char *key, int *on, char *err)
{
	char *v;
	*on = 0;
	if (store_setting_get(st, key, &v, err))
		return -1;
	/* anything but "1" (absent, damaged or crafted) reads as off */
	*on = v && strcmp(v, "1") == 0;
	free(v);
	return 0;
}

int store_pref_set(store *st, const char *key, int on, char *err)
{
	return store_setting_set(st, key, on ? "1" : "0", err);
}
