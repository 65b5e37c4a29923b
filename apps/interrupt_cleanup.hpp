#pragma once
// SIGINT, SIGTERM and SIGHUP during a command: remove the temporaries of
// every uncommitted output stage and the folders they created
// (report::remove_uncommitted_outputs), then exit 128 + signal (130, 143,
// 129) as a shell expects. The signals are blocked in every thread and taken
// by one watcher thread with sigwait, so the cleanup runs as ordinary code,
// not inside a signal handler.

namespace adcov::app {

/// Installs the watcher. Construct first in main, before any other thread
/// starts (threads inherit the blocked signal mask).
class InterruptCleanup {
 public:
  InterruptCleanup();
  InterruptCleanup(const InterruptCleanup&) = delete;
  InterruptCleanup& operator=(const InterruptCleanup&) = delete;
};

}  // namespace adcov::app
