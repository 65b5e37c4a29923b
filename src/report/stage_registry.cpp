#include "stage_registry.hpp"

#include <map>
#include <vector>

namespace adcov::report::detail {
namespace {

struct LiveStage {
  std::filesystem::path dir;
  bool created = false;
  std::vector<std::filesystem::path> temps;
};

struct Registry {
  std::mutex mutex;
  std::map<const void*, LiveStage> stages;
};

Registry& registry() {
  static Registry r;  // process-wide by nature: see the header
  return r;
}

void remove_stage_files(const LiveStage& s) {
  std::error_code ec;
  for (const auto& t : s.temps) {
    std::filesystem::remove(t, ec);
    std::filesystem::remove(std::filesystem::path(t.string() + ".aux.xml"), ec);  // GDAL side-car, if any
  }
  if (s.created && std::filesystem::is_empty(s.dir, ec) && !ec) std::filesystem::remove(s.dir, ec);
}

}  // namespace

std::unique_lock<std::mutex> lock_registry() { return std::unique_lock(registry().mutex); }

void register_stage_locked(const void* stage, const std::filesystem::path& dir, bool created) {
  registry().stages[stage] = LiveStage{dir, created, {}};
}

void register_temp_locked(const void* stage, const std::filesystem::path& temp) {
  registry().stages[stage].temps.push_back(temp);
}

void forget_stage_locked(const void* stage) { registry().stages.erase(stage); }

void remove_registered(const void* stage) {
  auto lock = lock_registry();
  const auto it = registry().stages.find(stage);
  if (it == registry().stages.end()) return;
  remove_stage_files(it->second);
  registry().stages.erase(it);
}

void remove_all_registered() {
  auto lock = lock_registry();
  for (const auto& [stage, s] : registry().stages) remove_stage_files(s);
  registry().stages.clear();
}

}  // namespace adcov::report::detail
