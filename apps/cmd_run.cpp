#include "commands.hpp"
#include "not_built.hpp"

namespace adcov::app {
int cmd_run(const RunArgs&) { return not_built("run"); }
}  // namespace adcov::app
