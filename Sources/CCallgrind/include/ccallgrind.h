// Callgrind client requests behind plain C calls, so Swift can bracket exactly the measured region. Built against
// Debian's valgrind headers (/usr/include/valgrind/callgrind.h) when present; without them every call is a no-op and
// portbench_callgrind_available() returns 0.
#ifndef PORTBENCH_CCALLGRIND_H
#define PORTBENCH_CCALLGRIND_H

/// 1 when this build holds the client requests (valgrind's headers were found), else 0.
int portbench_callgrind_available(void);
/// The number of valgrinds this process runs under (0 natively).
unsigned portbench_running_on_valgrind(void);
/// Zeroes the counters and switches instrumentation on (every thread is counted from here).
void portbench_callgrind_start(void);
/// Switches instrumentation off and dumps the counters since the start, labelled `label`.
void portbench_callgrind_stop(const char *label);

#endif
