#pragma once
// The progress line on stderr (docs/commands.md: progress on a terminal, quiet when
// stderr is not a tty or with --quiet): the command line's way of showing
// the run layer's run::ProgressHooks. Safe to update from worker threads:
// counts are atomic, printing is serialized and throttled, and each redraw
// is one write so lines never interleave.

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>

#include "adcov/run/progress.hpp"

namespace adcov::app {

/// True when progress should be shown: stderr is a terminal and not `quiet`.
bool progress_wanted(bool quiet);

/// One stage's line: "label  [#####.....]  45%  450/1000".
class ProgressLine {
 public:
  /// `total` <= 0 shows the label alone (a stage without a count).
  ProgressLine(std::string label, std::int64_t total, bool enabled);
  /// Calls finish().
  ~ProgressLine();
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;

  /// Sets the units done to at least `done` (any thread; never goes back).
  void set(std::int64_t done);
  /// Prints the final state and a newline; later updates are ignored.
  void finish();

 private:
  void maybe_print(std::int64_t done);
  void print(std::int64_t done, bool last);

  std::string label_;
  std::int64_t total_;
  bool enabled_;
  std::atomic<std::int64_t> done_{0};
  std::atomic<int> last_permille_{-1};
  std::atomic<bool> finished_{false};
  std::mutex print_mutex_;
};

/// One line per stage of a command. Stages come one after the other from
/// the main thread; updates of the current stage from any thread.
///
/// Example:
/// ```
/// ProgressBar bar(progress_wanted(args.quiet));
/// opt.progress = bar.hooks();
/// ```
class ProgressBar {
 public:
  explicit ProgressBar(bool enabled) : enabled_(enabled) {}
  /// The hooks to hand to the run layer; valid while this bar lives.
  run::ProgressHooks hooks();

 private:
  bool enabled_;
  std::unique_ptr<ProgressLine> line_;
};

}  // namespace adcov::app
