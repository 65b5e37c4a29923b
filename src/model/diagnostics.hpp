#pragma once
// The error collector of the scenario loader: every problem of a file is
// gathered first and thrown at the end as one InputError, so a user fixes a
// file in one pass instead of one error per run (as a compiler reports).

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/mark.h>

namespace adcov::model::detail {

/// Optimal-string-alignment edit distance (Levenshtein plus adjacent
/// transposition, so "resolutoin" is 1 away from "resolution"), case-insensitive.
int edit_distance(std::string_view a, std::string_view b);

/// " (did you mean 'x'?)" for the candidate closest to `word` (" (did you mean
/// 'x' or 'y'?)" for equally close ones, at most 3), or "" when none is close:
/// distance <= max(2, length/3) keeps hints to plausible typos. When none is,
/// the names that `word` (3 letters or more) begins, case-insensitively:
/// "patriot" -> " (did you mean 'patriot_pac2' or 'patriot_pac3'?)".
std::string did_you_mean(std::string_view word, std::span<const std::string> candidates);

/// Collects `file:line:col: item: message` diagnostics for one file.
class Diagnostics {
 public:
  /// `file` is the path as the user gave it: messages must name what they typed.
  explicit Diagnostics(std::string file) : file_(std::move(file)) {}

  /// An error at a YAML mark (0-based; printed 1-based). `item` may be empty.
  void error(const YAML::Mark& at, std::string_view item, std::string_view message);
  /// An error about the whole file (no line).
  void file_error(std::string_view message);
  /// A message already formatted elsewhere, sorted as if at (line, column), 1-based.
  void add_formatted(int line, int column, std::string text) { entries_.push_back({line, column, std::move(text)}); }

  bool empty() const { return entries_.empty(); }
  std::size_t size() const { return entries_.size(); }
  const std::string& file() const { return file_; }

  /// The messages in file order (stable for equal positions), duplicates dropped.
  std::vector<std::string> messages() const;
  /// Throws InputError(messages()) when any error was recorded.
  void throw_if_any() const;

 private:
  struct Entry {
    int line, column;  // 1-based; 0 for file-level messages
    std::string text;
  };
  std::string file_;
  std::vector<Entry> entries_;
};

}  // namespace adcov::model::detail
