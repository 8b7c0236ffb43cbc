/* fw_why.h: why a fieldwork step of the store (frame, assign, kit, receive, reviews), or the
 * opening of its file, was refused, as a code and its values besides the English line in err,
 * so that the command says it in the user's language (the store knows no language; errno is
 * the model). */
#ifndef SURVEY_STORE_FW_WHY_H
#define SURVEY_STORE_FW_WHY_H

typedef enum store_fw_why_code {
	FW_WHY_NONE = 0,
	FW_WHY_FRAME_CONFLICT,     /* unit */
	FW_WHY_NO_COLUMN,          /* form, column */
	FW_WHY_NOT_IN_FRAME,       /* unit, form */
	FW_WHY_NO_FRAME,           /* file */
	FW_WHY_NO_FORM,            /* file, form */
	FW_WHY_NO_UNITS,           /* interviewer, form, file */
	FW_WHY_NOT_KIT,            /* kit */
	FW_WHY_KIT_FORM,           /* kit, form, version, laptop file, its form, its version */
	FW_WHY_KIT_WHO,            /* kit, its interviewer, laptop file, the laptop's */
	FW_WHY_KIT_IVS,            /* kit, form, laptop file, the other form */
	FW_WHY_KIT_MERGE,          /* kit, the merge's reason (English) */
	FW_WHY_NO_INTERVIEW,       /* uuid, file */
	FW_WHY_DRAFT,              /* uuid */
	FW_WHY_DISCARDED,          /* uuid */
	FW_WHY_NO_ANSWER,          /* uuid, path */
	FW_WHY_NO_REVIEWS,         /* file */
	FW_WHY_REVIEWER,           /* the limit in bytes */
	FW_WHY_TEXT,               /* the limit in bytes */
	FW_WHY_NEEDS_REASON,       /* (a rejection without a text) */
	FW_WHY_NEEDS_COMMENT,      /* (a comment without a text) */
	FW_WHY_OTHER_DB,           /* file: an SQLite file of another program (store_open) */
	FW_WHY_NEWER_DB,           /* file, its schema, the newest this survey reads (store_open) */
	FW_WHY_BUSY,               /* file: in use by another program (store_sqlerr) */
	FW_WHY_FORM_CHANGED,       /* form, version, file, questionnaire: another form of that
	                            * version is there (store_form_put) */
	FW_WHY_N
} store_fw_why_code;

#define STORE_FW_WHY_ARGS 6
#define STORE_FW_WHY_ARG_MAX 512

typedef struct store_fw_why {
	store_fw_why_code code;
	char arg[STORE_FW_WHY_ARGS][STORE_FW_WHY_ARG_MAX];   /* the code's values, as text */
	char line[512];                                       /* the English line it came with */
} store_fw_why;

/* Record the refusal just written to err (ERR_MAX bytes) with its nargs text values (each cut
 * to STORE_FW_WHY_ARG_MAX - 1 bytes). Returns -1, like errf. */
int store_fw_why_set(const char *err, store_fw_why_code code, int nargs, ...);
/* The refusal recorded last, when err still holds its line (else FW_WHY_NONE: an error that
 * came after it, said in English). Never NULL. */
const store_fw_why *store_fw_why_of(const char *err);

#endif
