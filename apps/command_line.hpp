#pragma once
// The command line as text for report.html's provenance line: what a reader
// pastes into a shell to make the same page again.

#include <string>

namespace adcov::app {

/// argv joined by spaces; an argument holding a space, quote or other shell
/// character is single-quoted ('it'\''s'), an empty one is ''.
std::string command_line_text(int argc, const char* const* argv);

}  // namespace adcov::app
