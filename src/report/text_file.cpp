#include "adcov/report/text_file.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include "adcov/error.hpp"

namespace adcov::report {
namespace {

struct FileClose {
  void operator()(std::FILE* f) const { std::fclose(f); }
};

[[noreturn]] void fail(const std::filesystem::path& file, const char* what, int err) {
  throw Error(file.string() + ": " + what + ": " + std::strerror(err));
}

}  // namespace

void write_text_file(const std::filesystem::path& file, std::string_view text) {
  std::unique_ptr<std::FILE, FileClose> f(std::fopen(file.c_str(), "wb"));
  if (!f) fail(file, "cannot write", errno);
  if (std::fwrite(text.data(), 1, text.size(), f.get()) != text.size()) fail(file, "cannot write", errno);
  // A full disk may only show when the buffer is flushed on close.
  if (std::fclose(f.release()) != 0) fail(file, "cannot write", errno);
}

std::string read_text_file(const std::filesystem::path& file) {
  std::unique_ptr<std::FILE, FileClose> f(std::fopen(file.c_str(), "rb"));
  if (!f) fail(file, "cannot read", errno);
  std::string text;
  char buf[1 << 16];
  for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, f.get())) > 0;) text.append(buf, n);
  if (std::ferror(f.get())) fail(file, "cannot read", errno);
  return text;
}

}  // namespace adcov::report
