#include "support/support.hpp"

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

namespace adcov::test {

std::filesystem::path source_path(const std::string& relative) {
  return std::filesystem::path(ADCOV_SOURCE_DIR) / relative;
}

TempDir::TempDir() {
  static std::atomic<int> counter{0};
  path = std::filesystem::temp_directory_path() /
         ("adcov-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  std::filesystem::remove_all(path);
  std::filesystem::create_directories(path);
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path, ec);
}

std::filesystem::path TempDir::write(const std::string& name, const std::string& text) const {
  const auto p = path / name;
  std::filesystem::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
  return p;
}

namespace {
std::string slurp(const std::filesystem::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}
}  // namespace

RunResult run_adcov(const std::string& args) {
  const char* bin = std::getenv("ADCOV_BIN");
  TempDir tmp;
  const std::string cmd = std::string(bin ? bin : "adcov") + " " + args + " >" +
                          (tmp.path / "out").string() + " 2>" + (tmp.path / "err").string();
  const int status = std::system(cmd.c_str());
  RunResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = slurp(tmp.path / "out");
  r.err = slurp(tmp.path / "err");
  return r;
}

}  // namespace adcov::test
