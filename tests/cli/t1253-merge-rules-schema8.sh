#!/bin/sh
# t1253-merge-rules-schema8: t0511's merge rules (versions, conflicts, merged files carrying
# their conflicts and provenance, any merge order: the same rows) with every merge output of
# schema 8 (one record per interview), the laptops' files crafted at schema 7 as before.
SURVEY_UNDER=$SURVEY SURVEY=$TOP/tests/cli/survey-merge8
export SURVEY_UNDER SURVEY
exec sh tests/cli/t0511-merge-rules.sh
