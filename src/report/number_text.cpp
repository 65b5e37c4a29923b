#include "adcov/report/number_text.hpp"

#include <fmt/format.h>

namespace adcov::report {

std::string number_text(double v) { return fmt::format("{}", v); }

}  // namespace adcov::report
