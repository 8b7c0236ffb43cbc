/* record_golden.h: written by make-record-golden.py (do not edit): crafted schema-7
 * rows and the record texts bench/storage_layout.py builds from them. */
static const long long golden_ids[] = { 1, 2, 3, 5, 7 };
static const char *const golden_templates[] = { "g/a", "g/b", "rep[%]/name", "rep[%]/age", "h/c" };
static record_answer golden_a0[] = {
	{ (char *)"g/a", (char *)"yes", (char *)"answered", (char *)"2021-10-03T19:01:00.500Z" },
	{ (char *)"g/b", NULL, (char *)"dont_know", (char *)"2021-10-03T19:01:10.000Z" },
	{ (char *)"rep[1]/name", (char *)"\320\220\320\271\320\263\322\257\320\273", (char *)"answered", (char *)"2021-10-03T19:02:00.000Z" },
	{ (char *)"rep[2]/name", (char *)"say \"hi\"\012\001\011\\ \177", (char *)"answered", (char *)"2021-10-03T19:09:09.009Z" },
	{ (char *)"rep[10]/name", (char *)"x", (char *)"skipped", (char *)"2021-10-03T19:02:30.000Z" },
	{ (char *)"rep[2]/age", (char *)"31", (char *)"answered", (char *)"2021-10-03T19:02:40.000Z" },
	{ (char *)"no/such", (char *)"x", (char *)"answered", (char *)"2021-10-03T19:03:00.000Z" },
	{ (char *)"g/a[2]", (char *)"br", (char *)"answered", (char *)"2021-10-03T19:03:00.000Z" },
	{ (char *)"rep[0]/name", (char *)"z", (char *)"answered", (char *)"2021-10-03T19:03:00.000Z" },
	{ (char *)"rep[01]/name", (char *)"z", (char *)"answered", (char *)"2021-10-03T19:03:00.000Z" },
	{ (char *)"h/c", (char *)"true", (char *)"weird", (char *)"2021-10-03T19:03:10.000Z" },
	{ NULL, NULL, NULL, NULL }
};
static record_event golden_e0[] = {
	{ 1, 2000, (char *)"2021-10-03T19:00:02.000Z", (char *)"opened", NULL, NULL, (char *)"ky", NULL, NULL },
	{ 2, 30000, (char *)"2021-10-03T19:00:30.000Z", (char *)"answer", (char *)"g/a", NULL, (char *)"no", NULL, (char *)"answered" },
	{ 3, 60500, (char *)"2021-10-03T19:01:00.500Z", (char *)"answer", (char *)"g/a", (char *)"no", (char *)"yes", (char *)"answered", (char *)"answered" },
	{ 4, 70000, (char *)"2021-10-03T19:01:10.000Z", (char *)"answer", (char *)"g/b", NULL, NULL, NULL, (char *)"dont_know" },
	{ 5, 120000, (char *)"2021-10-03T19:01:55.000Z", (char *)"answer", (char *)"rep[1]/name", NULL, (char *)"\320\220\320\271\320\263\322\257\320\273", NULL, (char *)"answered" },
	{ 6, 125000, (char *)"2021-10-03T19:02:00.000Z", (char *)"answer", (char *)"rep[1]/name", (char *)"\320\220\320\271\320\263\322\257\320\273", (char *)"\320\220\320\271\320\263\322\257\320\273", (char *)"answered", (char *)"answered" },
	{ 7, 145000, (char *)"2021-10-03T19:02:20.000Z", (char *)"answer", (char *)"rep[2]/name", NULL, (char *)"say \"hi\"\012\001\011\\ \177", NULL, (char *)"answered" },
	{ 8, 155000, (char *)"2021-10-03T19:02:30.000Z", (char *)"answer", (char *)"rep[10]/name", NULL, (char *)"x", NULL, (char *)"skipped" },
	{ 9, 165000, (char *)"2021-10-03T19:02:40.000Z", (char *)"answer", (char *)"rep[2]/age", NULL, (char *)"31", NULL, (char *)"answered" },
	{ 10, 195000, (char *)"2021-10-03T19:03:10.000Z", (char *)"answer", (char *)"h/c", NULL, (char *)"true", NULL, (char *)"weird" },
	{ 11, 205000, (char *)"2021-10-03T19:03:20.000Z", (char *)"answer", (char *)"gone[3]/q", NULL, (char *)"a", NULL, (char *)"answered" },
	{ 12, 206000, (char *)"2021-10-03T19:03:21.000Z", (char *)"answer", (char *)"gone[3]/q", NULL, (char *)"b", NULL, (char *)"answered" },
	{ 13, 207000, (char *)"2021-10-03T19:03:22.000Z", (char *)"answer", (char *)"gone[3]/q", (char *)"b", (char *)"c", NULL, (char *)"answered" },
	{ 14, 208000, (char *)"2021-10-03T19:03:23.000Z", (char *)"removed", (char *)"gone[3]/q", (char *)"c", NULL, (char *)"answered", NULL },
	{ 15, 215000, (char *)"2021-10-03T19:03:30.000Z", (char *)"custom", NULL, (char *)"was", (char *)"is", NULL, NULL },
	{ 16, 245000, (char *)"2021-10-03T19:04:00.000Z", (char *)"left", NULL, NULL, NULL, NULL, NULL },
	{ 17, 305000, (char *)"2021-10-03T19:05:00.000Z", (char *)"completed", NULL, NULL, (char *)"0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f", NULL, NULL },
	{ 0, 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL }
};
static record_answer golden_a1[] = {
	{ (char *)"g/a", (char *)"1", (char *)"answered", (char *)"2021-10-03T19:44:00Z" },
	{ NULL, NULL, NULL, NULL }
};
static record_event golden_e1[] = {
	{ 1, 2000, (char *)"2021-10-03T19:43:23+06:00", (char *)"opened", NULL, NULL, (char *)"ru", NULL, NULL },
	{ 2, 41000, (char *)"2021-10-03T19:44:00Z", (char *)"answer", (char *)"g/a", NULL, (char *)"1", NULL, (char *)"answered" },
	{ 3, 101000, (char *)"2021-10-03T19:45:00.000Z", (char *)"completed", NULL, NULL, (char *)"NOT HEX", NULL, NULL },
	{ 0, 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL }
};
static record_answer golden_a2[] = {
	{ NULL, NULL, NULL, NULL }
};
static record_event golden_e2[] = {
	{ 0, 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL }
};
static record_answer golden_a3[] = {
	{ (char *)"zz", (char *)"1", (char *)"refused", (char *)"2021-10-03T19:00:00.001Z" },
	{ NULL, NULL, NULL, NULL }
};
static record_event golden_e3[] = {
	{ 1, -5, (char *)"2021-10-03T19:00:00.001Z", (char *)"answer", (char *)"zz", NULL, (char *)"1", NULL, (char *)"refused" },
	{ 0, 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL }
};
static const struct golden {
	const char *created, *hash;
	record_rows rows;
	const char *answers, *events;
} goldens[] = {
	{ "2021-10-03T19:00:00.000Z", "0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f", { golden_a0, 11, golden_e0, 17, NULL },
	  "[{\"g/a[2]\":[\"br\",0,\"2021-10-03T19:03:00.000Z\"],\"no/such\":[\"x\",0,\"2021-10-03T19:03:00.000Z\"],\"rep[01]/name\":[\"z\",0,\"2021-10-03T19:03:00.000Z\"],\"rep[0]/name\":[\"z\",0,\"2021-10-03T19:03:00.000Z\"]},\"yes\",[null,2],{\"10\":[\"x\",1],\"1\":\"\320\220\320\271\320\263\322\257\320\273\",\"2\":[\"say \\\"hi\\\"\\n\\u0001\\t\\\\ \177\",0,\"2021-10-03T19:09:09.009Z\"]},0,{\"2\":\"31\"},0,[\"true\",\"weird\"]]",
	  "[[0,2000,0,null,\"ky\"],[0,28000,1,1,\"no\",0],[0,30500,1,1],[0,9500,1,2],[-5000,50000,1,[3,1]],[0,5000,1,[3,1]],[0,20000,1,[3,2]],[0,10000,1,[3,10]],[0,10000,1,[5,2]],[0,30000,1,7],[0,10000,1,\"gone[3]/q\",\"a\",0],[0,1000,1,\"gone[3]/q\",\"b\",0,null,null],[0,1000,1,\"gone[3]/q\",\"c\",0,\"b\",null],[0,1000,8,\"gone[3]/q\",null],[0,7000,\"custom\",null,\"is\",null,\"was\"],[0,30000,4],[0,60000,5,null,true]]" },
	{ "2021-10-03T19:43:21+06:00", "NOT HEX", { golden_a1, 1, golden_e1, 3, NULL },
	  "[0,\"1\"]",
	  "[[\"2021-10-03T19:43:23+06:00\",2000,0,null,\"ru\"],[\"2021-10-03T19:44:00Z\",39000,1,1],[\"2021-10-03T19:45:00.000Z\",60000,5,null,true]]" },
	{ "2021-10-03T19:00:00.000Z", NULL, { golden_a2, 0, golden_e2, 0, NULL },
	  "[0]",
	  "[]" },
	{ "2021-10-03T19:00:00.000Z", NULL, { golden_a3, 1, golden_e3, 1, NULL },
	  "[{\"zz\":[\"1\",3]}]",
	  "[[6,-5,1,\"zz\"]]" },
};
