// adcov library [systems|threats] [--format table|json]: the built-in types,
// one row per type with its id (the name scenarios use) first.
// The listing itself is report::library_table / library_json.

#include <cstdio>
#include <string>

#include "adcov/model/library.hpp"
#include "adcov/report/library_listing.hpp"
#include "commands.hpp"

namespace adcov::app {

int cmd_library(const std::string& what, const std::string& format) {
  using report::LibrarySelection;
  const LibrarySelection which = what == "systems"   ? LibrarySelection::Systems
                                 : what == "threats" ? LibrarySelection::Threats
                                                     : LibrarySelection::All;
  const model::Library& lib = model::builtin_library();
  const std::string out = format == "json" ? report::library_json(lib, which) : report::library_table(lib, which);
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}

}  // namespace adcov::app
