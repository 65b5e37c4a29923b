#include "adcov/report/trials_csv.hpp"

#include <fmt/format.h>

#include <fstream>
#include <iterator>

#include "adcov/error.hpp"
#include "adcov/report/number_text.hpp"
#include "adcov/report/text_file.hpp"

namespace adcov::report {

std::string trials_csv(const engage::SimulationResult& r) {
  std::string out = std::string(kTrialsCsvHeader) + "\n";
  out.reserve(out.size() + r.trial_outcomes.size() * 40);
  for (std::size_t i = 0; i < r.trial_outcomes.size(); ++i) {
    const auto& t = r.trial_outcomes[i];
    fmt::format_to(std::back_inserter(out), "{},{},{},{},{},{},{},{}\n", i, t.intercepted, t.leaked,
                   t.interceptors_fired, number_text(t.interceptor_cost_usd),
                   number_text(t.threats_destroyed_cost_usd), t.lost_ew, t.leaked_warheads);
  }
  return out;
}

void write_trials_csv(const std::filesystem::path& file, const engage::SimulationResult& r) {
  write_text_file(file, trials_csv(r));
}

}  // namespace adcov::report
