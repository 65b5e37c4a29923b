#pragma once
/// \file
/// `adcov library`: the built-in systems and threats as a text table or as
/// JSON, one entry per type with its id (the name scenarios use) first.

#include <string>

#include "adcov/model/library.hpp"

namespace adcov::report {

/// Which part of the library a listing holds.
enum class LibrarySelection { All, Systems, Threats };

/// The listing as text: a titled table of systems and/or of threats (columns
/// padded to their widest cell, the id first), a blank line between the two,
/// and a closing line pointing to docs/library.md. Costs read as 5.0M, 430k, 500.
std::string library_table(const model::Library& lib, LibrarySelection which);

/// The listing as one JSON object: "systems" and/or "threats" (arrays of
/// objects with every parameter, "sources", "why" and "notes"), then
/// "citations" (source key -> citation). Ends with a newline.
std::string library_json(const model::Library& lib, LibrarySelection which);

}  // namespace adcov::report
