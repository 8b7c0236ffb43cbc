#!/bin/sh
# t1254-merge-again-schema8: t0580's merging again (a stick that comes back, a merged file
# merged again, what is decided without reading rows) with every merge output of schema 8.
# Since schema 8 is the default this is what the default run of t0580 checks too; it still
# differs in a run with SURVEY_STORE_SCHEMA=7 exported (laptops of schema 7, outputs of 8). The
# same suite at schema 7 throughout: t1261.
SURVEY_UNDER=$SURVEY SURVEY=$TOP/tests/cli/survey-merge8
export SURVEY_UNDER SURVEY
exec sh tests/cli/t0580-merge-again.sh
