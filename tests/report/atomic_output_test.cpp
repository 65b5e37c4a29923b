// OutputStage (atomic_output.hpp): all or nothing, never sharing a folder
// with another run, never following what is already in the folder, and
// cleaning only its own files (issue 10, "Corruption").

#include "adcov/report/atomic_output.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

#include "adcov/error.hpp"
#include "support/support.hpp"

namespace fs = std::filesystem;
using adcov::report::OutputStage;

namespace {

void write(const fs::path& p, const std::string& text) { std::ofstream(p) << text; }

std::string read(const fs::path& p) {
  std::ifstream in(p);
  std::string text;
  std::getline(in, text);
  return text;
}

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
    EXPECT_TRUE(fs::exists(*stage.staged("a.txt")));
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
  EXPECT_EQ(read(tmp.path / "a.txt"), "old");
  EXPECT_EQ(count_files(tmp.path), 1);
}

TEST(OutputStage, CommitRenamesAndLeavesNoTemporaries) {
  adcov::test::TempDir tmp;
  OutputStage stage(tmp.path);
  write(stage.path("a.txt"), "1");
  write(stage.path("b.txt"), "2");
  const fs::path temp = *stage.staged("a.txt");
  EXPECT_EQ(temp.parent_path(), tmp.path);  // in the output folder (same file system: rename is atomic)
  stage.commit();
  EXPECT_EQ(read(tmp.path / "a.txt"), "1");
  EXPECT_EQ(read(tmp.path / "b.txt"), "2");
  EXPECT_EQ(count_files(tmp.path), 2);
  EXPECT_FALSE(stage.staged("a.txt").has_value());
  EXPECT_THROW(stage.path("c.txt"), adcov::Error);
}

TEST(OutputStage, SamePathForSameNameAndPlainNamesOnly) {
  adcov::test::TempDir tmp;
  OutputStage stage(tmp.path);
  EXPECT_EQ(stage.path("x.png"), stage.path("x.png"));
  EXPECT_EQ(stage.names().size(), 1u);
  EXPECT_THROW(stage.path("sub/x.png"), adcov::Error);
  EXPECT_THROW(stage.path(".."), adcov::Error);
}

// Regression: commit() used to skip a staged file that was never written,
// so a run could "succeed" with part of its files.
TEST(OutputStage, CommitRefusesAnIncompleteSetAndRenamesNothing) {
  adcov::test::TempDir tmp;
  OutputStage stage(tmp.path);
  write(stage.path("a.txt"), "1");
  stage.path("never-written.txt");
  try {
    stage.commit();
    FAIL() << "commit accepted a file that was never written";
  } catch (const adcov::Error& e) {
    EXPECT_EQ(std::string(e.what()),
              (tmp.path / "never-written.txt").string() + ": was not written completely; nothing was committed");
  }
  EXPECT_FALSE(fs::exists(tmp.path / "a.txt"));
}

// Regression: a second run into the same folder used the same fixed .tmp
// names, deleted the first run's files and mixed both runs' bytes.
TEST(OutputStage, ASecondStageOnALockedFolderIsRefused) {
  adcov::test::TempDir tmp;
  OutputStage first(tmp.path);
  write(first.path("a.txt"), "first");
  try {
    OutputStage second(tmp.path);
    FAIL() << "two stages shared one folder";
  } catch (const adcov::InputError& e) {
    EXPECT_EQ(std::string(e.what()), tmp.path.string() +
                                         ": another adcov process is writing to this output folder; wait for it to "
                                         "finish or choose another folder with -o");
  }
  first.commit();
  EXPECT_EQ(read(tmp.path / "a.txt"), "first");
}

TEST(OutputStage, TheLockEndsWithTheStage) {
  adcov::test::TempDir tmp;
  { OutputStage first(tmp.path); }
  EXPECT_NO_THROW(OutputStage second(tmp.path));
}

// Regression: a pre-existing `a.txt.tmp` symlink in the folder was followed
// and its target overwritten.
TEST(OutputStage, NeverFollowsOrRemovesWhatIsAlreadyInTheFolder) {
  adcov::test::TempDir tmp;
  const fs::path target = tmp.path / "precious.txt";
  write(target, "keep");
  const fs::path out = tmp.path / "out";
  fs::create_directories(out);
  fs::create_symlink(target, out / "a.txt.tmp");
  write(out / "b.txt.tmp", "another run's file");
  {
    OutputStage stage(out);
    write(stage.path("a.txt"), "new");
    write(stage.path("b.txt"), "new");
  }  // not committed: cleanup removes only the stage's own temporaries
  EXPECT_EQ(read(target), "keep");
  EXPECT_TRUE(fs::is_symlink(out / "a.txt.tmp"));
  EXPECT_EQ(read(out / "b.txt.tmp"), "another run's file");
  EXPECT_EQ(count_files(out), 2);
}

