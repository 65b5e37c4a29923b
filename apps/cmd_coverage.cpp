#include "commands.hpp"
#include "not_built.hpp"

namespace adcov::app {
int cmd_coverage(const CoverageArgs&) { return not_built("coverage"); }
}  // namespace adcov::app
