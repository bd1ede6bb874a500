/*@needs refused lacks*/
/* Everything mapped now locked: mlockall(MCL_CURRENT). */
static void
lock_all(void)
{
#ifdef MCL_CURRENT
	if (mlockall(MCL_CURRENT) != 0)
		refused("mlockall(MCL_CURRENT)");
#else
	lacks("this system has no mlockall()");
#endif
}
