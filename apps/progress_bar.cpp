#include "progress_bar.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>

namespace adcov::app {

bool progress_wanted(bool quiet) { return !quiet && ::isatty(::fileno(stderr)) == 1; }

ProgressLine::ProgressLine(std::string label, std::int64_t total, bool enabled)
    : label_(std::move(label)), total_(total), enabled_(enabled) {
  if (enabled_) print(0, false);
}

ProgressLine::~ProgressLine() { finish(); }

void ProgressLine::set(std::int64_t done) {
  std::int64_t cur = done_.load(std::memory_order_relaxed);
  while (cur < done && !done_.compare_exchange_weak(cur, done, std::memory_order_relaxed)) {
  }
  maybe_print(std::max(cur, done));
}

void ProgressLine::finish() {
  if (finished_.exchange(true)) return;
  if (!enabled_) return;
  std::lock_guard lock(print_mutex_);
  print(done_.load(), true);
}

void ProgressLine::maybe_print(std::int64_t done) {
  if (!enabled_ || finished_.load(std::memory_order_relaxed) || total_ <= 0) return;
  // Redraw only when the shown tenth of a percent changes, and never make a
  // worker wait for the terminal: a thread that finds the printer busy skips.
  const int permille = static_cast<int>(std::min<std::int64_t>(1000, done * 1000 / total_));
  int last = last_permille_.load(std::memory_order_relaxed);
  if (permille <= last || !last_permille_.compare_exchange_strong(last, permille)) return;
  std::unique_lock lock(print_mutex_, std::try_to_lock);
  if (!lock.owns_lock()) return;
  print(done, false);
}

// Callers hold print_mutex_ (or run before any worker can call in).
void ProgressLine::print(std::int64_t done, bool last) {
  std::string line;
  if (total_ > 0) {
    constexpr int kBar = 30;
    const double f = std::clamp(static_cast<double>(done) / total_, 0.0, 1.0);
    const int filled = static_cast<int>(f * kBar);
    line = fmt::format("\r{:<20} [{}{}] {:>3}%  {}/{}{}", label_, std::string(filled, '#'),
                       std::string(kBar - filled, '.'), static_cast<int>(f * 100), done, total_, last ? "\n" : "");
  } else {
    line = fmt::format("\r{:<20} {}", label_, last ? "done\n" : "...");
  }
  std::fwrite(line.data(), 1, line.size(), stderr);
  std::fflush(stderr);
}

run::ProgressHooks ProgressBar::hooks() {
  run::ProgressHooks h;
  h.stage = [this](const std::string& stage, std::int64_t total) {
    line_.reset();  // finishes the previous stage's line first
    line_ = std::make_unique<ProgressLine>(stage, total, enabled_);
  };
  h.done = [this](std::int64_t done) {
    if (line_) line_->set(done);
  };
  return h;
}

}  // namespace adcov::app
