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

/// `stage` stages into `dir`; `created`: the stage made the folder. The
/// caller holds lock_registry() from before it creates the folder until
/// this call, so an interrupt never misses a folder or file it made.
void register_stage_locked(const void* stage, const std::filesystem::path& dir, bool created);
/// A temporary file of `stage` (caller holds lock_registry(), as above).
void register_temp_locked(const void* stage, const std::filesystem::path& temp);
/// `stage` is committed or destroyed: nothing of it to clean any more
/// (caller holds lock_registry()).
void forget_stage_locked(const void* stage);

/// Removes the registered temporaries of `stage` and the folder it created
/// (when left empty), and forgets it; nothing when it is not registered.
/// Thread-safe.
void remove_registered(const void* stage);

/// Removes every registered temporary and the registered created folders
/// left empty; forgets them all. Thread-safe.
void remove_all_registered();

}  // namespace adcov::report::detail
