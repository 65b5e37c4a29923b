#pragma once
// The live output stages of this process (private to atomic_output.cpp):
// what an interrupt must remove. Signals are process-wide, so this list is
// too: the one piece of process state in the library, behind a mutex.

#include <filesystem>
#include <mutex>

namespace adcov::report::detail {

/// Holds the registry's lock: while alive, no interrupt cleanup runs (used
/// around a stage's commit so a folder never keeps half a set).
std::unique_lock<std::mutex> lock_registry();

/// `stage` stages into `dir`; `created`: the stage made the folder.
void register_stage(const void* stage, const std::filesystem::path& dir, bool created);
/// A temporary file of `stage` (caller holds no registry lock).
void register_temp(const void* stage, const std::filesystem::path& temp);
/// `stage` is committed or destroyed: nothing of it to clean any more.
void forget_stage(const void* stage);
/// Forget under a lock the caller already holds (lock_registry()).
void forget_stage_locked(const void* stage);

/// Removes every registered temporary and the registered created folders
/// left empty; forgets them all. Thread-safe.
void remove_all_registered();

}  // namespace adcov::report::detail
