// report.html in a real browser (issue 15): Debian's headless Chromium loads a
// report made from a small scenario, at a desk's width (1400 px) and a
// phone's (390 px), and the page itself says whether it rendered well.
//
// How: the test copies report.html with a small probe script put first in
// its <head>, so it sees everything from the start of parsing. The probe
// records window 'error' events in the capture phase (script errors and
// resources that fail to load, such as an image whose data: URI does not
// decode) and every console.error call; on 'load' it checks that each <img>
// is complete with a natural width above 0 and a data:image/png src, and
// lists the elements whose right edge passes the viewport outside a .scroll
// table wrapper (the wrappers scroll sideways by design), beside the
// document's scrollWidth. It writes that as "key=value" lines.
//
// Chromium's window cannot be narrower than 500 px (new headless mode), so
// the copy is loaded in an <iframe> of exactly the width under test: the
// iframe is the page's viewport, as a phone's screen is (the assertion on
// inner_width catches a browser that does not honour it). The probe posts
// its lines to the outer page, which writes them into its DOM, and
// `--dump-dom` prints that DOM once the page has loaded (virtual time lets
// the load handlers run first). Reading the probe's answer from the DOM
// rather than Chromium's log keeps the test independent of log formats.
// A deliberately broken page checks the probe itself finds what it should.
// Without chromium installed the test is skipped (scripts/install-deps.sh
// installs it for CI).

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "support/support.hpp"

namespace fs = std::filesystem;
using adcov::test::run_adcov;
using adcov::test::TempDir;

namespace {

constexpr const char* kProbe = R"(<script>
(function () {
  var errors = [];
  window.addEventListener('error', function (e) {
    errors.push(e.message || (e.target && e.target.tagName ? e.target.tagName + ' failed to load' : 'error'));
  }, true);
  var consoleError = console.error;
  console.error = function () {
    errors.push('console.error: ' + Array.prototype.join.call(arguments, ' '));
    consoleError.apply(console, arguments);
  };
  window.addEventListener('load', function () {
    var imgs = document.images, broken = [];
    for (var i = 0; i < imgs.length; ++i) {
      var im = imgs[i];
      if (!(im.complete && im.naturalWidth > 0 && im.src.indexOf('data:image/png;base64,') === 0))
        broken.push(im.alt || ('img ' + i));
    }
    var vw = window.innerWidth, over = [], all = document.body.getElementsByTagName('*');
    for (var j = 0; j < all.length; ++j)
      if (!all[j].closest('.scroll') && all[j].getBoundingClientRect().right > vw + 0.5)
        over.push(all[j].tagName + (all[j].className ? '.' + all[j].className : ''));
    var text = 'images=' + imgs.length + '\nbroken=' + broken.join(' | ') + '\nerrors=' + errors.join(' | ') +
               '\ninner_width=' + vw + '\nscroll_width=' + document.documentElement.scrollWidth +
               '\noverflowing=' + over.slice(0, 10).join(' | ') + '\n';
    window.parent.postMessage(text, '*');
  });
})();
</script>)";

// The outer page: one iframe of the width under test; writes the probe's answer into its own DOM.
std::string frame_page(const std::string& src, int width) {
  return "<!DOCTYPE html><html><body style=\"margin:0\"><iframe src=\"" + src + "\" style=\"width:" +
         std::to_string(width) +
         "px;height:900px;border:0\"></iframe><script>window.addEventListener('message', function (e) {"
         "var p = document.createElement('pre'); p.id = 'adcov-check'; p.textContent = e.data;"
         "document.body.appendChild(p); });</script></body></html>";
}

std::string slurp(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

// stdout of a shell command.
std::string output_of(const std::string& cmd) {
  std::string out;
  if (FILE* f = popen(cmd.c_str(), "r")) {
    char buf[4096];
    for (std::size_t n; (n = fread(buf, 1, sizeof buf, f)) > 0;) out.append(buf, n);
    pclose(f);
  }
  return out;
}

std::string chromium_path() {
  std::string p = output_of("command -v chromium 2>/dev/null");
  while (!p.empty() && (p.back() == '\n' || p.back() == ' ')) p.pop_back();
  return p;
}

// Loads `page` (a copy of a page with the probe in it) at `width` px and returns the probe's key=value lines
// (empty when it did not answer, with "chromium_output" holding what Chromium printed).
std::map<std::string, std::string> probe(const std::string& chromium, const TempDir& tmp, const fs::path& page,
                                         int width) {
  const std::string frame = "frame-" + std::to_string(width) + ".html";
  tmp.write(frame, frame_page(page.filename().string(), width));
  // Own profile folder: parallel tests (ctest -j) must not share Chromium's profile lock.
  const std::string cmd = "timeout 120 '" + chromium + "' --headless --no-sandbox --disable-gpu --no-first-run " +
                          "--user-data-dir='" + (tmp.path / ("profile-" + std::to_string(width))).string() +
                          "' --window-size=1500,1000 --virtual-time-budget=10000 --dump-dom 'file://" +
                          (tmp.path / frame).string() + "' 2>/dev/null";
  const std::string dom = output_of(cmd);
  std::map<std::string, std::string> kv;
  const auto at = dom.find("<pre id=\"adcov-check\">");
  if (at == std::string::npos) {
    kv["chromium_output"] = dom.substr(0, 2000);
    return kv;
  }
  std::istringstream in(dom.substr(at + 22, dom.find("</pre>", at) - at - 22));
  for (std::string line; std::getline(in, line);)
    if (const auto eq = line.find('='); eq != std::string::npos) kv[line.substr(0, eq)] = line.substr(eq + 1);
  return kv;
}

// `html` with the probe first in its <head> (or first in the page when it has none).
std::string with_probe(const std::string& html) {
  std::string out = html;
  const auto head = out.find("<head>");
  out.insert(head == std::string::npos ? 0 : head + 6, kProbe);
  return out;
}

}  // namespace

