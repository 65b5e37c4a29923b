// Output safety through the built binary (issue 10, "Corruption" and
// "Signals during writing"): a second run into a folder another run is
// writing stops with a clear message and leaves the first run's outputs
// whole; SIGTERM / SIGINT remove the temporaries and the folder the run
// created and exit 143 / 130.

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

#include "support/support.hpp"

namespace fs = std::filesystem;
using adcov::test::run_adcov;
using adcov::test::source_path;
using adcov::test::TempDir;

namespace {

// The Kyiv raid with enough trials to run for a few seconds.
const std::string kScenario = source_path("tests/golden/kyiv-night-raid/scenario.yaml").string();

// Starts `adcov run <scenario> -o <out> --trials N -q` in the background.
pid_t start_run(const fs::path& out, int trials, const fs::path& err_file) {
  const char* bin = std::getenv("ADCOV_BIN");
  const pid_t pid = ::fork();
  if (pid == 0) {
    std::FILE* err = std::freopen(err_file.c_str(), "w", stderr);
    std::FILE* null_out = std::freopen("/dev/null", "w", stdout);
    (void)err;
    (void)null_out;
    const std::string trials_text = std::to_string(trials);
    ::execl(bin ? bin : "adcov", "adcov", "run", kScenario.c_str(), "-o", out.c_str(), "--trials",
            trials_text.c_str(), "-q", static_cast<char*>(nullptr));
    ::_exit(127);
  }
  return pid;
}

// Waits up to 20 s for `p` to exist.
bool wait_for(const fs::path& p) {
  for (int i = 0; i < 400; ++i) {
    if (fs::exists(p)) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
}

int exit_status(pid_t pid) {
  int status = 0;
  ::waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
}

std::string slurp(const fs::path& p) {
  std::ifstream f(p);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

int count_entries(const fs::path& dir) {
  int n = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++n;
  return n;
}

void expect_interrupt_cleans_up(int sig, int expected_exit) {
  TempDir t;
  const fs::path out = t.path / "kyiv";
  const pid_t pid = start_run(out, 200000, t.path / "err");
  ASSERT_TRUE(wait_for(out)) << "the run never created its folder";
  ::kill(pid, sig);
  EXPECT_EQ(exit_status(pid), expected_exit) << slurp(t.path / "err");
  EXPECT_FALSE(fs::exists(out)) << "the folder the run created is still there";
}

}  // namespace

TEST(OutputSafety, SigtermRemovesTheFolderTheRunCreatedAndExits143) { expect_interrupt_cleans_up(SIGTERM, 143); }

TEST(OutputSafety, SigintRemovesTheFolderTheRunCreatedAndExits130) { expect_interrupt_cleans_up(SIGINT, 130); }

TEST(OutputSafety, ASecondRunIntoABusyFolderStopsAndTheFirstRunIsWhole) {
  TempDir t;
  const fs::path out = t.path / "kyiv";
  const pid_t first = start_run(out, 3000, t.path / "err1");
  ASSERT_TRUE(wait_for(out));
  const auto second = run_adcov("run '" + kScenario + "' -o '" + out.string() + "' --trials 10 -q");
  EXPECT_EQ(second.exit_code, 2);
  EXPECT_NE(second.err.find(out.string() +
                            ": another adcov process is writing to this output folder; wait for it to finish or "
                            "choose another folder with -o"),
            std::string::npos)
      << second.err;
  ASSERT_EQ(exit_status(first), 0) << slurp(t.path / "err1");
  EXPECT_EQ(count_entries(out), 23);  // every file of the first run (maps, rasters, styles, vectors), no temporaries
  EXPECT_NE(slurp(out / "summary.json").find("\"trials\": 3000"), std::string::npos);
}
