// Detection maps in the writers (docs/outputs.md, detection_<h>m.tif / .png,
// "detected_km2"): written and listed only when the coverage result has them.
#include <gtest/gtest.h>

#include <cpl_json.h>
#include <gdal_priv.h>

#include "adcov/report/outputs.hpp"
#include "adcov/report/output_names.hpp"
#include "adcov/report/report_html.hpp"
#include "adcov/report/summary_json.hpp"
#include "support/support.hpp"
#include "synthetic.hpp"

using namespace adcov;
namespace fs = std::filesystem;

namespace {

// synthetic_coverage() with detection counts: count + 1 inside 30 km of the
// first battery, and detected areas.
coverage::CoverageResult with_detection() {
  coverage::CoverageResult r = test::synthetic_coverage();
  for (auto& a : r.altitudes) {
    a.detected = a.count;
    for (int row = 0; row < r.grid.height; ++row)
      for (int col = 0; col < r.grid.width; ++col) {
        const geo::XY c = r.grid.cell_center(col, row);
        if (std::hypot(c.x_m - r.batteries[0].pos.x_m, c.y_m - r.batteries[0].pos.y_m) <= 30000)
          a.detected.add_one(static_cast<std::size_t>(row) * r.grid.width + col);
      }
    a.region.detected_km2 = 2500.5;
    a.protect->detected_km2 = 60.25;
  }
  return r;
}

CPLJSONObject parse(const std::string& text) {
  CPLJSONDocument doc;
  EXPECT_TRUE(doc.LoadMemory(text)) << text;
  return doc.GetRoot();
}

}  // namespace

TEST(DetectionOutputs, Names) {
  EXPECT_EQ(report::detection_tif_name(500), "detection_500m.tif");
  EXPECT_EQ(report::detection_png_name(12.5), "detection_12.5m.png");
}

TEST(DetectionOutputs, SummaryHasDetectedKm2OnlyWhenComputed) {
  const auto s = test::synthetic_scenario();
  const auto plain = test::synthetic_coverage();
  const CPLJSONObject p = parse(report::summary_json("", s, &plain, nullptr));
  for (int i = 0; i < 2; ++i) {
    EXPECT_FALSE(p.GetArray("coverage")[i].GetObj("detected_km2").IsValid());
    EXPECT_FALSE(p.GetArray("coverage")[i].GetObj("protect/detected_km2").IsValid());
  }
  const auto det = with_detection();
  const CPLJSONObject d = parse(report::summary_json("", s, &det, nullptr));
  for (int i = 0; i < 2; ++i) {
    EXPECT_EQ(d.GetArray("coverage")[i].GetDouble("detected_km2"), 2500.5);
    EXPECT_EQ(d.GetArray("coverage")[i].GetDouble("protect/detected_km2"), 60.25);
  }
}

TEST(DetectionOutputs, TifAndPngWrittenAndListedOnlyWhenComputed) {
  test::TempDir tmp;
  const auto s = test::synthetic_scenario();
  report::RenderOptions opt;
  opt.admin0_geojson = tmp.path / "missing.geojson";
  {
    report::OutputStage stage(tmp.path / "plain");
    const auto w = report::write_coverage_outputs(stage, s, test::synthetic_coverage(), opt);
    stage.commit();
    for (const auto& f : w.files) EXPECT_EQ(f.find("detection_"), std::string::npos) << f;
    EXPECT_FALSE(fs::exists(tmp.path / "plain" / "detection_50m.tif"));
  }
  const auto det = with_detection();
  report::OutputStage stage(tmp.path / "det");
  const auto w = report::write_coverage_outputs(stage, s, det, opt);
  stage.commit();
  for (const char* f : {"detection_50m.tif", "detection_50m.png", "detection_12.5m.tif", "detection_12.5m.png"}) {
    EXPECT_TRUE(fs::exists(tmp.path / "det" / f)) << f;
    EXPECT_NE(std::find(w.files.begin(), w.files.end(), f), w.files.end()) << f;
  }
  // Band 1 holds the counts over the region (cropped like coverage_<h>m.tif).
  GDALAllRegister();
  GDALDataset* ds = static_cast<GDALDataset*>(GDALOpen((tmp.path / "det" / "detection_50m.tif").c_str(), GA_ReadOnly));
  ASSERT_NE(ds, nullptr);
  GDALDataset* cov = static_cast<GDALDataset*>(GDALOpen((tmp.path / "det" / "coverage_50m.tif").c_str(), GA_ReadOnly));
  ASSERT_NE(cov, nullptr);
  EXPECT_EQ(ds->GetRasterXSize(), cov->GetRasterXSize());
  EXPECT_EQ(ds->GetRasterYSize(), cov->GetRasterYSize());
  const int w_px = ds->GetRasterXSize(), h_px = ds->GetRasterYSize();
  std::vector<double> a(static_cast<std::size_t>(w_px) * h_px), b(a.size());
  ASSERT_EQ(ds->GetRasterBand(1)->RasterIO(GF_Read, 0, 0, w_px, h_px, a.data(), w_px, h_px, GDT_Float64, 0, 0), CE_None);
  ASSERT_EQ(cov->GetRasterBand(1)->RasterIO(GF_Read, 0, 0, w_px, h_px, b.data(), w_px, h_px, GDT_Float64, 0, 0), CE_None);
  double extra = 0;
  for (std::size_t i = 0; i < a.size(); ++i) extra += a[i] - b[i];
  EXPECT_GT(extra, 0);  // the +1 disc
  GDALClose(ds);
  GDALClose(cov);
}

TEST(DetectionOutputs, ReportHtmlShowsDetectedOnlyWhenComputed) {
  const auto s = test::synthetic_scenario();
  const auto none = [](const std::string&) -> std::optional<std::string> { return std::nullopt; };
  const auto plain = test::synthetic_coverage();
  EXPECT_EQ(report::report_html(s, &plain, nullptr, none).find("detected km"), std::string::npos);
  const auto det = with_detection();
  const std::string h = report::report_html(s, &det, nullptr, none);
  EXPECT_NE(h.find("detected km&sup2;"), std::string::npos);
  EXPECT_NE(h.find("detection_50m.png"), std::string::npos);
}
