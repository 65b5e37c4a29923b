#include "commands.hpp"
#include "not_built.hpp"

namespace adcov::app {
int cmd_bench(const std::vector<std::string>&, const Common&) { return not_built("bench"); }
}  // namespace adcov::app
