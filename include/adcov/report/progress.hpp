#pragma once
/// \file
/// A progress line on stderr for long work (SPEC: progress on a terminal,
/// quiet when stderr is not a tty or with --quiet). Safe to update from
/// worker threads: counts are atomic, printing is serialized and throttled,
/// and each redraw is one write so lines never interleave.

#include <atomic>
#include <cstdint>
#include <mutex>
#include <string>

namespace adcov::report {

/// True when progress should be shown: stderr is a terminal and not `quiet`.
bool progress_wanted(bool quiet);

/// One task's progress: "label  [#####.....]  45%  450/1000".
///
/// Example:
/// ```
/// Progress p("trials", n, progress_wanted(args.quiet));
/// opts.progress = [&](std::int64_t done, std::int64_t) { p.set(done); };
/// ... p.finish();
/// ```
class Progress {
 public:
  /// `total` <= 0 shows the label alone (a stage without a count).
  Progress(std::string label, std::int64_t total, bool enabled);
  /// Calls finish().
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  /// Adds `n` units done (any thread).
  void add(std::int64_t n = 1);
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

}  // namespace adcov::report
