#pragma once
/// \file
/// All-or-nothing output files (docs/outputs.md, "All or nothing"): every
/// file is written under a temporary name of its own next to its final name,
/// then all are renamed when the whole set is complete.
///
/// Safe against the ways a folder gets shared or interrupted:
/// - two runs into one folder: the second finds the folder locked (an
///   advisory flock on the folder itself) and stops with a clear InputError
///   before it writes anything;
/// - temporary names are unique to the stage (`.<name>.<pid>-<random>.tmp`),
///   created with O_EXCL | O_NOFOLLOW, so a file or symlink already there
///   is never followed or overwritten, and cleanup removes only the stage's
///   own files;
/// - SIGINT / SIGTERM: remove_uncommitted_outputs() (called by the command
///   line's signal watcher, apps/interrupt_cleanup.hpp) removes every live
///   stage's temporaries and the folders stages created; a commit in
///   progress finishes first, so a folder holds either the old set or the
///   new one.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace adcov::report {

/// A set of output files staged in one folder and committed together.
///
/// Invariant: every name handed out by path() is either still a temporary
/// file owned by the stage or has been renamed to its final name by commit().
/// The destructor removes whatever was not committed (and the folder, when
/// the stage created it and it is left empty).
///
/// Example:
/// ```
/// OutputStage stage("out/kyiv");   // creates and locks the folder
/// write_text_file(stage.path("summary.json"), text);
/// stage.commit();                  // every staged file renamed into place
/// ```
/// Not thread-safe: stage from one thread (files may be written from many).
class OutputStage {
 public:
  /// Creates `dir` if needed and locks it for this stage's lifetime.
  /// \throws InputError if another process holds the folder's lock;
  ///         Error if the folder cannot be created or locked.
  explicit OutputStage(std::filesystem::path dir);
  /// Joins `dir`, which another process holds locked (an MPI rank writing its
  /// share of rank 0's outputs, run/output_split.hpp): no lock, no folder
  /// created, never committed; the files go to the locking process, which
  /// adopt()s them, and this stage removes whatever is still staged under
  /// its temporary names when it is destroyed.
  /// \throws Error if `dir` is not a folder this process can see.
  struct Join {};
  OutputStage(std::filesystem::path dir, Join);
  /// Removes uncommitted temporary files, unlocks; never throws.
  ~OutputStage();
  OutputStage(const OutputStage&) = delete;
  OutputStage& operator=(const OutputStage&) = delete;

  /// The temporary path to write `name` to, an empty file created by this
  /// call. Asking again for the same name returns the same path.
  /// \throws Error if `name` is not a plain file name, the stage is
  ///         committed, or the file cannot be created.
  std::filesystem::path path(const std::string& name);
  /// The temporary path of `name` if it is staged and not yet committed.
  std::optional<std::filesystem::path> staged(const std::string& name) const;
  /// Stages `temp`, a file another process wrote in this folder under a
  /// temporary name of its own (a joined stage's path()), as `name`: it is
  /// committed, or removed, with the rest. False, and nothing staged, when
  /// `temp` is not a non-empty regular file of this folder named as a
  /// temporary of `name`, or `name` is staged already.
  bool adopt(const std::string& name, const std::filesystem::path& temp);
  /// The final path of `name` (`dir/<name>`), whether or not it exists.
  std::filesystem::path final_path(const std::string& name) const { return dir_ / name; }
  /// The output folder.
  const std::filesystem::path& dir() const { return dir_; }
  /// Names staged so far, in the order path() first saw them.
  const std::vector<std::string>& names() const { return names_; }

  /// Renames every staged file to its final name, in staging order except
  /// that summary.json goes last, so a reader that sees the new summary can
  /// trust that the files it lists are in place.
  /// \throws Error naming the file, before renaming anything, if a staged
  ///         file is missing or empty (never written); Error if a rename
  ///         fails (files renamed before stay, the rest are removed by the
  ///         destructor).
  void commit();

 private:
  struct Staged {
    std::string name;
    std::filesystem::path temp;
  };
  std::filesystem::path dir_;
  std::vector<std::string> names_;
  std::vector<Staged> staged_;
  int lock_fd_ = -1;
  bool created_dir_ = false;
  bool committed_ = false;
  bool joined_ = false;
};

/// Removes the temporaries of every live, uncommitted stage of this process
/// and the folders those stages created (when left empty); waits for a
/// commit in progress. For the signal watcher of the command line: safe to
/// call from any thread, not from a signal handler.
void remove_uncommitted_outputs();

}  // namespace adcov::report
