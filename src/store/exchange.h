/* exchange.h: what `survey import` needs from the store beyond store.h — a savepoint around
 * each imported row inside the import's batch, so that a bad row leaves nothing behind while
 * the good ones wait for the one commit at the end. */
#ifndef SURVEY_STORE_EXCHANGE_H
#define SURVEY_STORE_EXCHANGE_H

#include "store/store.h"

/* Mark the current point of the open batch (store_batch_begin first; -1 otherwise). Savepoints
 * do not nest: end one before beginning the next. */
int store_savepoint_begin(store *st, char *err);
/* keep 1: keep what was written since the savepoint (it still waits for the batch's commit);
 * keep 0: undo it. */
int store_savepoint_end(store *st, int keep, char *err);

#endif
