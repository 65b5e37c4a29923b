#pragma once
#include <cstdio>
// Commands whose engine is not built yet say so and exit 1 (issue 2).
inline int not_built(const char* name) {
  std::fprintf(stderr, "adcov %s: not built yet in this version\n", name);
  return 1;
}
