#include "model/diagnostics.hpp"

#include <algorithm>
#include <cctype>

#include "adcov/error.hpp"

namespace adcov::model::detail {

int edit_distance(std::string_view a, std::string_view b) {
  const auto lower = [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); };
  const std::size_t n = a.size(), m = b.size();
  // Three rows suffice for the transposition term (d[i-2][j-2]).
  std::vector<int> prev2(m + 1), prev(m + 1), cur(m + 1);
  for (std::size_t j = 0; j <= m; ++j) prev[j] = static_cast<int>(j);
  for (std::size_t i = 1; i <= n; ++i) {
    cur[0] = static_cast<int>(i);
    for (std::size_t j = 1; j <= m; ++j) {
      const int cost = lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) && lower(a[i - 2]) == lower(b[j - 1]))
        cur[j] = std::min(cur[j], prev2[j - 2] + 1);
    }
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  return prev[m];
}

std::string did_you_mean(std::string_view word, std::span<const std::string> candidates) {
  int best = -1;
  std::vector<const std::string*> ties;
  for (const auto& c : candidates) {
    const int d = edit_distance(word, c);
    const int limit = std::max<int>(2, static_cast<int>(std::max(word.size(), c.size())) / 3);
    if (d > limit || d == 0) continue;
    if (best < 0 || d < best) {
      best = d;
      ties.clear();
    }
    if (d == best && std::none_of(ties.begin(), ties.end(), [&](const std::string* t) { return *t == c; }))
      ties.push_back(&c);
  }
  // No typo close enough: a word that begins a name ("patriot" of patriot_pac2, patriot_pac3) is a short form of
  // it. Three letters at least, so "a" does not offer half the list.
  constexpr std::size_t kMinPrefix = 3;
  if (ties.empty() && word.size() >= kMinPrefix)
    for (const auto& c : candidates)
      if (c.size() > word.size() && edit_distance(word, std::string_view(c).substr(0, word.size())) == 0 &&
          std::none_of(ties.begin(), ties.end(), [&](const std::string* t) { return *t == c; }))
        ties.push_back(&c);
  if (ties.empty()) return {};
  // Equally close names are all offered (patriot_pac9 -> pac2 or pac3): picking
  // one by list order would guess for the user.
  constexpr std::size_t kMaxShown = 3;
  std::string s = " (did you mean '" + *ties[0] + "'";
  for (std::size_t i = 1; i < ties.size() && i < kMaxShown; ++i)
    s += (i + 1 == std::min(ties.size(), kMaxShown) ? " or '" : ", '") + *ties[i] + "'";
  return s + "?)";
}

void Diagnostics::error(const YAML::Mark& at, std::string_view item, std::string_view message) {
  // yaml-cpp marks are 0-based; a null mark (-1) means "unknown position".
  const int line = at.line >= 0 ? at.line + 1 : 0;
  const int col = at.column >= 0 ? at.column + 1 : 0;
  // Built with append() only: GCC 12 warns falsely (-Wrestrict) on operator+ chains here.
  std::string text = file_;
  if (line > 0) {
    text.append(":").append(std::to_string(line));
    text.append(":").append(std::to_string(col));
  }
  text.append(": ");
  if (!item.empty()) text.append(item).append(": ");
  text.append(message);
  entries_.push_back({line, col, std::move(text)});
}

void Diagnostics::file_error(std::string_view message) {
  entries_.push_back({0, 0, file_ + ": " + std::string(message)});
}

std::vector<std::string> Diagnostics::messages() const {
  std::vector<Entry> sorted = entries_;
  std::stable_sort(sorted.begin(), sorted.end(), [](const Entry& x, const Entry& y) {
    return x.line != y.line ? x.line < y.line : x.column < y.column;
  });
  std::vector<std::string> out;
  for (auto& e : sorted)
    if (std::find(out.begin(), out.end(), e.text) == out.end()) out.push_back(std::move(e.text));
  return out;
}

void Diagnostics::throw_if_any() const {
  if (!entries_.empty()) throw InputError(messages());
}

}  // namespace adcov::model::detail
