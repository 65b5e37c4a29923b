#pragma once
/// \file
/// How long work tells whoever shows it how far it has got. The run layer
/// calls these hooks; the command line draws them as a bar on a terminal
/// (apps/progress_bar.hpp), tests and batch callers leave them empty.

#include <cstdint>
#include <functional>
#include <string>

namespace adcov::run {

struct ProgressHooks {
  /// A new stage begins ("terrain + coverage", "trials"); the previous one
  /// is over. `total` <= 0: a stage without a count.
  std::function<void(const std::string& stage, std::int64_t total)> stage;
  /// Units of the current stage done so far (called from worker threads;
  /// never decreases within a stage).
  std::function<void(std::int64_t done)> done;
};

/// Calls hooks.stage if set.
inline void begin_stage(const ProgressHooks& hooks, const std::string& stage, std::int64_t total = 0) {
  if (hooks.stage) hooks.stage(stage, total);
}

/// Calls hooks.done if set.
inline void report_done(const ProgressHooks& hooks, std::int64_t done) {
  if (hooks.done) hooks.done(done);
}

}  // namespace adcov::run
