#!/bin/sh
# t1257-seal-merge-order-schema8: t1103's sealed and plain files merged in any order and
# unsealed (unseal merges each record into the file), with every merge output of schema 8: the
# opened records, whose payloads carry no questionnaire, are encoded with the output's path ids
# and the file merges on (it was refused as "not written the one way survey writes it").
# Since schema 8 is the default this is what the default run of t1103 checks too; it still
# differs in a run with SURVEY_STORE_SCHEMA=7 exported (laptops of schema 7, outputs of 8). The
# same suite at schema 7 throughout: t1262.
SURVEY_UNDER=$SURVEY SURVEY=$TOP/tests/cli/survey-merge8
export SURVEY_UNDER SURVEY
exec sh tests/cli/t1103-seal-merge-order.sh
