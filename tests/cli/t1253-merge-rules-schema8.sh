#!/bin/sh
# t1253-merge-rules-schema8: t0511's merge rules (versions, conflicts, merged files carrying
# their conflicts and provenance, any merge order: the same rows) with every merge output of
# schema 8 (one record per interview), the laptops' files crafted at schema 7 as before.
# Since schema 8 is the default this is what the default run of t0511 checks too; it still
# differs in a run with SURVEY_STORE_SCHEMA=7 exported (laptops of schema 7, outputs of 8). The
# same suite at schema 7 throughout: t1260.
SURVEY_UNDER=$SURVEY SURVEY=$TOP/tests/cli/survey-merge8
export SURVEY_UNDER SURVEY
exec sh tests/cli/t0511-merge-rules.sh
