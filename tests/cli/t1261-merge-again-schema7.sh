#!/bin/sh
# t1261-merge-again-schema7: t0580's merging again (a stick that comes back, a merged file merged
# again, what is decided without reading rows) with SURVEY_STORE_SCHEMA=7 exported, so every file
# it makes (laptops, merge outputs) is of schema 7, the old layout: what the default run of
# t0580-merge-again covered before schema 8 became the default.
SURVEY_STORE_SCHEMA=7
export SURVEY_STORE_SCHEMA
exec sh tests/cli/t0580-merge-again.sh
