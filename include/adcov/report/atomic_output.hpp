#pragma once
/// \file
/// All-or-nothing output files (docs/outputs.md, "All or nothing"): every file is written as `<name>.tmp` next to its final
/// name, then renamed when the whole set is complete.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace adcov::report {

/// A set of output files staged in one folder and committed together.
///
/// Invariant: every name handed out by path() is either still a `.tmp` file
/// owned by the stage or has been renamed to its final name by commit().
/// The destructor removes whatever was not committed (and the folder, when
/// the stage created it and it is left empty).
///
/// Example:
/// ```
/// OutputStage stage("out/kyiv");
/// write_summary(stage.path("summary.json"), ...);
/// stage.commit();  // summary.json.tmp -> summary.json
/// ```
/// Not thread-safe: stage from one thread (files may be written from many).
class OutputStage {
 public:
  /// Stages into `dir`; the folder is created on the first path() call.
  explicit OutputStage(std::filesystem::path dir);
  /// Removes uncommitted temporary files; never throws.
  ~OutputStage();
  OutputStage(const OutputStage&) = delete;
  OutputStage& operator=(const OutputStage&) = delete;

  /// The temporary path to write `name` to (`dir/<name>.tmp`), creating the
  /// folder if needed. Asking again for the same name returns the same path.
  /// \throws Error if the folder cannot be created or the stage is committed.
  std::filesystem::path path(const std::string& name);

  /// The temporary path of `name` if it is staged and not yet committed.
  std::optional<std::filesystem::path> staged(const std::string& name) const;

  /// The final path of `name` (`dir/<name>`), whether or not it exists.
  std::filesystem::path final_path(const std::string& name) const { return dir_ / name; }

  /// The output folder.
  const std::filesystem::path& dir() const { return dir_; }

  /// Names staged so far, in the order path() first saw them.
  const std::vector<std::string>& names() const { return names_; }

  /// Renames every staged file to its final name, in staging order except
  /// that summary.json goes last, so a reader that sees the new summary can
  /// trust that the files it lists are in place.
  /// A name whose temporary file was never written is skipped.
  /// \throws Error naming the file if a rename fails; files renamed before
  ///         stay, the rest are removed by the destructor.
  void commit();

 private:
  std::filesystem::path dir_;
  std::vector<std::string> names_;
  bool created_dir_ = false;
  bool committed_ = false;
};

}  // namespace adcov::report
