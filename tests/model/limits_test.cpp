// The loader's limits (docs/scenario.md, "Limits"): non-regular and oversized
// files are refused before they are opened or read; absurd counts are refused
// with file:line:col.

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cstdint>
#include <fstream>
#include <limits>
#include <string>

#include "model_test_util.hpp"

namespace {

using adcov::test::diagnostics_of;
using adcov::test::joined;
using adcov::test::kMinimal;
using adcov::test::TempDir;

TEST(ScenarioLimits, FifoIsRefusedBeforeOpen) {
  TempDir dir;
  const auto fifo = dir.path / "pipe.yaml";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  // No writer: an open() would block for ever, so this returns only if the
  // refusal comes first.
  EXPECT_EQ(joined(diagnostics_of(fifo)),
            fifo.string() + ": is a FIFO (named pipe), not a scenario file (a scenario must be a regular file)\n");
}

TEST(ScenarioLimits, DeviceIsRefused) {
  EXPECT_EQ(joined(diagnostics_of("/dev/zero")),
            "/dev/zero: is a character device, not a scenario file (a scenario must be a regular file)\n");
}

TEST(ScenarioLimits, DirectoryIsRefused) {
  TempDir dir;
  EXPECT_EQ(joined(diagnostics_of(dir.path)), dir.path.string() + ": is a directory, not a scenario file\n");
}

TEST(ScenarioLimits, FileOverTheSizeCapIsRefusedUnread) {
  TempDir dir;
  const auto big = dir.path / "big.yaml";
  {
    std::ofstream out(big, std::ios::binary);
    out << kMinimal;
  }
  std::filesystem::resize_file(big, adcov::model::kMaxScenarioFileBytes + 1);
  EXPECT_EQ(joined(diagnostics_of(big)), big.string() +
                                             ": is 16777217 bytes, over the limit of 16777216 bytes (16 MiB) for a "
                                             "scenario file (docs/scenario.md, \"Limits\")\n");
}

TEST(ScenarioLimits, FileAtTheSizeCapIsRead) {
  TempDir dir;
  std::string text = kMinimal;
  text += "# " + std::string(adcov::model::kMaxScenarioFileBytes - text.size() - 3, 'x') + "\n";
  const auto f = dir.write("cap.yaml", text);
  EXPECT_EQ(std::filesystem::file_size(f), adcov::model::kMaxScenarioFileBytes);
  EXPECT_EQ(joined(diagnostics_of(f)), "");
}

TEST(ScenarioLimits, SalvoCountOverTheLimit) {
  TempDir dir;
  const auto f = dir.write(
      "c.yaml", kMinimal + "salvos:\n  - {id: w, threat: shahed136, count: 100000000, launch: [36, 51], target: [30, 50]}\n");
  EXPECT_EQ(joined(diagnostics_of(f)), f.string() +
                                           ":5:39: salvo 'w': count: 100000000 threats is over the limit of 1000000 "
                                           "per salvo (docs/scenario.md, \"Limits\")\n");
}

TEST(ScenarioLimits, TrialsOverTheLimit) {
  TempDir dir;
  const auto f = dir.write("t.yaml", kMinimal + "simulation:\n  trials: 2000000000\n");
  EXPECT_EQ(joined(diagnostics_of(f)), f.string() +
                                           ":5:11: simulation: trials: 2000000000 is over the limit of 10000000 "
                                           "(docs/scenario.md, \"Limits\")\n");
}

TEST(ScenarioLimits, BatteriesOverTheLimit) {
  TempDir dir;
  std::string text = kMinimal + "batteries:\n";
  for (int i = 0; i <= adcov::model::kMaxBatteries; ++i)
    text += "  - {id: b" + std::to_string(i) + ", system: gepard, position: [30, 50]}\n";
  const auto f = dir.write("b.yaml", text);
  EXPECT_EQ(joined(diagnostics_of(f)),
            f.string() + ":5:3: batteries: 10001 batteries is over the limit of 10000 (docs/scenario.md, \"Limits\")\n");
}

std::string axis(const std::string& set, int n, double first, double step) {
  std::string s = "  - set: " + set + "\n    values: [";
  for (int i = 0; i < n; ++i) s += (i ? ", " : "") + std::to_string(first + i * step);
  return s + "]\n";
}

TEST(ScenarioLimits, SweepOfTenToTheTwelvePointsIsRefusedUpFront) {
  TempDir dir;
  const auto f = dir.write("s.yaml", kMinimal + "sweep:\n" + axis("seed", 1000, 1, 1) +
                                         axis("resolution_m", 1000, 1000, 1) + axis("earth.k_factor", 1000, 1, 0.001) +
                                         axis("simulation.trials", 1000, 1, 1));
  EXPECT_EQ(joined(diagnostics_of(f)), f.string() +
                                           ":5:3: sweep: 1000000000000 points (the product of the axes' value counts) "
                                           "is over the limit of 1000000 (docs/scenario.md, \"Limits\")\n");
}

TEST(ScenarioLimits, SweepPointCountSaturatesInsteadOfOverflowing) {
  adcov::model::Scenario s;
  for (int i = 0; i < 8; ++i) s.sweep.push_back({"seed", std::vector<std::string>(1u << 9, "1"), {}});
  EXPECT_EQ(adcov::model::sweep_point_count(s), std::numeric_limits<std::uint64_t>::max());  // 2^72
  s.sweep.resize(2);
  EXPECT_EQ(adcov::model::sweep_point_count(s), std::uint64_t{1} << 18);
}

}  // namespace
