#include "commands.hpp"
#include "not_built.hpp"

namespace adcov::app {
int cmd_sweep(const SweepArgs&) { return not_built("sweep"); }
}  // namespace adcov::app
