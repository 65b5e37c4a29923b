// The one file writer of the report layer (text_file.hpp) says why a write
// failed (issue 10: ENOSPC used to say "cannot write" without the reason).
// /dev/full answers every write with ENOSPC, like a full disk.

#include "adcov/report/text_file.hpp"

#include <gtest/gtest.h>

#include "adcov/error.hpp"
#include "adcov/report/picture.hpp"
#include "support/support.hpp"

using namespace adcov;

TEST(TextFile, AFullDiskIsNamedWithItsReason) {
  try {
    report::write_text_file("/dev/full", std::string(1 << 16, 'x'));
    FAIL() << "a write to a full disk succeeded";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()), "/dev/full: cannot write: No space left on device");
  }
}

TEST(TextFile, APngOnAFullDiskIsNamedWithItsReason) {
  const report::Picture pic(64, 64, report::Rgba{255, 255, 255, 255});
  try {
    report::write_png("/dev/full", pic);
    FAIL() << "a PNG write to a full disk succeeded";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()), "/dev/full: cannot write: No space left on device");
  }
}

TEST(TextFile, RoundTripsBytes) {
  test::TempDir t;
  const std::string bytes("a\0b\nc", 5);
  report::write_text_file(t.path / "f", bytes);
  EXPECT_EQ(report::read_text_file(t.path / "f"), bytes);
  EXPECT_THROW(report::read_text_file(t.path / "missing"), Error);
}
