#include "adcov/report/trials_csv.hpp"

#include <fstream>

#include "adcov/geo/error.hpp"
#include "number_format.hpp"

namespace adcov::report {

std::string trials_csv(const engage::SimulationResult& r) {
  std::string out = std::string(kTrialsCsvHeader) + "\n";
  out.reserve(out.size() + r.trial_outcomes.size() * 40);
  for (std::size_t i = 0; i < r.trial_outcomes.size(); ++i) {
    const auto& t = r.trial_outcomes[i];
    out += std::to_string(i) + ',' + std::to_string(t.intercepted) + ',' + std::to_string(t.leaked) + ',' +
           std::to_string(t.interceptors_fired) + ',' + detail::shortest(t.interceptor_cost_usd) + ',' +
           detail::shortest(t.threats_destroyed_cost_usd) + '\n';
  }
  return out;
}

void write_trials_csv(const std::filesystem::path& file, const engage::SimulationResult& r) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out << trials_csv(r);
  out.close();
  if (!out) throw Error(file.string() + ": cannot write");
}

}  // namespace adcov::report
