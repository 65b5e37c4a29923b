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

// Issue 11: the battery table and, with a sensor network, the network's rates
// beside the autonomous batteries' on the same trials.
TEST(ReportHtml, ShowsEachBatterysMagazineAndWhatTheNetworkAdds) {
  test::TempDir tmp;
  auto s = test::synthetic_scenario();
  s.file = tmp.write("s.yaml", "name: synthetic-test\n");
  auto sim = test::synthetic_simulation();
  auto html_of = [&](const engage::SimulationResult& r) {
    {
      report::OutputStage stage(tmp.path);
      report::write_report_html(stage, s, nullptr, &r);
      stage.commit();
    }
    std::ifstream in(tmp.path / "report.html");
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  };
  const std::string alone = html_of(sim);
  EXPECT_NE(alone.find("<td>kyiv-1</td><td>30.10</td><td>25.50</td><td>40.0&nbsp;%</td><td>5400&nbsp;s</td>"),
            std::string::npos);
  EXPECT_NE(alone.find("<td>kyiv-2</td><td>2.00</td><td>1.50</td><td>0.0&nbsp;%</td><td>&ndash;</td>"),
            std::string::npos);
  EXPECT_EQ(alone.find("What the sensor network adds"), std::string::npos);
  engage::NetworkEffect n;
  n.mode = "cued";
  n.autonomous_overall = {60, 35.0, 35.0 / 60, 0.5, 0.66};
  sim.network = n;
  const std::string net = html_of(sim);
  EXPECT_NE(net.find("What the sensor network adds"), std::string::npos);
  EXPECT_NE(net.find("with the cued network"), std::string::npos);
  EXPECT_NE(net.find("41.2 with the network, 35.0 without"), std::string::npos);
}
