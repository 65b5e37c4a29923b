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
  EXPECT_NE(alone.find("<td>kyiv-1</td><td>30.10</td><td>25.50</td><td>40.0&nbsp;%</td><td>90&nbsp;min</td>"),
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

// Issue 15: a page that reads on a phone, numbers for people, the headline,
// targets by name and where the page came from.
TEST(ReportHtml, ReadsOnAPhoneWithNamedTargetsAndItsProvenance) {
  test::TempDir tmp;
  auto s = test::synthetic_scenario();
  s.file = tmp.write("s.yaml", "name: synthetic-test\n");
  model::Salvo v;
  v.id = "wave-1";
  v.targets = {{{30.52, 50.45}, 3, "Kyiv centre"}, {{30.60, 50.40}, 1, ""}};
  s.salvos.push_back(v);
  auto cov = test::synthetic_coverage();
  cov.altitudes[0].region.region_km2 = 42843.6;
  auto sim = test::synthetic_simulation();
  sim.overall.launched = 1500;
  sim.overall.warheads_launched = 1446;
  sim.overall.leaked_warheads_mean = 12.34;
  sim.leakers_by_target.push_back({{30.60, 50.40}, 1.5});
  sim.cost_interceptors_mean_usd = 213.44e6;
  const report::ReportProvenance prov{"9.8.7", "adcov run 'my raid.yaml' -o out", "2025-03-01T21:04:05Z"};
  const auto none = [](const std::string&) -> std::optional<std::string> { return std::nullopt; };
  const std::string html = report::report_html(s, &cov, &sim, none, nullptr, prov);

  EXPECT_NE(html.find("<meta name=viewport content=\"width=device-width, initial-scale=1\">"), std::string::npos);
  // Every table in a scrolling wrapper.
  std::size_t tables = 0;
  for (std::size_t at = 0; (at = html.find("<table", at)) != std::string::npos; ++at, ++tables)
    EXPECT_EQ(html.compare(at - 18, 18, "<div class=scroll>"), 0) << html.substr(at - 30, 60);
  EXPECT_GT(tables, 5u);
  EXPECT_NE(html.find("<b>12.3 of 1,446</b> warheads get through on a mean night"), std::string::npos);
  EXPECT_NE(html.find("with 54 decoys apart"), std::string::npos);
  EXPECT_NE(html.find("<td>42,844</td>"), std::string::npos);
  EXPECT_NE(html.find("interceptors fired $213.4 M"), std::string::npos);
  EXPECT_NE(html.find("<td>Kyiv centre</td><td>30.5200, 50.4500</td><td>18.80</td>"), std::string::npos);
  EXPECT_NE(html.find("<td><span class=muted>target of wave-1</span></td><td>30.6000, 50.4000</td><td>1.50</td>"), std::string::npos);  // unnamed
  EXPECT_NE(html.find("adcov 9.8.7, written 2025-03-01T21:04:05Z"), std::string::npos);
  EXPECT_NE(html.find("with: <code>adcov run 'my raid.yaml' -o out</code>"), std::string::npos);
  // Without a time given, the writer stamps its own (ISO 8601 UTC).
  const std::string now = report::report_html(s, nullptr, nullptr, none);
  const auto at = now.find(", written ");
  ASSERT_NE(at, std::string::npos);
  EXPECT_EQ(now.size() > at + 30 ? now.substr(at + 10 + 10, 1) + now.substr(at + 10 + 19, 1) : "", "TZ");
}
