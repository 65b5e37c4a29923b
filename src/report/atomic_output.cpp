#include "adcov/report/atomic_output.hpp"

#include <algorithm>
#include <system_error>

#include "adcov/error.hpp"

namespace adcov::report {

namespace fs = std::filesystem;

namespace {
fs::path temp_of(const fs::path& dir, const std::string& name) { return dir / (name + ".tmp"); }
}  // namespace

OutputStage::OutputStage(fs::path dir) : dir_(std::move(dir)) {}

OutputStage::~OutputStage() {
  std::error_code ec;
  if (!committed_)
    for (const auto& n : names_) {
      fs::remove(temp_of(dir_, n), ec);
      fs::remove(fs::path(temp_of(dir_, n).string() + ".aux.xml"), ec);  // GDAL side-car, if any
    }
  if (created_dir_ && fs::is_empty(dir_, ec) && !ec) fs::remove(dir_, ec);
}

fs::path OutputStage::path(const std::string& name) {
  if (committed_) throw Error("output stage " + dir_.string() + " is already committed");
  if (name.empty() || name.find('/') != std::string::npos)
    throw Error("output name '" + name + "' must be a plain file name");
  if (std::find(names_.begin(), names_.end(), name) == names_.end()) {
    std::error_code ec;
    if (!fs::exists(dir_, ec)) {
      fs::create_directories(dir_, ec);
      if (ec) throw Error(dir_.string() + ": cannot create output folder: " + ec.message());
      created_dir_ = true;
    }
    names_.push_back(name);
  }
  return temp_of(dir_, name);
}

std::optional<fs::path> OutputStage::staged(const std::string& name) const {
  if (committed_ || std::find(names_.begin(), names_.end(), name) == names_.end())
    return std::nullopt;
  return temp_of(dir_, name);
}

void OutputStage::commit() {
  if (committed_) return;
  // summary.json goes last: a reader that sees it can trust the rest is there.
  std::vector<std::string> order = names_;
  std::stable_partition(order.begin(), order.end(), [](const std::string& n) { return n != "summary.json"; });
  for (const auto& n : order) {
    const fs::path tmp = temp_of(dir_, n);
    std::error_code ec;
    if (!fs::exists(tmp, ec)) continue;
    fs::rename(tmp, dir_ / n, ec);
    if (ec)
      throw Error((dir_ / n).string() + ": cannot move the finished file into place: " + ec.message());
  }
  committed_ = true;
}

}  // namespace adcov::report
