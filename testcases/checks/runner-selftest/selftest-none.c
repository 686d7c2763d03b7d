/*
 * Runner self-test case without any expectation: run-case must still run
 * pagelife and fail if it reports anything at all.
 */
int selftest_none(void)
{
	return 0;
}
