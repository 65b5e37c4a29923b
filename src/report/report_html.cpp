#include "adcov/report/report_html.hpp"

#include <cpl_conv.h>
#include <cpl_string.h>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>

#include "adcov/error.hpp"
#include "adcov/report/number_text.hpp"
#include "adcov/report/output_names.hpp"
#include "adcov/report/text_file.hpp"

namespace adcov::report {

namespace fs = std::filesystem;

namespace {

std::string esc(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

// `v` with `digits` decimals, thousands grouped for people (42,844); "-"
// for a number that is not one.
std::string fixed(double v, int digits) { return grouped_text(v, digits); }

std::string pct(double v) { return fixed(100.0 * v, 1) + "&nbsp;%"; }

// A number as a person reads it: grouped when whole and large (350,000),
// else in its shortest form (0.05).
std::string plain(double v) {
  return std::isfinite(v) && v == std::round(v) && std::fabs(v) >= 1000 ? grouped_text(v) : number_text(v);
}

// Reads on a phone as on a desk (issue 15): tables scroll sideways inside
// their .scroll wrapper instead of widening the page, images shrink to the
// column, the key figures wrap into as many rows as the width needs, and a
// long word (a path, a parameter) breaks rather than pushing the page wider.
constexpr const char* kStyle = R"(
*, *::before, *::after { box-sizing: border-box; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1a1a1a;
       max-width: 1280px; margin: 2em auto; padding: 0 1.5em; overflow-wrap: break-word; }
h1 { font-size: 1.7em; margin-bottom: .2em; } h2 { margin-top: 1.8em; border-bottom: 1px solid #ccc; }
.question { background: #f4f4f0; padding: .1em 1em; } .question p { margin: .6em 0; }
.scroll { overflow-x: auto; margin: .6em 0 1.2em;
  /* A shadow at an edge with more table beyond it, so a cut-off column reads as "scroll", not as missing. */
  background: linear-gradient(to right, #fff 30%, #fff0), linear-gradient(to left, #fff 30%, #fff0) 100% 0,
              radial-gradient(farthest-side at 0 50%, #0003, #0000), radial-gradient(farthest-side at 100% 50%, #0003, #0000) 100% 0;
  background-repeat: no-repeat; background-size: 3em 100%, 3em 100%, 1em 100%, 1em 100%;
  background-attachment: local, local, scroll, scroll; }
table { border-collapse: collapse; }
th, td { padding: .25em .8em; border-bottom: 1px solid #e2e2e2; text-align: right; }
td { white-space: nowrap; }
th:first-child, td:first-child { text-align: left; }
th { background: #f0f0ec; }
figure { margin: 1em 0 2em; } figure img { max-width: 100%; height: auto; border: 1px solid #ddd; }
.headline { font-size: 1.3em; margin: .8em 0; } .headline b { font-size: 1.3em; }
.key { display: flex; gap: 1em; flex-wrap: wrap; }
.key div { background: #f4f4f0; padding: .6em 1em; flex: 1 1 12em; } .key b { font-size: 1.4em; display: block; }
.muted { color: #666; }
footer { margin-top: 3em; padding-top: .6em; border-top: 1px solid #ccc; font-size: .9em; }
code { overflow-wrap: anywhere; }
@media (max-width: 600px) {
  body { font-size: 14px; margin: 1em auto; padding: 0 .8em; }
  h1 { font-size: 1.4em; } th, td { padding: .25em .5em; }
  ul { padding-left: 1.2em; } .key { gap: .5em; } .key div { flex-basis: 9em; padding: .5em .7em; } .key b { font-size: 1.2em; }
}
)";

void rate_table(std::string& h, const std::string& first, const std::map<std::string, engage::RateStats>& m) {
  if (m.empty()) return;
  h += "<table><tr><th>" + esc(first) +
       "</th><th>launched</th><th>intercepted (mean)</th><th>rate</th><th>95&nbsp;% interval</th></tr>\n";
  for (const auto& [k, r] : m)
    h += "<tr><td>" + esc(k) + "</td><td>" + grouped_text(r.launched) + "</td><td>" +
         grouped_text(r.intercepted_mean, 2) + "</td><td>" + pct(r.interception_rate) + "</td><td>" +
         pct(r.ci95_lo) + " &ndash; " + pct(r.ci95_hi) + "</td></tr>\n";
  h += "</table>\n";
}

// The night-to-night spread: warheads through per trial, and how often any.
void night_table(std::string& h, const engage::SimulationResult& sim) {
  h += "<table><tr><th>warheads through, per night</th><th>mean</th><th>5th percentile</th><th>median</th>"
       "<th>95th percentile</th><th>nights with any</th><th>95&nbsp;% interval</th></tr>\n";
  auto row = [&](const std::string& name, const engage::RateStats& r) {
    h += "<tr><td>" + esc(name) + "</td><td>" + fixed(r.leaked_warheads_mean, 2) + "</td><td>" +
         fixed(r.leaked_warheads_p5, 1) + "</td><td>" + fixed(r.leaked_warheads_p50, 1) + "</td><td>" +
         fixed(r.leaked_warheads_p95, 1) + "</td><td>" + pct(r.p_any_leak) + "</td><td>" + pct(r.p_any_leak_ci95_lo) +
         " &ndash; " + pct(r.p_any_leak_ci95_hi) + "</td></tr>\n";
  };
  row("all threats", sim.overall);
  for (const auto& [k, r] : sim.by_class) row(k, r);
  h += "</table>\n";
}

// What electronic warfare takes out, per class: lost, and all neutralised.
void ew_table(std::string& h, const engage::SimulationResult& sim) {
  h += "<h3>Electronic warfare</h3>\n<p>Threats lost in GNSS-denial zones are neither intercepted nor "
       "leakers; neutralised = intercepted + lost.</p>\n<table><tr><th>threats</th><th>lost (mean)</th>"
       "<th>lost</th><th>neutralised</th><th>95&nbsp;% interval</th><th>warheads through (mean)</th>"
       "<th>interceptors on decoys (mean)</th></tr>\n";
  auto row = [&](const std::string& name, const engage::RateStats& r) {
    h += "<tr><td>" + esc(name) + "</td><td>" + fixed(r.lost_ew_mean, 2) + "</td><td>" + pct(r.lost_ew_rate) +
         "</td><td>" + pct(r.neutralized_rate) + "</td><td>" + pct(r.neutralized_ci95_lo) + " &ndash; " +
         pct(r.neutralized_ci95_hi) + "</td><td>" + fixed(r.leaked_warheads_mean, 2) + "</td><td>" +
         fixed(r.interceptors_on_decoys_mean, 2) + "</td></tr>\n";
  };
  row("all threats", sim.overall);
  for (const auto& [k, r] : sim.by_class) row(k, r);
  h += "</table>\n";
}

// The network's rates beside the same trials fought by autonomous batteries.
void network_table(std::string& h, const engage::SimulationResult& sim) {
  const engage::NetworkEffect& n = *sim.network;
  h += "<h3>What the sensor network adds</h3>\n<p>The same trials (same draws) fought twice: with the " +
       esc(n.mode) + " network, and with every battery on its own sensor. Mean interceptions per night: " +
       fixed(sim.overall.intercepted_mean, 1) + " with the network, " + fixed(n.autonomous_overall.intercepted_mean, 1) +
       " without.</p>\n";
  h += "<table><tr><th>threats</th><th>with the network</th><th>autonomous batteries</th></tr>\n";
  auto row = [&](const std::string& name, const engage::RateStats& with, const engage::RateStats& alone) {
    h += "<tr><td>" + esc(name) + "</td><td>" + pct(with.interception_rate) + " (" + pct(with.ci95_lo) +
         " &ndash; " + pct(with.ci95_hi) + ")</td><td>" + pct(alone.interception_rate) + " (" + pct(alone.ci95_lo) +
         " &ndash; " + pct(alone.ci95_hi) + ")</td></tr>\n";
  };
  row("all threats", sim.overall, n.autonomous_overall);
  for (const auto& [k, alone] : n.autonomous_by_class)
    if (const auto it = sim.by_class.find(k); it != sim.by_class.end()) row(k, it->second, alone);
  h += "</table>\n";
}

// Base64 text of `bytes` (GDAL's CPLBase64Encode), for a data: URI.
std::string base64(const std::string& bytes) {
  char* text = CPLBase64Encode(static_cast<int>(bytes.size()), reinterpret_cast<const GByte*>(bytes.data()));
  std::string out(text);
  CPLFree(text);
  return out;
}

void image(std::string& h, const std::function<std::optional<std::string>(const std::string&)>& read,
           const std::string& name, const std::string& caption) {
  const auto bytes = read(name);
  if (!bytes) {
    h += "<p class=muted>(" + esc(name) + " not available)</p>\n";
    return;
  }
  h += "<figure><img alt=\"" + esc(caption) + "\" src=\"data:image/png;base64," + base64(*bytes) +
       "\"><figcaption>" + esc(caption) + " (" + esc(name) + ")</figcaption></figure>\n";
}

// Parameter keys whose source is or includes "estimate" ("P3, estimate"),
// each with its plausible range where it has one, per type used by the scenario.
std::vector<std::pair<std::string, std::string>> estimates(const model::Scenario& s) {
  std::vector<std::pair<std::string, std::string>> out;
  std::set<std::string> systems, threats;
  for (const auto& b : s.batteries) systems.insert(b.system);
  for (const auto& v : s.salvos) threats.insert(v.threat);
  if (s.coverage.threat) threats.insert(*s.coverage.threat);
  auto collect = [&](const std::string& id, const auto& type) {
    std::string keys;
    for (const auto& [k, src] : type.sources) {
      if (src.find("estimate") == std::string::npos) continue;
      keys += (keys.empty() ? "" : ", ") + k;
      if (auto r = type.ranges.find(k); r != type.ranges.end() && r->second[0] < r->second[1])
        keys += " (" + plain(r->second[0]) + "-" + plain(r->second[1]) + ")";
    }
    if (!keys.empty()) out.emplace_back(id, keys);
  };
  for (const auto& id : systems)
    if (auto it = s.systems.find(id); it != s.systems.end()) collect(id, it->second);
  for (const auto& id : threats)
    if (auto it = s.threats.find(id); it != s.threats.end()) collect(id, it->second);
  return out;
}

// A target's name where a salvo names the target at this position (the
// engine's leakers_by_target lists each distinct position once); else the
// salvos aimed at it, muted, so no row is blank.
std::string target_cell(const model::Scenario& s, const geo::LonLat& at) {
  std::string salvos;
  for (const model::Salvo& v : s.salvos)
    for (const model::WeightedTarget& t : v.targets) {
      if (t.at != at) continue;
      if (!t.name.empty()) return esc(t.name);
      salvos += (salvos.empty() ? "" : ", ") + v.id;
    }
  return "<span class=muted>target of " + esc(salvos) + "</span>";
}

// Which adcov made the page, when and how: a header line and a footer, both
// of class "provenance" (the only text that differs between runs of the same
// inputs, which tests/mpi/mpi_exact.sh leaves out of its comparison).
std::string provenance_header(const ReportProvenance& p, const std::string& when) {
  return "<p class=\"muted provenance\">" + (p.version.empty() ? std::string("adcov") : "adcov " + esc(p.version)) +
         ", written " + esc(when) + "</p>\n";
}

std::string provenance_footer(const ReportProvenance& p, const std::string& when) {
  std::string f = "<footer class=\"muted provenance\">Written " + esc(when) + " by adcov" +
                  (p.version.empty() ? std::string() : " " + esc(p.version));
  if (!p.command_line.empty()) f += ", with: <code>" + esc(p.command_line) + "</code>";
  return f + "</footer>\n";
}

// Every table inside a sideways-scrolling wrapper, so a wide table scrolls
// on a phone instead of widening the whole page (done once over the page
// rather than at each of the many tables, so none is missed).
std::string wrap_tables(const std::string& h) {
  std::string out;
  out.reserve(h.size() + 4096);
  std::size_t from = 0;
  for (std::size_t at; (at = h.find("<table", from)) != std::string::npos;) {
    const std::size_t end = h.find("</table>", at);
    if (end == std::string::npos) break;
    out.append(h, from, at - from);
    out += "<div class=scroll>";
    out.append(h, at, end + 8 - at);
    out += "</div>";
    from = end + 8;
  }
  return out.append(h, from, std::string::npos);
}

// The scenario's header comment as flowing paragraphs: a fixed-width block
// (its line breaks kept) is wider than a phone and ragged on a desk. The
// scenarios write hanging-indent paragraphs ("Question: ...", continuation
// lines indented); a block of lines with no indented line is one paragraph.
// A short leading label ("Question:", "Sensors and C2:") is set in bold.
std::string question_html(const std::string& text) {
  std::vector<std::vector<std::string>> blocks(1);
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    if (line.find_first_not_of(' ') == std::string::npos) {
      if (!blocks.back().empty()) blocks.emplace_back();
    } else {
      blocks.back().push_back(line);
    }
  std::vector<std::string> paras;
  for (const auto& b : blocks) {
    const bool hanging = std::any_of(b.begin(), b.end(), [](const std::string& l) { return l[0] == ' '; });
    for (std::size_t i = 0; i < b.size(); ++i) {
      const std::string l = b[i].substr(b[i].find_first_not_of(' '));
      if (i == 0 || (hanging && b[i][0] != ' ')) paras.push_back(l);
      else paras.back() += " " + l;
    }
  }
  std::string h = "<div class=question>\n";
  for (const auto& p : paras) {
    const std::size_t colon = p.find(": ");
    const bool label = colon != std::string::npos && colon < 30 && std::count(p.begin(), p.begin() + colon, ' ') < 3;
    h += "<p>" + (label ? "<b>" + esc(p.substr(0, colon + 1)) + "</b>" + esc(p.substr(colon + 1)) : esc(p)) + "</p>\n";
  }
  return h + "</div>\n";
}

constexpr const char* kGroups[] = {"ukraine", "allied", "contractor"};

// An index with its interval: "0.42 (0.35 &ndash; 0.50)".
std::string index_text(double v, double lo, double hi) {
  return fixed(v, 2) + " <span class=muted>(" + fixed(lo, 2) + " &ndash; " + fixed(hi, 2) + ")</span>";
}

// The Uncertainty section: what the rates become over the parameters'
// ranges and which parameters that spread comes from.
void uncertainty_section(std::string& h, const UncertaintyResult& u,
                         const std::function<std::optional<std::string>(const std::string&)>& read) {
  const std::size_t k = u.parameters.size();
  h += "<h2>Uncertainty</h2>\n<p>The uncertain parameters (" + std::to_string(k) +
       ") are drawn uniformly in their ranges (the library's range of each estimate, or the "
       "scenario's) in a Saltelli design of N&nbsp;=&nbsp;" + std::to_string(u.samples) +
       " base samples: " + grouped_text(u.rates.size()) + " model runs of " + grouped_text(u.trials) +
       " Monte Carlo trials each, every run with the same trial seed (" + std::to_string(u.seed) +
       ", common random numbers). The spread is taken over the " + grouped_text(2 * u.samples) +
       " independent draws (matrices A and B) and includes each run's own Monte Carlo noise of " +
       grouped_text(u.trials) + " trials. S1 is the share of a rate's variance one parameter explains alone; "
       "ST also counts its interactions with the others (ST &minus; S1 is what it explains only together with "
       "them). Intervals are bootstrap 95&nbsp;% intervals; with few runs the indices are noisy and S1 may come "
       "out slightly below zero.</p>\n";
  h += "<table><tr><th>threats</th><th>mean</th><th>p5</th><th>median</th><th>p95</th></tr>\n";
  for (const auto& name : u.outputs)
    if (const auto it = u.by_output.find(name); it != u.by_output.end())
      h += "<tr><td>" + esc(name == "overall" ? "all threats" : name) + "</td><td>" + pct(it->second.mean) +
           "</td><td>" + pct(it->second.p5) + "</td><td>" + pct(it->second.p50) + "</td><td>" + pct(it->second.p95) +
           "</td></tr>\n";
  h += "</table>\n";
  image(h, read, kUncertaintyFanPng, "Interception rate over the parameters' ranges");
  image(h, read, kTornadoPng, "Sobol' indices of the overall interception rate");
  const auto sens = u.sensitivity.find("overall");
  if (sens == u.sensitivity.end() || sens->second.empty()) return;
  h += "<p>The parameters that move the overall rate most (by ST; every output in sensitivity.csv):</p>\n"
       "<table><tr><th>parameter</th><th>range</th><th>S1 (95&nbsp;% interval)</th>"
       "<th>ST (95&nbsp;% interval)</th></tr>\n";
  for (std::size_t i = 0; i < sens->second.size() && i < 10; ++i) {
    const SensitivityIndex& x = sens->second[i];
    std::string range = "-";
    for (const auto& p : u.parameters)
      if (p.set == x.parameter) range = plain(p.lo) + " &ndash; " + plain(p.hi);
    h += "<tr><td><code>" + esc(x.parameter) + "</code></td><td>" + range + "</td><td>" +
         index_text(x.s1, x.s1_lo, x.s1_hi) + "</td><td>" + index_text(x.st, x.st_lo, x.st_hi) + "</td></tr>\n";
  }
  h += "</table>\n";
}

}  // namespace

std::string scenario_header_comment(const fs::path& scenario_file) {
  std::ifstream in(scenario_file);
  std::string line, out;
  while (std::getline(in, line)) {
    const auto first = line.find_first_not_of(" \t\r");
    if (first == std::string::npos) {
      if (!out.empty()) out += "\n";
      continue;
    }
    if (line[first] != '#') break;
    std::string text = line.substr(first + 1);
    if (!text.empty() && text[0] == ' ') text.erase(0, 1);
    while (!text.empty() && (text.back() == '\r' || text.back() == ' ')) text.pop_back();
    out += text + "\n";
  }
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

std::string report_html(const model::Scenario& s, const coverage::CoverageResult* cov,
                        const engage::SimulationResult* sim,
                        const std::function<std::optional<std::string>(const std::string&)>& read_output,
                        const UncertaintyResult* unc, const ReportProvenance& provenance) {
  const std::string when = provenance.written_utc.empty() ? utc_now_iso8601() : provenance.written_utc;
  std::string h = "<!DOCTYPE html>\n<html lang=en><head><meta charset=utf-8>\n"
                  "<meta name=viewport content=\"width=device-width, initial-scale=1\">\n<title>adcov: " +
                  esc(s.name) + "</title>\n<style>" + kStyle + "</style></head><body>\n";
  std::size_t sensors = 0;
  for (const model::Battery& b : s.batteries)
    if (const auto it = s.systems.find(b.system); it != s.systems.end() && it->second.role == model::Role::sensor)
      ++sensors;
  h += "<h1>" + esc(s.name) + "</h1>\n<p class=muted>adcov report: air-defense coverage and engagement. " +
       std::to_string(s.batteries.size() - sensors) + " batteries, " +
       (sensors > 0 ? std::to_string(sensors) + " sensors, " : std::string()) + std::to_string(s.salvos.size()) +
       " salvos.</p>\n" + provenance_header(provenance, when);
  // Headline numbers first: what a reader wants before the detail. Decoys
  // carry no warhead: counted apart so "of M" is what could do harm.
  if (sim) {
    const engage::RateStats& o = sim->overall;
    h += "<p class=headline><b>" + fixed(o.leaked_warheads_mean, 1) + " of " + grouped_text(o.warheads_launched) +
         "</b> warheads get through on a mean night";
    if (o.launched > o.warheads_launched)
      h += "<span class=muted>, with " + grouped_text(o.launched - o.warheads_launched) +
           " decoys apart (no warhead; they draw interceptors)</span>";
    h += ".</p>\n";
  }
  h += "<div class=key>\n";
  if (cov)
    for (const auto& a : cov->altitudes)
      h += "<div>covered at " + esc(altitude_text(a.altitude_m)) + " m<b>" + pct(a.region.covered_fraction) +
           "</b>" + fixed(a.region.covered_km2, 0) + " of " + fixed(a.region.region_km2, 0) +
           " km&sup2;</div>\n";
  if (sim) {
    const engage::RateStats& o = sim->overall;
    h += "<div>night with any warhead through<b>" + pct(o.p_any_leak) + "</b>of " + grouped_text(sim->trials) +
         " nights</div>\n";
    h += "<div>intercepted<b>" + pct(o.interception_rate) + "</b>95&nbsp;% interval " + pct(o.ci95_lo) +
         " &ndash; " + pct(o.ci95_hi) + "</div>\n";
    if (o.lost_ew_mean > 0)
      h += "<div>lost to electronic warfare<b>" + pct(o.lost_ew_rate) + "</b>neutralised in all " +
           pct(o.neutralized_rate) + "</div>\n";
  }
  if (unc)
    if (const auto it = unc->by_output.find("overall"); it != unc->by_output.end())
      h += "<div>overall interception rate over the parameters' ranges<b>" + pct(it->second.mean) +
           "</b>mean; p5&ndash;p95 " + pct(it->second.p5) + " &ndash; " + pct(it->second.p95) + ", " +
           grouped_text(2 * unc->samples) + " runs</div>\n";
  h += "</div>\n";
  // The answer before the question: on a phone the question is a screen or
  // two long, and the headline is what the reader opened the page for.
  const std::string question = scenario_header_comment(s.file);
  if (!question.empty()) h += "<h2>The question</h2>\n" + question_html(question);

  if (cov) {
    h += "<h2>Coverage</h2>\n<p>Number of batteries able to engage a target at each height above the ground "
         "(terrain masking, earth curvature and refraction included).</p>\n";
    const bool detection = !cov->altitudes.empty() && cov->altitudes.front().region.detected_km2.has_value();
    h += "<table><tr><th>altitude</th><th>region km&sup2;</th><th>covered km&sup2;</th><th>covered</th>";
    if (detection) h += "<th>detected km&sup2;</th>";
    const bool protect = !cov->altitudes.empty() && cov->altitudes.front().protect.has_value();
    if (protect) h += "<th>covered in protect zones</th>";
    h += "</tr>\n";
    for (const auto& a : cov->altitudes) {
      h += "<tr><td>" + esc(altitude_text(a.altitude_m)) + " m</td><td>" + fixed(a.region.region_km2, 0) +
           "</td><td>" + fixed(a.region.covered_km2, 0) + "</td><td>" + pct(a.region.covered_fraction) + "</td>";
      if (detection) h += "<td>" + fixed(a.region.detected_km2.value_or(0.0), 0) + "</td>";
      if (protect) h += "<td>" + (a.protect ? pct(a.protect->covered_fraction) : std::string("-")) + "</td>";
      h += "</tr>\n";
    }
    h += "</table>\n";
    for (const auto& a : cov->altitudes)
      image(h, read_output, coverage_png_name(a.altitude_m),
            "Coverage at " + altitude_text(a.altitude_m) + " m above ground");
    if (detection) {
      h += "<h2>Detection</h2>\n<p>Number of sensors (sensor units and battery radars) that detect the reference "
           "target at each height above the ground (sector, line of sight, elevation floor and range).</p>\n";
      for (const auto& a : cov->altitudes)
        image(h, read_output, detection_png_name(a.altitude_m),
              "Detection at " + altitude_text(a.altitude_m) + " m above ground");
    }
    if (!cov->floor_m.empty()) {
      h += "<h2>Coverage floor</h2>\n<p>The lowest height above the ground at which a threat over each point "
           "can still be engaged. Low is good; grey was never covered.</p>\n";
      image(h, read_output, kFloorPng, "Coverage floor");
    }
  }

  if (sim) {
    h += "<h2>Interceptions</h2>\n<p>" + grouped_text(sim->trials) + " Monte Carlo trials, seed " +
         std::to_string(sim->seed) + ". Means per trial (one trial is one night of the raid). The 95&nbsp;% "
         "interval is that of the mean rate over this many trials, with the trial as the unit: it shrinks "
         "with more trials and covers Monte Carlo noise only, not what we do not know about the parameters "
         "(Pk, reaction times, ranges are mostly estimates: <code>adcov uncertainty</code> spreads them) "
         "nor the night-to-night spread, shown below as warheads through per night.</p>\n";
    rate_table(h, "overall", {{"all threats", sim->overall}});
    rate_table(h, "threat class", sim->by_class);
    night_table(h, *sim);
    if (sim->overall.lost_ew_mean > 0) ew_table(h, *sim);
    if (sim->network) network_table(h, *sim);
    rate_table(h, "threat type", sim->by_threat);
    rate_table(h, "salvo", sim->by_salvo);
    if (!sim->leakers_by_target.empty()) {
      h += "<table><tr><th>target</th><th>(lon, lat)</th><th>leakers per trial</th></tr>\n";
      for (const auto& l : sim->leakers_by_target)
        h += "<tr><td>" + target_cell(s, l.at) + "</td><td>" + fixed(l.at.lon_deg, 4) + ", " +
             fixed(l.at.lat_deg, 4) + "</td><td>" + fixed(l.mean, 2) + "</td></tr>\n";
      h += "</table>\n";
    }
    h += "<table><tr><th>interceptors fired</th><th>mean per trial</th></tr>\n";
    for (const auto& [k, v] : sim->interceptors_fired)
      h += "<tr><td>" + esc(k) + "</td><td>" + fixed(v, 2) + "</td></tr>\n";
    h += "</table>\n";
    if (!sim->by_battery.empty()) {
      h += "<table><tr><th>battery</th><th>interceptors fired</th><th>kills</th><th>nights it ran dry</th>"
           "<th>when (median, into the raid)</th></tr>\n";
      for (const auto& [id, u] : sim->by_battery)
        h += "<tr><td>" + esc(id) + "</td><td>" + fixed(u.fired_mean, 2) + "</td><td>" + fixed(u.kills_mean, 2) +
             "</td><td>" + fixed(100.0 * u.ran_dry_fraction, 1) + "&nbsp;%</td><td>" +
             (u.ran_dry_median_s ? fixed(*u.ran_dry_median_s / 60.0, 0) + "&nbsp;min" : std::string("&ndash;")) +
             "</td></tr>\n";
      h += "</table>\n";
    }
    h += "<p>Cost per night (mean): interceptors fired " + money_text(sim->cost_interceptors_mean_usd) +
         ", threats destroyed " + money_text(sim->cost_threats_destroyed_mean_usd) + ".</p>\n";
  }

  if ((cov && !cov->altitudes.empty()) || (sim && !sim->by_operator.empty())) {
    h += "<h2>What each operator group adds</h2>\n<p>Marginal: what is lost if that group's batteries are "
         "removed (paired runs, same random draws).</p>\n<table><tr><th>group</th>";
    if (cov)
      for (const auto& a : cov->altitudes) h += "<th>marginal km&sup2; at " + esc(altitude_text(a.altitude_m)) + " m</th>";
    if (sim) h += "<th>interceptions</th><th>marginal interceptions</th><th>rate without</th>";
    h += "</tr>\n";
    for (const char* g : kGroups) {
      std::string row = "<tr><td>" + std::string(g) + "</td>";
      bool any = false;
      if (cov)
        for (const auto& a : cov->altitudes) {
          const auto it = a.region.marginal_by_operator_km2.find(g);
          any = any || it != a.region.marginal_by_operator_km2.end();
          row += "<td>" + (it == a.region.marginal_by_operator_km2.end() ? std::string("-") : fixed(it->second, 0)) + "</td>";
        }
      if (sim) {
        const auto it = sim->by_operator.find(g);
        any = any || it != sim->by_operator.end();
        if (it == sim->by_operator.end()) row += "<td>-</td><td>-</td><td>-</td>";
        else
          row += "<td>" + fixed(it->second.interceptions_mean, 2) + "</td><td>" +
                 fixed(it->second.marginal_interceptions, 2) + "</td><td>" + pct(it->second.rate_without) + "</td>";
      }
      if (any) h += row + "</tr>\n";
    }
    h += "</table>\n";
  }

  if (unc) uncertainty_section(h, *unc, read_output);

  h += "<h2>Assumptions that matter</h2>\n<ul>\n";
  if (cov) {
    h += "<li>Terrain: " + esc(cov->terrain_description.empty() ? "(not described)" : cov->terrain_description) +
         "; analysis grid " + fixed(cov->grid.cell_m, 0) + " m (spherical LAEA, equal-area)";
    if (cov->voids_filled > 0) h += "; " + grouped_text(cov->voids_filled) + " void cells filled from neighbours";
    h += ".</li>\n";
  }
  h += "<li>Refraction: effective earth radius factor k = " + number_text(s.k_factor) + ".</li>\n";
  h += "<li>Reference target for the maps: " +
       esc(s.coverage.threat ? *s.coverage.threat : std::string("each radar's reference RCS, engageable by every system")) +
       ".</li>\n";
  const auto est = estimates(s);
  if (!est.empty()) {
    h += "<li>Parameters that are estimates, not published figures:<ul>\n";
    for (const auto& [id, keys] : est) h += "<li><b>" + esc(id) + "</b>: " + esc(keys) + "</li>\n";
    h += "</ul></li>\n";
  }
  h += "</ul>\n<table><tr><th>battery</th><th>system</th><th>operator</th><th>position (lon, lat)</th></tr>\n";
  for (const auto& b : s.batteries)
    h += "<tr><td>" + esc(b.id) + "</td><td>" + esc(b.system) + "</td><td>" + esc(b.op.str()) + "</td><td>" +
         fixed(b.position.lon_deg, 4) + ", " + fixed(b.position.lat_deg, 4) + "</td></tr>\n";
  h += "</table>\n" + provenance_footer(provenance, when) + "</body></html>\n";
  return wrap_tables(h);
}

void write_report_html(OutputStage& stage, const model::Scenario& s, const coverage::CoverageResult* cov,
                       const engage::SimulationResult* sim, const UncertaintyResult* unc,
                       const ReportProvenance& provenance) {
  auto read = [&stage](const std::string& name) -> std::optional<std::string> {
    std::error_code ec;
    if (auto staged = stage.staged(name); staged && fs::exists(*staged, ec)) return read_text_file(*staged);
    if (fs::exists(stage.final_path(name), ec)) return read_text_file(stage.final_path(name));
    return std::nullopt;
  };
  const std::string text = report_html(s, cov, sim, read, unc, provenance);
  write_text_file(stage.path(kReportHtml), text);
}

}  // namespace adcov::report
