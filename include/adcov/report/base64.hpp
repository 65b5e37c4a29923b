#pragma once
/// \file
/// Base64 (RFC 4648 section 4, standard alphabet, '=' padding), for the
/// images report.html embeds as `data:` URIs.

#include <string>
#include <string_view>

namespace adcov::report {

/// Encodes bytes as base64 text without line breaks.
/// Example: `base64_encode("foob") == "Zm9vYg=="`.
std::string base64_encode(std::string_view bytes);

}  // namespace adcov::report
