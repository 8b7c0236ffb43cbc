#!/bin/sh
# t1258-bundle-hostile-schema8: t0343's hostile media bundles with every file of schema 8 — a
# schema-8 input whose questionnaire does not load is refused saying why it does not load, not
# only that its path ids differ.
SURVEY_STORE_SCHEMA=8
export SURVEY_STORE_SCHEMA
exec sh tests/cli/t0343-bundle-hostile.sh
