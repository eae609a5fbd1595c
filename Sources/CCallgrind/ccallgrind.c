#include "ccallgrind.h"

#if defined(__has_include)
#if __has_include(<valgrind/callgrind.h>)
#include <valgrind/callgrind.h>
#define PORTBENCH_HAS_CALLGRIND 1
#endif
#endif

#ifdef PORTBENCH_HAS_CALLGRIND
int portbench_callgrind_available(void) { return 1; }
unsigned portbench_running_on_valgrind(void) { return (unsigned)RUNNING_ON_VALGRIND; }
// Instrumentation (not collection) is switched: collection state is per thread, so toggling it would miss the
// OpenBLAS and dispatch worker threads; instrumentation is global.
void portbench_callgrind_start(void) {
    CALLGRIND_ZERO_STATS;
    CALLGRIND_START_INSTRUMENTATION;
}
void portbench_callgrind_stop(const char *label) {
    CALLGRIND_STOP_INSTRUMENTATION;
    CALLGRIND_DUMP_STATS_AT(label);
}
#else
int portbench_callgrind_available(void) { return 0; }
unsigned portbench_running_on_valgrind(void) { return 0; }
void portbench_callgrind_start(void) {}
void portbench_callgrind_stop(const char *label) { (void)label; }
#endif