TEST(Browser, ReportRendersAtDeskAndPhoneWidths) {
  const std::string chromium = chromium_path();
  if (chromium.empty()) GTEST_SKIP() << "chromium not installed (scripts/install-deps.sh installs it): browser check skipped";
  TempDir tmp;
  // Small and quick: flat ground, two batteries, one named target, two map heights and the floor.
  const auto scenario = tmp.write("s.yaml", R"(# browser-check: a small raid for the browser test.
name: browser-check
seed: 9
terrain: { flat: 120 }
region: { bbox: [30.2, 50.2, 30.9, 50.7] }
resolution_m: 1000
batteries:
  - { id: b-nasams, system: nasams, operator: ukraine, position: [30.50, 50.45] }
  - { id: b-gepard, system: gepard, operator: allied:DE, position: [30.60, 50.42] }
salvos:
  - id: wave
    threat: shahed136
    count: 10
    launch: [31.6, 50.9]
    targets: [{ at: [30.52, 50.45], weight: 1, name: "city centre" }]
    interval_s: 30
coverage: { altitudes_m: [100, 1000], floor: true, threat: shahed136 }
simulation: { trials: 20 }
)");
  const auto r = run_adcov("run '" + scenario.string() + "' -o '" + (tmp.path / "out").string() + "' -q");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string html = slurp(tmp.path / "out" / "report.html");
  ASSERT_NE(html.find("<td>city centre</td>"), std::string::npos);
  tmp.write("check.html", with_probe(html));

  for (int width : {1400, 390}) {
    SCOPED_TRACE("width " + std::to_string(width));
    auto kv = probe(chromium, tmp, tmp.path / "check.html", width);
    ASSERT_TRUE(kv.count("images")) << "no answer from the page; chromium printed:\n" << kv["chromium_output"];
    EXPECT_EQ(kv["images"], "3");  // coverage at 100 m and 1,000 m, the floor
    EXPECT_EQ(kv["broken"], "");
    EXPECT_EQ(kv["errors"], "");
    ASSERT_EQ(kv["inner_width"], std::to_string(width));  // the iframe is the viewport
    EXPECT_LE(std::stoi(kv["scroll_width"]), width) << "the page is wider than the screen";
    EXPECT_EQ(kv["overflowing"], "") << "elements past the right edge outside a table wrapper";
  }
}

// The probe is no use if it cannot fail: a page with an image that does not
// decode, a script error, a console.error and a block wider than a phone.
TEST(Browser, ProbeFindsBrokenImagesErrorsAndOverflow) {
  const std::string chromium = chromium_path();
  if (chromium.empty()) GTEST_SKIP() << "chromium not installed (scripts/install-deps.sh installs it): browser check skipped";
  TempDir tmp;
  tmp.write("bad.html", with_probe("<!DOCTYPE html><html><head></head><body>"
                                   "<img alt=undecodable src=\"data:image/png;base64,AAAA\">"
                                   "<div style=\"width:900px\">wide</div><div class=scroll><div style=\"width:900px\">"
                                   "scrolls</div></div><script>console.error('boom'); missing();</script>"
                                   "</body></html>"));
  auto kv = probe(chromium, tmp, tmp.path / "bad.html", 390);
  ASSERT_TRUE(kv.count("images")) << "no answer from the page; chromium printed:\n" << kv["chromium_output"];
  EXPECT_EQ(kv["broken"], "undecodable");
  EXPECT_NE(kv["errors"].find("console.error: boom"), std::string::npos) << kv["errors"];
  EXPECT_NE(kv["errors"].find("missing is not defined"), std::string::npos) << kv["errors"];
  EXPECT_NE(kv["errors"].find("IMG failed to load"), std::string::npos) << kv["errors"];
  EXPECT_GT(std::stoi(kv["scroll_width"]), 390);
  EXPECT_EQ(kv["overflowing"], "DIV");  // the wide block, not the one inside .scroll
}
