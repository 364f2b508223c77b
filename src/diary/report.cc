#include "diary/report.h"

#include <cmath>
#include <cstdlib>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "diary/analysis.h"

namespace twitchcheck {
namespace {

using ojson = nlohmann::ordered_json;

double Round(double v, int decimals) {
  double f = std::pow(10.0, decimals);
  return std::round(v * f) / f;
}

// p and q keep three significant digits, however small.
double Sig3(double v) {
  if (v <= 0) return 0;
  double mag = std::floor(std::log10(v));
  double f = std::pow(10.0, 2 - mag);
  return std::round(v * f) / f;
}

const char* LagWords(int lag) { return lag == 0 ? "same day" : lag == 1 ? "the day before" : "two days before"; }

}  // namespace

std::string ChartJsPath() {
  const char* env = std::getenv("TWITCHCHECK_CHARTJS");
  return env && *env ? env : "/usr/share/javascript/chart.js/chart.min.js";
}

std::string Sparkline(const std::vector<int>& values) {
  static const char* kBars[] = {"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
  int top = 0;
  for (int v : values) top = std::max(top, v);
  std::string s;
  for (int v : values) s += v == 0 ? " " : kBars[top <= 1 ? 7 : (v * 7 + top - 1) / top];
  return s;
}

std::string ReportJson(const DiaryReport& r, const std::string& knowledge_version) {
  ojson j;
  j["from"] = r.first;
  j["to"] = r.last;
  j["days_logged"] = r.days_logged;
  j["span_days"] = r.span_days;
  j["episodes"] = r.episodes;
  j["episode_days"] = r.episode_days;
  j["median_duration_s"] = r.median_duration_s ? ojson(Round(*r.median_duration_s, 1)) : ojson(nullptr);
  j["mean_intensity"] = r.mean_intensity ? ojson(Round(*r.mean_intensity, 2)) : ojson(nullptr);
  ojson assoc = ojson::array();
  for (const Association& a : r.associations) {
    ojson x;
    x["factor"] = a.factor;
    x["label"] = a.label;
    x["lag"] = a.lag;
    x["exposed_days"] = a.exposed_days;
    x["unexposed_days"] = a.unexposed_days;
    if (a.tested) {
      x["effect"] = {{"rate_ratio", Round(a.rate_ratio, 3)}, {"ci95", {Round(a.lo, 3), Round(a.hi, 3)}}};
      x["p"] = Sig3(a.p);
      x["q"] = Sig3(a.q);
    } else {
      x["effect"] = nullptr;
      x["p"] = nullptr;
      x["q"] = nullptr;
    }
    x["verdict"] = a.verdict;
    if (a.needed) x["needed"] = *a.needed;
    if (!a.reason.empty()) x["reason"] = a.reason;
    assoc.push_back(std::move(x));
  }
  j["associations"] = std::move(assoc);
  ojson weeks = ojson::array();
  for (const WeekCount& w : r.trend.per_week) weeks.push_back({{"week", w.week}, {"episodes", w.episodes}, {"days", w.days}});
  ojson trend;
  trend["per_week"] = std::move(weeks);
  if (r.trend.estimated) {
    trend["rate_ratio_per_month"] = Round(r.trend.rate_ratio_per_month, 3);
    trend["ci95"] = {Round(r.trend.lo, 3), Round(r.trend.hi, 3)};
    trend["p"] = Sig3(r.trend.p);
  } else {
    trend["rate_ratio_per_month"] = nullptr;
    trend["ci95"] = nullptr;
  }
  j["trend"] = std::move(trend);
  ojson sites = ojson::array();
  for (const SiteSummary& s : r.sites)
    sites.push_back({{"site", s.site}, {"name", s.name}, {"region", s.region}, {"first", s.first}, {"last", s.last},
                     {"episodes", s.episodes}, {"new", s.new_region}});
  j["sites"] = std::move(sites);
  ojson flags = ojson::array();
  for (const DiaryFlag& f : r.flags) flags.push_back({{"id", f.id}, {"text", f.text}});
  j["flags"] = std::move(flags);
  ojson tried = ojson::array();
  for (const auto& [name, days] : r.tried) tried.push_back({{"name", name}, {"days", days}});
  j["tried"] = std::move(tried);
  j["wording"] = "Associations are what the diary shows together; they do not show that a factor causes the twitching.";
  j["knowledge_version"] = knowledge_version;
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string ReportText(const DiaryReport& r) {
  std::string s;
  if (r.span_days == 0) return "The diary has no entries in this period.\n";
  s += fmt::format("Diary {} to {}: {} days, {} with a day entry; {} episode(s) on {} day(s).\n", r.first, r.last,
                   r.span_days, r.days_logged, r.episodes, r.episode_days);
  if (r.median_duration_s || r.mean_intensity) {
    s += " ";
    if (r.median_duration_s) s += fmt::format(" median duration {:.0f} s;", *r.median_duration_s);
    if (r.mean_intensity) s += fmt::format(" mean intensity {:.1f}/10", *r.mean_intensity);
    s += "\n";
  }
  size_t n = r.daily_episodes.size(), k = std::min<size_t>(n, 56);
  std::vector<int> last(r.daily_episodes.end() - static_cast<long>(k), r.daily_episodes.end());
  s += fmt::format("\nEpisodes per day, last {} days (to {}):\n  |{}|\n", k, r.last, Sparkline(last));
  std::vector<int> weeks;
  for (const WeekCount& w : r.trend.per_week) weeks.push_back(w.episodes);
  if (weeks.size() > 26) weeks.erase(weeks.begin(), weeks.end() - 26);
  s += fmt::format("Episodes per week, last {} weeks:\n  |{}|\n", weeks.size(), Sparkline(weeks));
  if (r.trend.estimated)
    s += fmt::format("Trend: x{:.2f} per month (95% CI {:.2f}-{:.2f})\n", r.trend.rate_ratio_per_month, r.trend.lo,
                     r.trend.hi);
  else
    s += "Trend: needs at least 4 weeks and 5 episodes\n";
  s += "\nWhat the diary shows together with more (or fewer) episodes -- associations, not proof of a cause;\n"
       "q is the p-value corrected for testing every factor and lag (Benjamini-Hochberg):\n";
  int open = 0;
  for (const Association& a : r.associations) {
    if (!a.tested) {
      ++open;
      continue;
    }
    std::string verdict = a.verdict == "associated"   ? "ASSOCIATED with more episodes"
                          : a.verdict == "protective" ? "associated with FEWER episodes"
                                                      : "no clear evidence";
    s += fmt::format("  {:<28} {:<15} x{:<5.2f} ({:.2f}-{:.2f})  q {:<6.3g} {}", a.label, LagWords(a.lag), a.rate_ratio,
                     a.lo, a.hi, a.q, verdict);
    if (a.needed) s += fmt::format(" (~{} more days to settle)", *a.needed);
    s += "\n";
  }
  if (open) {
    s += fmt::format("  not enough data yet for {} factor-lag pair(s):", open);
    std::string last_factor;
    for (const Association& a : r.associations)
      if (!a.tested && a.factor != last_factor) {
        last_factor = a.factor;
        s += " " + a.factor + (a.needed ? fmt::format(" (~{} days)", *a.needed) : "") + ";";
      }
    s.back() = '\n';
  }
  if (!r.sites.empty()) {
    s += "\nWhere:";
    for (const SiteSummary& x : r.sites)
      s += fmt::format(" {} {}x (from {}){};", x.name, x.episodes, x.first, x.new_region ? " NEW" : "");
    s.back() = '\n';
  }
  if (!r.tried.empty()) {
    s += "Tried:";
    for (const auto& [name, days] : r.tried) s += fmt::format(" {} ({} days);", name, days);
    s.back() = '\n';
  }
  if (!r.flags.empty()) {
    s += "\nFor your doctor:\n";
    for (const DiaryFlag& f : r.flags) s += "  ! " + f.text + "\n";
    s += "  Twitching that lasts over two weeks, spreads, or comes with weakness should be seen by a doctor.\n";
  }
  return s;
}

}  // namespace twitchcheck
