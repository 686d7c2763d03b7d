/*
 * Runner self-test case: passes header directives through. fake-pagelife in
 * mode "args" exits 3 unless it got --policy=strict before the case file and
 * "-- -nostdinc -I.../testcases/include -DSELFTEST_FLAG" after it.
 * pagelife-args: --policy=strict
 * pagelife-cflags: -DSELFTEST_FLAG
 * expect-exit: 0
 */
// expect-note@+1: {{two notes}} expect-note@+1: {{on one line}}
int selftest_strict(void)
{
	return 0;
}
