/* form_ops.h: survey's questionnaire reader for the store (store/form_ops.h), made of form/:
 * XLSForm loading, answer paths and the check of stored values. */
#ifndef SURVEY_INTERVIEW_FORM_OPS_H
#define SURVEY_INTERVIEW_FORM_OPS_H

#include "store/form_ops.h"

/* The reader (static; never NULL). Register it with store_set_form_ops(interview_form_ops()). */
const store_form_ops *interview_form_ops(void);

#endif
