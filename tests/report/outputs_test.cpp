#include <gtest/gtest.h>

#include <cstdlib>

#include "adcov/report/data_files.hpp"
#include "adcov/report/outputs.hpp"
#include "adcov/report/output_names.hpp"
#include "support/support.hpp"
#include "synthetic.hpp"

using namespace adcov;
namespace fs = std::filesystem;

TEST(OutputNames, AltitudeWithoutTrailingZeros) {
  EXPECT_EQ(report::coverage_tif_name(50), "coverage_50m.tif");
  EXPECT_EQ(report::coverage_tif_name(3000), "coverage_3000m.tif");
  EXPECT_EQ(report::coverage_png_name(12.5), "coverage_12.5m.png");
  EXPECT_EQ(report::altitude_text(0.25), "0.25");
}

TEST(CoverageOutputs, CommitWritesEveryFileAndNoTemporaries) {
  test::TempDir tmp;
  const auto s = test::synthetic_scenario();
  const auto cov = test::synthetic_coverage();
  const auto sim = test::synthetic_simulation();
  report::RenderOptions opt;
  opt.admin0_geojson = tmp.path / "missing.geojson";
  report::OutputStage stage(tmp.path / "out");
  const auto cw = report::write_coverage_outputs(stage, s, cov, opt);
  const auto ew = report::write_engagement_outputs(stage, s, sim);
  stage.commit();
  for (const char* f : {"coverage_50m.tif", "coverage_50m.png", "coverage_12.5m.tif", "coverage_12.5m.png",
                        "floor.tif", "floor.png", "summary.json", "trials.csv", "coverage_50m.qml",
                        "coverage_12.5m.geojson", "floor.qml", "batteries.geojson", "targets.geojson",
                        "launch_areas.geojson", "routes.geojson", "adcov.kml"})
    EXPECT_TRUE(fs::exists(tmp.path / "out" / f)) << f;
  for (const auto& e : fs::directory_iterator(tmp.path / "out"))
    EXPECT_EQ(e.path().string().find(".tmp"), std::string::npos) << e.path();
  ASSERT_EQ(cw.notes.size(), 1u);  // the missing border file
  EXPECT_NE(cw.notes[0].find("missing.geojson"), std::string::npos);
}

TEST(DataFiles, DataDirFromEnvironmentComesFirst) {
  test::TempDir tmp;
  tmp.write("boundaries/ukraine_admin0_ne10m_dissolved.geojson", "{}");
  ::setenv("ADCOV_DATA_DIR", tmp.path.c_str(), 1);
  const auto found = report::find_data_file("boundaries/ukraine_admin0_ne10m_dissolved.geojson");
  const auto opt = report::default_render_options();
  ::unsetenv("ADCOV_DATA_DIR");
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(fs::weakly_canonical(*found), fs::weakly_canonical(tmp.path / "boundaries/ukraine_admin0_ne10m_dissolved.geojson"));
  EXPECT_EQ(fs::weakly_canonical(*opt.admin0_geojson), fs::weakly_canonical(*found));
}

