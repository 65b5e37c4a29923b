#pragma once
/// \file
/// The one text form of a number in the outputs (trials.csv, sweep.csv) and
/// in messages: {fmt}'s "{}", the shortest decimal that reads back to the same
/// double (https://fmt.dev/9.1.0/syntax.html, "none" presentation type), so
/// files of runs that should be bit-identical compare equal as text.

#include <string>

namespace adcov::report {

/// `v` in its shortest round-trip form: 0.1 -> "0.1", 2e6 -> "2000000"
/// (whole numbers below 1e16 are written in full), 1e-5 -> "1e-05",
/// NaN -> "nan". Identical to fmt::format("{}", v).
std::string number_text(double v);

}  // namespace adcov::report
