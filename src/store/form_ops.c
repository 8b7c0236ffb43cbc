/* form_ops.c: the questionnaire reader the store was given (store/form_ops.h). */
#include "store/form_ops.h"

static const store_form_ops *registered;

void store_set_form_ops(const store_form_ops *ops)
{
	registered = ops;
}

const store_form_ops *store_form_ops_get(void)
{
	return registered;
}
