#include <gtest/gtest.h>

#include <fstream>

#include "adcov/report/atomic_output.hpp"
#include "adcov/error.hpp"
#include "support/support.hpp"

namespace fs = std::filesystem;
using adcov::report::OutputStage;

namespace {
void write(const fs::path& p, const std::string& text) { std::ofstream(p) << text; }
int count_files(const fs::path& dir) {
  int n = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++n;
  return n;
}
}  // namespace

TEST(OutputStage, UncommittedStageLeavesNothing) {
  adcov::test::TempDir tmp;
  const fs::path dir = tmp.path / "out" / "scn";
  {
    OutputStage stage(dir);
    write(stage.path("a.txt"), "half");
    write(stage.path("summary.json"), "{}");
    EXPECT_TRUE(fs::exists(dir / "a.txt.tmp"));
    EXPECT_FALSE(fs::exists(dir / "a.txt"));
  }  // a failed run: the stage is destroyed without commit
  EXPECT_FALSE(fs::exists(dir));  // the stage created it, so it removes it empty
}

TEST(OutputStage, UncommittedStageKeepsEarlierFiles) {
  adcov::test::TempDir tmp;
  write(tmp.path / "a.txt", "old");
  {
    OutputStage stage(tmp.path);
    write(stage.path("a.txt"), "new");
  }
  std::ifstream in(tmp.path / "a.txt");
  std::string text;
  in >> text;
  EXPECT_EQ(text, "old");
  EXPECT_EQ(count_files(tmp.path), 1);
}

TEST(OutputStage, CommitRenamesAndLeavesNoTmp) {
  adcov::test::TempDir tmp;
  OutputStage stage(tmp.path);
  write(stage.path("a.txt"), "1");
  write(stage.path("b.txt"), "2");
  stage.path("never-written.txt");
  EXPECT_EQ(stage.staged("a.txt"), tmp.path / "a.txt.tmp");
  stage.commit();
  EXPECT_TRUE(fs::exists(tmp.path / "a.txt"));
  EXPECT_TRUE(fs::exists(tmp.path / "b.txt"));
  EXPECT_FALSE(fs::exists(tmp.path / "never-written.txt"));
  for (const auto& e : fs::directory_iterator(tmp.path)) EXPECT_NE(e.path().extension(), ".tmp") << e.path();
  EXPECT_FALSE(stage.staged("a.txt").has_value());
  EXPECT_THROW(stage.path("c.txt"), adcov::Error);
}

TEST(OutputStage, SamePathForSameName) {
  adcov::test::TempDir tmp;
  OutputStage stage(tmp.path);
  EXPECT_EQ(stage.path("x.png"), stage.path("x.png"));
  EXPECT_EQ(stage.names().size(), 1u);
  EXPECT_THROW(stage.path("sub/x.png"), adcov::Error);
}
