/* merge_form.h: the questionnaire of the merge fuzzer: fuzz_merge.c simulates its base output
 * with it and merge_seed.c writes it for make-merge-corpus.sh, so that seeds and base share
 * the form (its bytes, hence its hash) and, by the seed, interview UUIDs. */
#ifndef FUZZ_MERGE_FORM_H
#define FUZZ_MERGE_FORM_H

static const char merge_form_md[] =
	"| survey |\n"
	"| | type | name | label | constraint |\n"
	"| | text | village | Village | |\n"
	"| | integer | age | Age | . >= 0 and . <= 120 |\n"
	"| | select_one yn | ok | OK? | |\n"
	"\n"
	"| choices |\n"
	"| | list_name | name | label |\n"
	"| | yn | y | Yes |\n"
	"| | yn | n | No |\n"
	"\n"
	"| settings |\n"
	"| | form_id | version | key_questions |\n"
	"| | tiny | 1 | village age |\n";

/* The base laptop: `survey simulate FORM -n MERGE_BASE_N --seed MERGE_BASE_SEED` (defaults). */
#define MERGE_BASE_SEED 1
#define MERGE_BASE_N 3

#endif
