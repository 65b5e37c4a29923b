#pragma once
/// \file
/// Whole text files in and out, for the report writers (summary.json,
/// trials.csv, sweep.csv, report.html): one place that says why a write
/// failed (the system's reason, e.g. "No space left on device").

#include <filesystem>
#include <string>
#include <string_view>

namespace adcov::report {

/// Writes `text` to `file` (replacing it). \throws Error "<file>: cannot
/// write: <reason>".
void write_text_file(const std::filesystem::path& file, std::string_view text);

/// The whole file. \throws Error "<file>: cannot read: <reason>".
std::string read_text_file(const std::filesystem::path& file);

}  // namespace adcov::report
