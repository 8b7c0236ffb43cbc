#!/bin/sh
# t1263-bundle-hostile-schema7: t0343's hostile media bundles with SURVEY_STORE_SCHEMA=7 exported,
# so every file it makes (laptops, merge outputs) is of schema 7, the old layout: what the default
# run of t0343-bundle-hostile covered before schema 8 became the default.
SURVEY_STORE_SCHEMA=7
export SURVEY_STORE_SCHEMA
exec sh tests/cli/t0343-bundle-hostile.sh
