#!/bin/sh
# t1254-merge-again-schema8: t0580's merging again (a stick that comes back, a merged file
# merged again, what is decided without reading rows) with every merge output of schema 8.
SURVEY_UNDER=$SURVEY SURVEY=$TOP/tests/cli/survey-merge8
export SURVEY_UNDER SURVEY
exec sh tests/cli/t0580-merge-again.sh
