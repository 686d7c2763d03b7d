/*
 * Runner self-test case with a misspelt directive: run-case must reject the
 * case instead of silently checking nothing.
 */
int selftest_typo(void)
{
	return 0;	/* expect-warnings: page-unguarded-deref */
}
