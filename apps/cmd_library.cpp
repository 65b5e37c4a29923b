#include "commands.hpp"
#include "not_built.hpp"

namespace adcov::app {
int cmd_library(const std::string&, const std::string&) { return not_built("library"); }
}  // namespace adcov::app
