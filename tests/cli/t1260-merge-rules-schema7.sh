#!/bin/sh
# t1260-merge-rules-schema7: t0511's merge rules (versions, conflicts, merged files carrying their
# conflicts and provenance, any merge order: the same rows) with SURVEY_STORE_SCHEMA=7 exported,
# so every file it makes (laptops, merge outputs) is of schema 7, the old layout: what the default
# run of t0511-merge-rules covered before schema 8 became the default.
SURVEY_STORE_SCHEMA=7
export SURVEY_STORE_SCHEMA
exec sh tests/cli/t0511-merge-rules.sh
