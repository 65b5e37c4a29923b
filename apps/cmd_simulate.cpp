#include "commands.hpp"
#include "not_built.hpp"

namespace adcov::app {
int cmd_simulate(const SimulateArgs&) { return not_built("simulate"); }
}  // namespace adcov::app
