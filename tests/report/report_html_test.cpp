#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "adcov/report/report_html.hpp"
#include "support/support.hpp"
#include "synthetic.hpp"

using namespace adcov;

TEST(ReportHtml, ReadsTheScenarioHeaderComment) {
  test::TempDir tmp;
  const auto f = tmp.write("s.yaml", "# kyiv-test: a question\n#\n# Assumptions: none.\nname: x\n# not this\n");
  EXPECT_EQ(report::scenario_header_comment(f), "kyiv-test: a question\n\nAssumptions: none.");
  EXPECT_EQ(report::scenario_header_comment(tmp.path / "missing.yaml"), "");
}

TEST(ReportHtml, IsSelfContainedWithEmbeddedImagesAndEstimates) {
  test::TempDir tmp;
  auto s = test::synthetic_scenario();
  s.file = tmp.write("s.yaml", "# Which share of Kyiv's sky is covered?\nname: synthetic-test\n");
  const auto cov = test::synthetic_coverage();
  const auto sim = test::synthetic_simulation();
  {
    report::OutputStage stage(tmp.path);
    std::ofstream(stage.path("coverage_50m.png"), std::ios::binary) << "PNGDATA";
    report::write_report_html(stage, s, &cov, &sim);
    stage.commit();
  }
  std::ifstream in(tmp.path / "report.html");
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string html = ss.str();
  EXPECT_NE(html.find("Which share of Kyiv&#39;s sky") == std::string::npos
                ? html.find("Which share of Kyiv's sky")
                : 0,
            std::string::npos);
  EXPECT_NE(html.find("data:image/png;base64,UE5HREFUQQ=="), std::string::npos);  // "PNGDATA"
  EXPECT_NE(html.find("coverage_12.5m.png not available"), std::string::npos);
  EXPECT_NE(html.find("pk.drone"), std::string::npos);             // an estimate
  EXPECT_EQ(html.find("radar.range_km"), std::string::npos);       // a sourced figure
  EXPECT_NE(html.find("flat ground at 0 m"), std::string::npos);   // terrain description
  EXPECT_NE(html.find("k = 1.333"), std::string::npos);
  EXPECT_EQ(html.find("src=\"http"), std::string::npos);           // nothing fetched
  EXPECT_NE(html.find("drone"), std::string::npos);
}
