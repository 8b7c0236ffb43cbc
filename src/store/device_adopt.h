/* device_adopt.h: a new survey file takes a given device id as its own (`survey simulate`: a
 * simulated laptop's interviews are of the file's own device, so that corrections made on it
 * later extend their logs as updates, and the same seed still gives the same device ids). */
#ifndef SURVEY_STORE_DEVICE_ADOPT_H
#define SURVEY_STORE_DEVICE_ADOPT_H

#include "store/store.h"

/* When st holds no interview yet, make device_id (a UUID, as store_uuid4 writes one) its own
 * device id (store_device_id); a file that holds interviews keeps its own. 0, or -1 with err
 * (a write that failed, or an id that is not a UUID). */
int store_adopt_device_id(store *st, const char *device_id, char *err);

#endif
