#include <gtest/gtest.h>

#include "command_line.hpp"

// report.html's footer prints the command line so a reader can paste it back into a shell.
TEST(CommandLine, QuotesWhatAShellWouldSplitOrExpand) {
  const char* argv[] = {"build/adcov", "run", "my raid.yaml", "-o", "/tmp/out", "--trials=200", "it's", "", "$HOME"};
  EXPECT_EQ(adcov::app::command_line_text(9, argv),
            "build/adcov run 'my raid.yaml' -o /tmp/out --trials=200 'it'\\''s' '' '$HOME'");
}
