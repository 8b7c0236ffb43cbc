#!/bin/sh
# t1258-bundle-hostile-schema8: t0343's hostile media bundles with every file of schema 8 — a
# schema-8 input whose questionnaire does not load is refused saying why it does not load, not
# only that its path ids differ. Since schema 8 is the default this is what the default run of
# t0343 checks too (kept for a run with SURVEY_STORE_SCHEMA=7 exported); t0343 at schema 7: t1263.
SURVEY_STORE_SCHEMA=8
export SURVEY_STORE_SCHEMA
exec sh tests/cli/t0343-bundle-hostile.sh
