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

/// `v` rounded to `decimals` places, then written as number_text() writes it
/// (no trailing zeros): rounded_text(0.853057, 4) -> "0.8531",
/// rounded_text(107.32000000000001, 2) -> "107.32", rounded_text(2.5e6, 0)
/// -> "2500000". For means and rates of a finite number of trials, whose
/// last digits are noise (sweep.csv).
std::string rounded_text(double v, int decimals);

}  // namespace adcov::report
