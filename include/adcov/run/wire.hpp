#pragma once
/// \file
/// The one codec for what crosses between processes (MPI ranks): a flat
/// buffer of 64-bit words. Integers as they are, doubles by their bit
/// patterns (so the receiver gets exactly the sender's value), strings as a
/// length and 8 bytes a word. Every decoder checks lengths, so a truncated
/// or foreign buffer is an Error, never a read past the end.

#include <cstdint>
#include <string>
#include <vector>

namespace adcov::run {

/// Appends values to a word buffer.
struct WireWriter {
  std::vector<std::int64_t>& out;
  void i64(std::int64_t v) { out.push_back(v); }
  void f64(double v);
  void str(const std::string& s);
  /// A length, then the words.
  void i64s(const std::vector<std::int64_t>& v);
  /// `n` bytes as they are in memory: a length, then 8 bytes a word.
  void bytes(const void* p, std::size_t n);
};

/// Reads values back in the order they were written.
/// \throws Error naming `what` on a truncated buffer or an impossible length.
struct WireReader {
  const std::int64_t* data;
  std::size_t size;
  const char* what;  ///< names the buffer in errors, e.g. "MPI gather"
  std::size_t at = 0;

  std::int64_t i64();
  double f64();
  /// A non-negative count of at most `per_item_words`-word items left.
  std::size_t count(std::size_t per_item_words = 1);
  std::string str();
  std::vector<std::int64_t> i64s();
  /// Bytes written by WireWriter::bytes, into `n` bytes at `p`.
  /// \throws Error when the buffer holds another length.
  void bytes(void* p, std::size_t n);
  /// \throws Error if words are left over.
  void expect_end() const;
};

}  // namespace adcov::run
