#include <gtest/gtest.h>

#include <cpl_json.h>
#include <gdal_priv.h>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>

#include "adcov/report/output_names.hpp"
#include "adcov/report/outputs.hpp"
#include "adcov/report/summary_json.hpp"
#include "adcov/report/uncertainty_outputs.hpp"
#include "support/support.hpp"
#include "synthetic.hpp"

using namespace adcov;
namespace fs = std::filesystem;

namespace {

// k = 2 parameters, N = 2 base samples: 2 (k + 2) = 8 runs, outputs overall
// and drone. The second path holds a comma, as an id list does.
report::UncertaintyResult two_parameters() {
  report::UncertaintyResult r;
  r.samples = 2;
  r.trials = 50;
  r.seed = 42;
  r.parameters = {{"systems[patriot_pac3].pk.ballistic", 0.3, 0.7, false},
                  {"batteries[b1,b2].magazine", 4, 12, true}};
  r.outputs = {"overall", "drone"};
  r.values = {{0.35, 6}, {0.6, 10}, {0.6, 6}, {0.35, 10}, {0.45, 11}, {0.65, 5}, {0.65, 11}, {0.45, 5}};
  const double overall[] = {0.72, 0.81, 0.8, 0.75, 0.69, 0.77, 0.7, 0.74};
  const double drone[] = {0.9, 0.95, 0.94, 0.92, 0.88, 1.0 / 3.0, 0.9, 0.93};
  for (int i = 0; i < 8; ++i) r.rates.push_back({overall[i], drone[i]});
  r.by_output["overall"] = {0.7475, 0.69, 0.745, 0.81};
  r.by_output["drone"] = {0.765, 1.0 / 3.0, 0.89, 0.95};
  r.sensitivity["overall"] = {{"batteries[b1,b2].magazine", 0.55, 0.4, 0.7, 0.6, 0.45, 0.8},
                              {"systems[patriot_pac3].pk.ballistic", 0.2, -0.05, 0.4, 0.3, 0.1, 0.5}};
  r.sensitivity["drone"] = {{"systems[patriot_pac3].pk.ballistic", 0.5, 0.3, 0.7, 0.65, 0.5, 0.9},
                            {"batteries[b1,b2].magazine", 0.1, 0, 0.3, 0.25, 0.05, 0.45}};
  return r;
}

CPLJSONObject parse(const std::string& text) {
  CPLJSONDocument doc;
  EXPECT_TRUE(doc.LoadMemory(text)) << text;
  return doc.GetRoot();
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct Closer {
  void operator()(GDALDataset* d) const { GDALClose(GDALDataset::ToHandle(d)); }
};

// Width and height of a PNG read back by GDAL's PNG driver, {0, 0} if it is not one.
std::pair<int, int> png_size(const fs::path& file) {
  GDALAllRegister();
  std::unique_ptr<GDALDataset, Closer> ds(GDALDataset::Open(file.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
  if (!ds || std::string(ds->GetDriver()->GetDescription()) != "PNG") return {0, 0};
  return {ds->GetRasterXSize(), ds->GetRasterYSize()};
}

// Rendered images (and the page) are kept for a look with ADCOV_KEEP_PNG=folder.
void keep(const fs::path& file, const std::string& name) {
  if (const char* dir = std::getenv("ADCOV_KEEP_PNG"))
    fs::copy_file(file, fs::path(dir) / name, fs::copy_options::overwrite_existing);
}

}  // namespace

TEST(UncertaintyCsv, OneRowPerRunInDesignOrderWithShortestNumbers) {
  EXPECT_EQ(report::uncertainty_csv(two_parameters()),
            "run,matrix,sample,systems[patriot_pac3].pk.ballistic,\"batteries[b1,b2].magazine\","
            "rate_overall,rate_drone\n"
            "0,A,0,0.35,6,0.72,0.9\n"
            "1,B,0,0.6,10,0.81,0.95\n"
            "2,AB_1,0,0.6,6,0.8,0.94\n"
            "3,AB_2,0,0.35,10,0.75,0.92\n"
            "4,A,1,0.45,11,0.69,0.88\n"
            "5,B,1,0.65,5,0.77,0.3333333333333333\n"
            "6,AB_1,1,0.65,11,0.7,0.9\n"
            "7,AB_2,1,0.45,5,0.74,0.93\n");
}

TEST(SensitivityCsv, RowsByOutputThenByTotalIndex) {
  EXPECT_EQ(report::sensitivity_csv(two_parameters()),
            "output,parameter,S1,S1_lo,S1_hi,ST,ST_lo,ST_hi\n"
            "overall,\"batteries[b1,b2].magazine\",0.55,0.4,0.7,0.6,0.45,0.8\n"
            "overall,systems[patriot_pac3].pk.ballistic,0.2,-0.05,0.4,0.3,0.1,0.5\n"
            "drone,systems[patriot_pac3].pk.ballistic,0.5,0.3,0.7,0.65,0.5,0.9\n"
            "drone,\"batteries[b1,b2].magazine\",0.1,0,0.3,0.25,0.05,0.45\n");
}

TEST(UncertaintySummary, HasTheSpecBlockAndItsExtras) {
  const auto s = test::synthetic_scenario();
  const std::string text = report::uncertainty_summary_json("", s, two_parameters());
  const CPLJSONObject root = parse(text);
  EXPECT_EQ(root.GetString("scenario"), "synthetic-test");
  const CPLJSONObject u = root.GetObj("uncertainty");
  ASSERT_TRUE(u.IsValid());
  EXPECT_EQ(u.GetObj("runs").GetType(), CPLJSONObject::Type::Integer);
  EXPECT_EQ(u.GetInteger("runs"), 8);
  const CPLJSONArray params = u.GetArray("parameters");
  ASSERT_EQ(params.Size(), 2);
  EXPECT_EQ(params[0].ToString(), "systems[patriot_pac3].pk.ballistic");
  EXPECT_EQ(params[1].ToString(), "batteries[b1,b2].magazine");
  EXPECT_DOUBLE_EQ(u.GetDouble("by_output/overall/mean"), 0.7475);
  EXPECT_DOUBLE_EQ(u.GetDouble("by_output/overall/p5"), 0.69);
  EXPECT_DOUBLE_EQ(u.GetDouble("by_output/overall/p50"), 0.745);
  EXPECT_DOUBLE_EQ(u.GetDouble("by_output/overall/p95"), 0.81);
  EXPECT_DOUBLE_EQ(u.GetDouble("by_output/drone/p5"), 1.0 / 3.0);
  const CPLJSONArray overall = u.GetArray("sensitivity/overall");
  ASSERT_EQ(overall.Size(), 2);
  EXPECT_EQ(overall[0].GetString("parameter"), "batteries[b1,b2].magazine");
  EXPECT_DOUBLE_EQ(overall[0].GetDouble("S1"), 0.55);
  EXPECT_DOUBLE_EQ(overall[0].GetDouble("ST"), 0.6);
  const CPLJSONArray s1ci = overall[1].GetArray("S1_ci95"), stci = overall[1].GetArray("ST_ci95");
  ASSERT_EQ(s1ci.Size(), 2);
  ASSERT_EQ(stci.Size(), 2);
  EXPECT_DOUBLE_EQ(s1ci[0].ToDouble(), -0.05);
  EXPECT_DOUBLE_EQ(stci[1].ToDouble(), 0.5);
  EXPECT_EQ(u.GetArray("sensitivity/drone").Size(), 2);
  EXPECT_EQ(u.GetInteger("samples"), 2);
  EXPECT_EQ(u.GetInteger("trials_per_run"), 50);
  EXPECT_EQ(u.GetLong("seed"), 42);
  const CPLJSONArray range = u.GetArray("ranges/batteries[b1,b2].magazine");
  ASSERT_EQ(range.Size(), 2);
  EXPECT_DOUBLE_EQ(range[0].ToDouble(), 4);
  EXPECT_DOUBLE_EQ(range[1].ToDouble(), 12);
  // The contract's keys first, in the order docs/outputs.md lists them;
  // outputs in the result's order ("overall" before the classes).
  const auto at = [&](const char* key) { return text.find(key); };
  EXPECT_LT(at("\"runs\""), at("\"parameters\""));
  EXPECT_LT(at("\"parameters\""), at("\"by_output\""));
  EXPECT_LT(at("\"by_output\""), at("\"sensitivity\""));
  EXPECT_LT(at("\"sensitivity\""), at("\"samples\""));
  EXPECT_LT(at("\"overall\""), at("\"drone\""));
}

// `adcov run` then `adcov uncertainty` into one folder give one summary, and
// a later `adcov simulate` keeps the uncertainty block.
TEST(UncertaintySummary, MergesOverTheEngagementPartAndSurvivesIt) {
  const auto s = test::synthetic_scenario();
  const auto sim = test::synthetic_simulation();
  const std::string run = report::summary_json("", s, nullptr, &sim, {"a note"});
  const CPLJSONObject both = parse(report::uncertainty_summary_json(run, s, two_parameters()));
  EXPECT_TRUE(both.GetObj("engagement/overall").IsValid());
  EXPECT_EQ(both.GetInteger("trials"), 5);  // the engagement's, not the runs'
  EXPECT_EQ(both.GetLong("seed"), 42);
  EXPECT_EQ(both.GetArray("notes").Size(), 1);
  EXPECT_EQ(both.GetInteger("uncertainty/runs"), 8);
  const CPLJSONObject again = parse(report::summary_json(both.Format(CPLJSONObject::PrettyFormat::Pretty), s,
                                                         nullptr, &sim));
  EXPECT_EQ(again.GetInteger("uncertainty/runs"), 8);
}

TEST(UncertaintyOutputs, StagesEveryFileWithReadableCharts) {
  test::TempDir tmp;
  auto s = test::synthetic_scenario();
  s.file = tmp.write("s.yaml", "# How sure is the Patriot's share?\nname: synthetic-test\n");
  const auto sim = test::synthetic_simulation();
  const fs::path out = tmp.path / "out";
  {
    report::OutputStage stage(out);
    report::write_engagement_outputs(stage, s, sim);
    stage.commit();
  }
  {
    report::OutputStage stage(out);
    report::write_uncertainty_outputs(stage, s, two_parameters());
    stage.commit();
  }
  for (const char* f : {"uncertainty.csv", "sensitivity.csv", "tornado.png", "uncertainty_fan.png",
                        "summary.json", "report.html", "trials.csv"})
    EXPECT_TRUE(fs::exists(out / f)) << f;
  EXPECT_EQ(slurp(out / "uncertainty.csv"), report::uncertainty_csv(two_parameters()));
  EXPECT_EQ(slurp(out / "sensitivity.csv"), report::sensitivity_csv(two_parameters()));
  // 1000 px wide; 140 px plus 44 px per parameter drawn, plus 70 px per output.
  EXPECT_EQ(png_size(out / "tornado.png"), std::make_pair(1000, 140 + 2 * 44));
  EXPECT_EQ(png_size(out / "uncertainty_fan.png"), std::make_pair(1000, 140 + 2 * 70));
  keep(out / "tornado.png", "tornado.png");
  keep(out / "uncertainty_fan.png", "uncertainty_fan.png");
  keep(out / "report.html", "report.html");

  const CPLJSONObject root = parse(slurp(out / "summary.json"));
  EXPECT_TRUE(root.GetObj("engagement/overall").IsValid());
  EXPECT_EQ(root.GetInteger("uncertainty/runs"), 8);

  const std::string html = slurp(out / "report.html");
  EXPECT_NE(html.find("How sure is the Patriot"), std::string::npos);  // the scenario header
  EXPECT_NE(html.find("<h2>Uncertainty</h2>"), std::string::npos);
  EXPECT_NE(html.find("74.8&nbsp;%</b>mean; p5&ndash;p95 69.0&nbsp;% &ndash; 81.0&nbsp;%, 4 runs"), std::string::npos);
  EXPECT_NE(html.find("alt=\"Sobol' indices of the overall interception rate\" src=\"data:image/png;base64,"),
            std::string::npos);
  EXPECT_NE(html.find("alt=\"Interception rate over the parameters' ranges\" src=\"data:image/png;base64,"),
            std::string::npos);
  EXPECT_EQ(html.find("not available"), std::string::npos);
  EXPECT_NE(html.find("<code>batteries[b1,b2].magazine</code></td><td>4 &ndash; 12</td><td>0.55"),
            std::string::npos);
  EXPECT_NE(html.find("bootstrap 95&nbsp;% intervals"), std::string::npos);
  EXPECT_EQ(html.find("<h2>Interceptions</h2>"), std::string::npos);  // written by adcov uncertainty alone
}

// Many parameters: the 10 with the largest ST are drawn; long paths keep
// their head and tail.
TEST(UncertaintyOutputs, TornadoDrawsTheTopTenParameters) {
  test::TempDir tmp;
  const auto s = test::synthetic_scenario();
  report::UncertaintyResult r = two_parameters();
  r.parameters.clear();
  r.sensitivity.clear();
  const char* systems[] = {"patriot_pac3", "nasams", "iris_t_slm", "gepard", "hawk_phase3", "s300_ps"};
  for (int i = 0; i < 12; ++i) {
    const std::string path = std::string(i == 3 ? "batteries[kyiv_very_long_battery_name_east_bank_2]"
                                               : "systems[" + std::string(systems[i % 6]) + "]") +
                             (i % 2 ? ".pk.ballistic" : ".fire_channels");
    r.parameters.push_back({path, 0, 1, false});
    const double st = 0.5 / (1 + i);
    r.sensitivity["overall"].push_back({path, 0.7 * st, 0.5 * st, 0.9 * st, st, 0.8 * st, 1.3 * st});
  }
  // N = 64: 64 (12 + 2) runs with some spread, for a look at a full fan.
  r.samples = 64;
  r.rates.clear();
  for (int i = 0; i < 64 * 14; ++i)
    r.rates.push_back({0.78 + 0.08 * std::sin(i * 1.3), 0.9 + 0.05 * std::cos(i * 0.7)});
  r.by_output["overall"] = {0.78, 0.71, 0.79, 0.855};
  r.by_output["drone"] = {0.9, 0.852, 0.905, 0.948};
  const fs::path out = tmp.path / "out";
  {
    report::OutputStage stage(out);
    report::write_uncertainty_outputs(stage, s, r);
    stage.commit();
  }
  EXPECT_EQ(png_size(out / "tornado.png"), std::make_pair(1000, 140 + 10 * 44));
  keep(out / "tornado.png", "tornado_12.png");
  keep(out / "uncertainty_fan.png", "uncertainty_fan_flat.png");
}
