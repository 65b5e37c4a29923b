#include "adcov/report/atomic_output.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <random>
#include <system_error>

#include "adcov/error.hpp"
#include "stage_registry.hpp"

namespace adcov::report {

namespace fs = std::filesystem;

namespace {

// "<pid>-<random>": unique to this stage among concurrent processes and
// earlier crashed runs whose leftovers may still be in the folder.
std::string unique_token() {
  static thread_local std::mt19937_64 rng(std::random_device{}() ^ static_cast<std::uint64_t>(::getpid()));
  return fmt::format("{}-{:012x}", ::getpid(), rng() & 0xffffffffffffULL);
}

// Locks the folder itself (flock on a directory descriptor: no lock file to
// leave behind). Returns the descriptor.
int lock_folder(const fs::path& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) throw Error(dir.string() + ": cannot open output folder: " + std::strerror(errno));
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    const int err = errno;
    ::close(fd);
    if (err == EWOULDBLOCK)
      throw InputError(dir.string() +
                       ": another adcov process is writing to this output folder; wait for it to finish or "
                       "choose another folder with -o");
    throw Error(dir.string() + ": cannot lock output folder: " + std::strerror(err));
  }
  return fd;
}

// Creates `path` empty, refusing to reuse or follow anything already there.
bool create_exclusive(const fs::path& path) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
  if (fd < 0) {
    if (errno == EEXIST) return false;
    throw Error(path.string() + ": cannot create output file: " + std::strerror(errno));
  }
  ::close(fd);
  return true;
}

}  // namespace

OutputStage::OutputStage(fs::path dir) : dir_(std::move(dir)) {
  auto registry_lock = detail::lock_registry();  // an interrupt waits until the folder is registered
  std::error_code ec;
  if (!fs::exists(dir_, ec)) {
    fs::create_directories(dir_, ec);
    if (ec) throw Error(dir_.string() + ": cannot create output folder: " + ec.message());
    created_dir_ = true;
  }
  try {
    lock_fd_ = lock_folder(dir_);
  } catch (...) {
    if (created_dir_) fs::remove(dir_, ec);
    throw;
  }
  detail::register_stage_locked(this, dir_, created_dir_);
}

OutputStage::OutputStage(fs::path dir, Join) : dir_(std::move(dir)), joined_(true) {
  std::error_code ec;
  if (!fs::is_directory(dir_, ec))
    throw Error(dir_.string() + ": the output folder is not visible from this process");
  auto registry_lock = detail::lock_registry();
  detail::register_stage_locked(this, dir_, false);
}

OutputStage::~OutputStage() {
  // An uncommitted stage is still registered: the same cleanup an interrupt
  // does (its temporaries, the folder it created if left empty). A committed
  // one was forgotten by commit(): nothing to remove.
  detail::remove_registered(this);
  if (lock_fd_ >= 0) ::close(lock_fd_);  // releases the flock
}

fs::path OutputStage::path(const std::string& name) {
  if (committed_) throw Error("output stage " + dir_.string() + " is already committed");
  if (name.empty() || name.find('/') != std::string::npos || name == "." || name == "..")
    throw Error("output name '" + name + "' must be a plain file name");
  if (auto p = staged(name)) return *p;
  auto registry_lock = detail::lock_registry();  // an interrupt waits until the file is registered
  for (int attempt = 0; attempt < 16; ++attempt) {
    const fs::path temp = dir_ / ("." + name + "." + unique_token() + ".tmp");
    if (!create_exclusive(temp)) continue;  // taken: draw another name
    detail::register_temp_locked(this, temp);
    names_.push_back(name);
    staged_.push_back({name, temp});
    return temp;
  }
  throw Error(dir_.string() + ": cannot find a free temporary name for " + name);
}

std::optional<fs::path> OutputStage::staged(const std::string& name) const {
  if (committed_) return std::nullopt;
  for (const auto& s : staged_)
    if (s.name == name) return s.temp;
  return std::nullopt;
}

bool OutputStage::adopt(const std::string& name, const fs::path& temp) {
  if (committed_ || joined_ || staged(name)) return false;
  const std::string file = temp.filename().string(), prefix = "." + name + ".";
  if (temp.parent_path() != dir_ || file.rfind(prefix, 0) != 0 || file.size() < prefix.size() + 4 ||
      file.compare(file.size() - 4, 4, ".tmp") != 0)
    return false;
  std::error_code ec;
  const fs::file_status st = fs::symlink_status(temp, ec);  // never a link to elsewhere
  if (ec || !fs::is_regular_file(st) || fs::file_size(temp, ec) == 0 || ec) return false;
  auto registry_lock = detail::lock_registry();
  detail::register_temp_locked(this, temp);
  names_.push_back(name);
  staged_.push_back({name, temp});
  return true;
}

void OutputStage::commit() {
  if (committed_) return;
  if (joined_) throw Error(dir_.string() + ": a joined output stage is committed by the process that locked it");
  for (const auto& s : staged_) {
    std::error_code ec;
    if (fs::file_size(s.temp, ec) == 0 || ec)
      throw Error((dir_ / s.name).string() + ": was not written completely; nothing was committed");
  }
  // summary.json goes last: a reader that sees it can trust the rest is there.
  std::vector<Staged> order = staged_;
  std::stable_partition(order.begin(), order.end(), [](const Staged& s) { return s.name != "summary.json"; });
  // No interrupt cleanup while renaming: the folder gets the whole set.
  auto lock = detail::lock_registry();
  for (const auto& s : order) {
    std::error_code ec;
    fs::rename(s.temp, dir_ / s.name, ec);
    if (ec) throw Error((dir_ / s.name).string() + ": cannot move the finished file into place: " + ec.message());
  }
  committed_ = true;
  detail::forget_stage_locked(this);
}

void remove_uncommitted_outputs() { detail::remove_all_registered(); }

}  // namespace adcov::report
