#include "adcov/run/wire.hpp"

#include <algorithm>
#include <bit>
#include <cstring>

#include "adcov/error.hpp"

namespace adcov::run {

void WireWriter::f64(double v) { out.push_back(std::bit_cast<std::int64_t>(v)); }

void WireWriter::str(const std::string& s) {
  out.push_back(static_cast<std::int64_t>(s.size()));
  for (std::size_t i = 0; i < s.size(); i += 8) {
    std::int64_t w = 0;
    std::memcpy(&w, s.data() + i, std::min<std::size_t>(8, s.size() - i));
    out.push_back(w);
  }
}

void WireWriter::i64s(const std::vector<std::int64_t>& v) {
  out.push_back(static_cast<std::int64_t>(v.size()));
  out.insert(out.end(), v.begin(), v.end());
}

void WireWriter::bytes(const void* p, std::size_t n) {
  out.push_back(static_cast<std::int64_t>(n));
  const std::size_t first = out.size();
  out.resize(first + (n + 7) / 8, 0);
  if (n) std::memcpy(out.data() + first, p, n);
}

std::int64_t WireReader::i64() {
  if (at >= size) throw Error(std::string(what) + ": truncated buffer");
  return data[at++];
}

double WireReader::f64() { return std::bit_cast<double>(i64()); }

std::size_t WireReader::count(std::size_t per_item_words) {
  const std::int64_t c = i64();
  const std::size_t left = size - at;
  if (c < 0 || static_cast<std::uint64_t>(c) > left / std::max<std::size_t>(1, per_item_words))
    throw Error(std::string(what) + ": bad length");
  return static_cast<std::size_t>(c);
}

std::string WireReader::str() {
  const std::int64_t len = i64();
  if (len < 0 || static_cast<std::uint64_t>(len) > (size - at) * 8) throw Error(std::string(what) + ": bad length");
  std::string s(static_cast<std::size_t>(len), '\0');
  for (std::size_t i = 0; i < s.size(); i += 8) {
    const std::int64_t w = i64();
    std::memcpy(s.data() + i, &w, std::min<std::size_t>(8, s.size() - i));
  }
  return s;
}

void WireReader::bytes(void* p, std::size_t n) {
  const std::int64_t len = i64();
  if (len != static_cast<std::int64_t>(n) || (n + 7) / 8 > size - at) throw Error(std::string(what) + ": bad length");
  if (n) std::memcpy(p, data + at, n);
  at += (n + 7) / 8;
}

std::vector<std::int64_t> WireReader::i64s() {
  const std::size_t n = count();
  std::vector<std::int64_t> v(data + at, data + at + n);
  at += n;
  return v;
}

void WireReader::expect_end() const {
  if (at != size) throw Error(std::string(what) + ": trailing data");
}

}  // namespace adcov::run
