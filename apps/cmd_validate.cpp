#include "commands.hpp"
#include "not_built.hpp"

namespace adcov::app {
int cmd_validate(const std::vector<std::string>&) { return not_built("validate"); }
}  // namespace adcov::app
