/*
 * Runner self-test case: stderr output is allowed only when expected.
 * expect-stderr: {{dropping unknown flag}}
 */
int selftest_stderr(void)
{
	return 0;
}
