/* record_hash.h: an interview's event-log hash and content hash from its decoded rows
 * (record.h), equal to those the store computes from the schema-7 rows. */
#ifndef SURVEY_STORE_RECORD_HASH_H
#define SURVEY_STORE_RECORD_HASH_H

#include "store/record.h"

/* The SHA-256 (hex) of the event rows in order: store_iv_events_hash's. */
void record_events_hash(const record_rows *r, char out[65]);
/* The content hash (store_chash over the answers in path order) of interview uuid. */
void record_content_hash(const record_rows *r, const char *uuid, const char *form_id,
			 const char *form_version, char out[65]);

#endif
