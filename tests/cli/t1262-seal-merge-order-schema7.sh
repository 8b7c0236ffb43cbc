#!/bin/sh
# t1262-seal-merge-order-schema7: t1103's sealed and plain files merged in any order and unsealed
# with SURVEY_STORE_SCHEMA=7 exported, so every file it makes (laptops, merge outputs) is of
# schema 7, the old layout: what the default run of t1103-seal-merge-order covered before schema 8
# became the default.
SURVEY_STORE_SCHEMA=7
export SURVEY_STORE_SCHEMA
exec sh tests/cli/t1103-seal-merge-order.sh
