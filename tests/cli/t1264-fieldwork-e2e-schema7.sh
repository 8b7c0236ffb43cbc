#!/bin/sh
# t1264-fieldwork-e2e-schema7: t1090's fieldwork from the frame to the merged file (assign, kit,
# receive, run, pack, merge) with SURVEY_STORE_SCHEMA=7 exported, so every file it makes (laptops,
# merge outputs) is of schema 7, the old layout: what the default run of t1090-fieldwork-e2e
# covered before schema 8 became the default.
SURVEY_STORE_SCHEMA=7
export SURVEY_STORE_SCHEMA
exec sh tests/cli/t1090-fieldwork-e2e.sh
