// gather_work (ranks.hpp): every buffer a rank sends starts with a status
// word: kOk and the payload, or the rank's failure (InputError messages, or
// one Error message), so a failure travels with the gather instead of
// leaving rank 0 waiting.

#include "adcov/run/ranks.hpp"

#include <exception>
#include <string>

#include "adcov/error.hpp"
#include "adcov/run/wire.hpp"

namespace adcov::run {
namespace {

enum : std::int64_t { kOk = 0, kInputError = 1, kError = 2 };

std::vector<std::int64_t> error_record(std::exception_ptr e) {
  std::vector<std::int64_t> out;
  WireWriter w{out};
  try {
    std::rethrow_exception(e);
  } catch (const InputError& x) {
    w.i64(kInputError);
    w.i64(static_cast<std::int64_t>(x.messages().size()));
    for (const std::string& m : x.messages()) w.str(m);
  } catch (const std::exception& x) {
    w.i64(kError);
    w.str(x.what());
  } catch (...) {
    w.i64(kError);
    w.str("unknown error");
  }
  return out;
}

// On rank 0, after its own failure was rethrown: another rank's failure.
void throw_failures(const std::vector<std::vector<std::int64_t>>& parts) {
  for (std::size_t r = 0; r < parts.size(); ++r) {
    WireReader rd{parts[r].data(), parts[r].size(), "MPI gather"};
    const std::int64_t status = rd.i64();
    if (status == kOk) continue;
    if (status == kInputError) {
      std::vector<std::string> messages(rd.count());
      for (std::string& m : messages) m = rd.str();
      throw InputError(std::move(messages));
    }
    throw Error("MPI rank " + std::to_string(r) + ": " + rd.str());
  }
}

}  // namespace

std::vector<std::int64_t> failure_words(const std::string& message) {
  std::vector<std::int64_t> out;
  WireWriter w{out};
  w.i64(kError);
  w.str(message);
  return out;
}

std::vector<std::vector<std::int64_t>> gather_work(
    const Ranks& ranks, const std::function<void(std::vector<std::int64_t>&)>& work) {
  if (!ranks.split() || !ranks.gather) {
    std::vector<std::int64_t> mine;
    work(mine);
    return {std::move(mine)};
  }
  std::vector<std::int64_t> buf{kOk};
  std::exception_ptr err;
  try {
    work(buf);
  } catch (...) {
    err = std::current_exception();
    buf = error_record(err);
  }
  std::vector<std::vector<std::int64_t>> parts = ranks.gather(std::move(buf));
  if (err) std::rethrow_exception(err);
  if (ranks.writer()) throw_failures(parts);
  for (auto& p : parts) p.erase(p.begin());  // the status word
  return parts;
}

std::vector<std::int64_t> broadcast_work(const Ranks& ranks,
                                         const std::function<void(std::vector<std::int64_t>&)>& make) {
  if (!ranks.split() || !ranks.broadcast) {
    std::vector<std::int64_t> words;
    make(words);
    return words;
  }
  std::vector<std::int64_t> buf{kOk};
  std::exception_ptr err;
  if (ranks.writer()) {
    try {
      make(buf);
    } catch (...) {
      err = std::current_exception();
      buf = error_record(err);
    }
  }
  std::vector<std::int64_t> words = ranks.broadcast(std::move(buf));
  if (err) std::rethrow_exception(err);
  if (!ranks.writer()) throw_failures({words});  // rank 0's failure, as rank 0 throws it
  words.erase(words.begin());  // the status word
  return words;
}

}  // namespace adcov::run
