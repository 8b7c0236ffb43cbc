/* cmd_list_labels.h: the choice labels of a sample frame column's values, in the language of
 * the listing, for `survey list DB --by COLUMN` (cmd_list_frame.c). */
#ifndef SURVEY_CMD_LIST_LABELS_H
#define SURVEY_CMD_LIST_LABELS_H

struct store;
typedef struct cmd_labels cmd_labels;

/* The labels of the frame column `by` in the questionnaires of st's sample frames (each one's
 * newest version), in the UI language (ui_lang_get(); a questionnaire without it: its default
 * language, then the first that has a label). A questionnaire that cannot be read is passed
 * over. Never NULL; free with cmd_labels_free. */
cmd_labels *cmd_labels_load(struct store *st, const char *by);
/* The label of a value of the column: the label of the choice it names when `by` is a select
 * question of one of those questionnaires (the first, by form id, that has the choice); else
 * value itself (a column that is no select question, a value not in the list, a choice without
 * a label). Borrowed: valid until cmd_labels_free. */
const char *cmd_labels_of(const cmd_labels *l, const char *value);
/* Where value stands in its choice list (0 for the first choice), in the first of those
 * questionnaires that has it; INT_MAX for a value that is no choice (it sorts after them). */
int cmd_labels_rank(const cmd_labels *l, const char *value);
void cmd_labels_free(cmd_labels *l);

#endif
