#pragma once
/// \file
/// The one text form of a number in the outputs (trials.csv, sweep.csv) and
/// in messages: {fmt}'s "{}", the shortest decimal that reads back to the same
/// double (https://fmt.dev/9.1.0/syntax.html, "none" presentation type), so
/// files of runs that should be bit-identical compare equal as text.
/// Beside it, the forms for people (report.html): thousands grouped, money
/// in millions.

#include <string>

namespace adcov::report {

/// `v` in its shortest round-trip form: 0.1 -> "0.1", 2e6 -> "2000000"
/// (whole numbers below 1e16 are written in full), 1e-5 -> "1e-05",
/// NaN -> "nan". Identical to fmt::format("{}", v).
std::string number_text(double v);

/// `v` rounded to `decimals` places with its whole part grouped by commas
/// (English usage, as the rest of the page): 42843.6 -> "42,844",
/// 1446 -> "1,446", -1234.5 with 1 -> "-1,234.5"; "-" for NaN or infinity.
std::string grouped_text(double v, int decimals = 0);

/// US dollars for people, one decimal of the unit that keeps it short:
/// 213.4e6 -> "$213.4 M", 2.5e9 -> "$2.5 B", below a million in full
/// (85000 -> "$85,000"); "-" for NaN or infinity.
std::string money_text(double usd);

/// `v` rounded to `decimals` places, then written as number_text() writes it
/// (no trailing zeros): rounded_text(0.853057, 4) -> "0.8531",
/// rounded_text(107.32000000000001, 2) -> "107.32", rounded_text(2.5e6, 0)
/// -> "2500000". For means and rates of a finite number of trials, whose
/// last digits are noise (sweep.csv).
std::string rounded_text(double v, int decimals);

/// Appends `v` as OGR's GeoJSON writer prints a coordinate at
/// COORDINATE_PRECISION=6: fixed with 6 decimals, correctly rounded, trailing
/// zeros dropped but one digit kept after the point ("30.5", "30.0",
/// "21.752623", "-0.0"). Identical to fmt's "{:.6f}" so trimmed, and several
/// times faster: a national coverage map has millions of vertices.
void append_coordinate_text(std::string& out, double v);

}  // namespace adcov::report
