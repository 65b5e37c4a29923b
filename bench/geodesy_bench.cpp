#include <benchmark/benchmark.h>
#include "adcov/geo/geodesy.hpp"
static void BM_GreatCircleDistance(benchmark::State& st) {
  adcov::geo::LonLat a{30.52, 50.45}, b{36.2, 49.99};
  for (auto _ : st) benchmark::DoNotOptimize(adcov::geo::distance_m(a, b));
}
BENCHMARK(BM_GreatCircleDistance);
BENCHMARK_MAIN();
