#include <gtest/gtest.h>

#include "adcov/report/base64.hpp"

using adcov::report::base64_encode;

// RFC 4648 section 10 test vectors.
TEST(Base64, MatchesRfc4648Vectors) {
  EXPECT_EQ(base64_encode(""), "");
  EXPECT_EQ(base64_encode("f"), "Zg==");
  EXPECT_EQ(base64_encode("fo"), "Zm8=");
  EXPECT_EQ(base64_encode("foo"), "Zm9v");
  EXPECT_EQ(base64_encode("foob"), "Zm9vYg==");
  EXPECT_EQ(base64_encode("fooba"), "Zm9vYmE=");
  EXPECT_EQ(base64_encode("foobar"), "Zm9vYmFy");
}

TEST(Base64, EncodesHighBytes) {
  const std::string bytes{'\xff', '\xfe', '\x00', '\x89', 'P', 'N', 'G'};
  EXPECT_EQ(base64_encode(bytes), "//4AiVBORw==");
}
