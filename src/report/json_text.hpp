#pragma once
// JSON text helpers shared by the report writers (private).

#include <cstdio>
#include <string>
#include <string_view>

namespace adcov::report::detail {

/// Appends `s` to `out` as a JSON string literal, quotes included: `"` and `\`
/// escaped, \n \r \t by name, other control bytes as \u00XX; every other byte
/// (UTF-8 included) passes through unchanged.
inline void append_json_string(std::string& out, std::string_view s) {
  out += '"';
  for (const unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  out += '"';
}

/// `s` as a JSON string literal, quotes included (see append_json_string).
inline std::string json_string(std::string_view s) {
  std::string out;
  append_json_string(out, s);
  return out;
}

}  // namespace adcov::report::detail
