#include "commands.hpp"
#include "not_built.hpp"

namespace adcov::app {
int cmd_info(const std::vector<std::string>&) { return not_built("info"); }
}  // namespace adcov::app