TEST(OutputStage, InterruptCleanupRemovesTemporariesAndCreatedFolders) {
  adcov::test::TempDir tmp;
  const fs::path made = tmp.path / "made";
  OutputStage created(made);
  write(created.path("a.tif"), "x");
  OutputStage existing(tmp.path);
  write(tmp.path / "old.txt", "old");
  write(existing.path("b.txt"), "y");
  adcov::report::remove_uncommitted_outputs();  // what the signal watcher calls
  EXPECT_FALSE(fs::exists(made));
  EXPECT_EQ(count_files(tmp.path), 1);  // old.txt only
  EXPECT_EQ(read(tmp.path / "old.txt"), "old");
}

// An MPI rank writes its share of rank 0's files through a joined stage;
// rank 0 adopts them and commits the whole set (run/output_split.hpp).
TEST(OutputStage, AJoinedStagesFilesAreAdoptedAndCommittedByTheLockingStage) {
  adcov::test::TempDir tmp;
  OutputStage stage(tmp.path);
  write(stage.path("a.txt"), "mine");
  {
    OutputStage part(tmp.path, OutputStage::Join{});  // no lock: the folder is already locked
    write(part.path("b.txt"), "theirs");
    EXPECT_TRUE(stage.adopt("b.txt", *part.staged("b.txt")));
    EXPECT_THROW(part.commit(), adcov::Error);  // only the locking stage commits
    stage.commit();
  }  // the joined stage goes after the commit: its temporary was renamed, nothing to remove
  EXPECT_EQ(read(tmp.path / "a.txt"), "mine");
  EXPECT_EQ(read(tmp.path / "b.txt"), "theirs");
  EXPECT_EQ(count_files(tmp.path), 2);
}

TEST(OutputStage, AdoptTakesOnlyAWrittenTemporaryOfThatNameInTheFolder) {
  adcov::test::TempDir tmp;
  const fs::path out = tmp.path / "out";
  OutputStage stage(out);
  OutputStage part(out, OutputStage::Join{});
  const fs::path b = part.path("b.txt");
  write(b, "b");
  EXPECT_FALSE(stage.adopt("c.txt", b));                      // another name's temporary
  EXPECT_FALSE(stage.adopt("e.txt", part.path("e.txt")));     // never written (empty)
  write(tmp.path / ".d.txt.1-2.tmp", "outside");
  EXPECT_FALSE(stage.adopt("d.txt", tmp.path / ".d.txt.1-2.tmp"));  // not in the folder
  fs::create_symlink(b, out / ".f.txt.1-2.tmp");
  EXPECT_FALSE(stage.adopt("f.txt", out / ".f.txt.1-2.tmp"));  // a link, never followed
  write(stage.path("g.txt"), "g");
  write(part.path("g.txt"), "other g");
  EXPECT_FALSE(stage.adopt("g.txt", *part.staged("g.txt")));  // staged already
  EXPECT_TRUE(stage.adopt("b.txt", b));
  EXPECT_EQ(stage.names(), (std::vector<std::string>{"g.txt", "b.txt"}));
}

TEST(OutputStage, AJoinedStageRemovesWhatWasNotAdoptedAndNeedsAVisibleFolder) {
  adcov::test::TempDir tmp;
  {
    OutputStage stage(tmp.path);
    OutputStage part(tmp.path, OutputStage::Join{});
    write(part.path("a.txt"), "never adopted");
    write(stage.path("b.txt"), "uncommitted");
  }
  EXPECT_EQ(count_files(tmp.path), 0);
  try {
    OutputStage part(tmp.path / "elsewhere", OutputStage::Join{});
    FAIL() << "joined a folder that does not exist";
  } catch (const adcov::Error& e) {
    EXPECT_EQ(std::string(e.what()), (tmp.path / "elsewhere").string() +
                                         ": the output folder is not visible from this process");
  }
  EXPECT_FALSE(fs::exists(tmp.path / "elsewhere"));
}
