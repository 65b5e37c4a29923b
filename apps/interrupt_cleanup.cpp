#include "interrupt_cleanup.hpp"

#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <thread>

#include "adcov/report/atomic_output.hpp"

namespace adcov::app {
namespace {

sigset_t watched() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGHUP);
  return set;
}

}  // namespace

InterruptCleanup::InterruptCleanup() {
  const sigset_t set = watched();
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  // Detached: it lives as long as the process and never returns normally.
  std::thread([set] {
    int sig = 0;
    if (sigwait(&set, &sig) != 0) return;
    report::remove_uncommitted_outputs();
    _exit(128 + sig);
  }).detach();
}

}  // namespace adcov::app
