#include "diary/analysis.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>
#include <map>
#include <set>

#include <boost/math/distributions/students_t.hpp>
#include <fmt/format.h>

#include "diary/diary_kb.h"
#include "diary/poisson.h"
#include "diary/time_util.h"

namespace twitchcheck {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

int64_t Day(const std::string& date) {
  int64_t d = 0;
  std::string err;
  ParseDate(date, &d, &err);
  return d;
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// "weak", "weakness", "weaker" in a note, not right after "no" / "not" / "without".
bool MentionsWeakness(const std::string& note) {
  std::string s = Lower(note);
  for (size_t at = s.find("weak"); at != std::string::npos; at = s.find("weak", at + 1)) {
    if (at > 0 && std::isalpha(static_cast<unsigned char>(s[at - 1]))) continue;
    std::string before = s.substr(at >= 12 ? at - 12 : 0, at >= 12 ? 12 : at);
    if (before.find("no ") != std::string::npos || before.find("not ") != std::string::npos ||
        before.find("without ") != std::string::npos || before.find("n't ") != std::string::npos)
      continue;
    return true;
  }
  return false;
}

double TQuantile(int df, double p) {
  boost::math::students_t dist(std::max(df, 1));
  return boost::math::quantile(dist, p);
}

double TwoSidedP(int df, double t) {
  if (!std::isfinite(t)) return 0;
  boost::math::students_t dist(std::max(df, 1));
  return std::min(1.0, 2 * boost::math::cdf(boost::math::complement(dist, std::fabs(t))));
}

void Trendline(const DiaryReport& r, int64_t first, int64_t last, const std::map<int64_t, int>& count,
               Trend* trend) {
  // Weeks run Monday to Sunday; the first and last may be partial.
  for (int64_t d = first; d <= last; ++d) {
    int64_t monday = d - Weekday(d);
    if (trend->per_week.empty() || trend->per_week.back().week != FormatDate(monday))
      trend->per_week.push_back({FormatDate(monday), 0, 0});
    auto it = count.find(d);
    trend->per_week.back().episodes += it == count.end() ? 0 : it->second;
    trend->per_week.back().days += 1;
  }
  long n = static_cast<long>(last - first + 1);
  if (n < 28 || r.episodes < 5) return;
  Eigen::MatrixXd X(n, 2);
  Eigen::VectorXd y(n);
  std::vector<long> day(n);
  for (long i = 0; i < n; ++i) {
    X(i, 0) = 1;
    X(i, 1) = (i - (n - 1) / 2.0) / 30.4375;  // months from the middle of the span
    auto it = count.find(first + i);
    y[i] = it == count.end() ? 0 : it->second;
    day[i] = i;
  }
  PoissonFit fit;
  if (!FitPoisson(X, y, day, std::max(7, NeweyWestLag(n)), 0.0, &fit)) return;
  double b = fit.beta[1], se = std::sqrt(fit.cov(1, 1)), tc = TQuantile(fit.df, 0.975);
  trend->estimated = true;
  trend->rate_ratio_per_month = std::exp(b);
  trend->lo = std::exp(b - tc * se);
  trend->hi = std::exp(b + tc * se);
  trend->p = TwoSidedP(fit.df, b / se);
}

}  // namespace

bool DiaryReport::HasFlag(const std::string& id) const {
  for (const DiaryFlag& f : flags)
    if (f.id == id) return true;
  return false;
}

std::vector<double> BenjaminiHochberg(const std::vector<double>& p) {
  size_t m = p.size();
  std::vector<size_t> order(m);
  for (size_t i = 0; i < m; ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return p[a] > p[b]; });
  std::vector<double> q(m);
  double run = 1;
  for (size_t k = 0; k < m; ++k) {
    size_t i = order[k];
    size_t rank = m - k;  // 1-based rank from the smallest
    run = std::min(run, p[i] * static_cast<double>(m) / static_cast<double>(rank));
    q[i] = run;
  }
  return q;
}

DiaryReport AnalyzeDiary(const Diary& diary, const DiaryKb& kb, const AnalysisOptions& opt) {
  DiaryReport r;
  auto in_range = [&](const std::string& date) {
    return (opt.from.empty() || date >= opt.from) && (opt.to.empty() || date <= opt.to);
  };
  std::map<int64_t, const DayEntry*> days;
  for (const DayEntry& d : diary.days)
    if (in_range(d.date)) days[Day(d.date)] = &d;
  std::map<int64_t, int> count;
  std::vector<const Episode*> episodes;
  for (const Episode& e : diary.episodes) {
    std::string date = e.LocalDate();
    if (!in_range(date)) continue;
    episodes.push_back(&e);
    ++count[Day(date)];
  }
  r.days_logged = static_cast<int>(days.size());
  r.episodes = static_cast<int>(episodes.size());
  r.episode_days = static_cast<int>(count.size());
  if (days.empty() && count.empty()) return r;
  int64_t first = std::min(days.empty() ? INT64_MAX : days.begin()->first, count.empty() ? INT64_MAX : count.begin()->first);
  int64_t last = std::max(days.empty() ? INT64_MIN : days.rbegin()->first, count.empty() ? INT64_MIN : count.rbegin()->first);
  r.first = FormatDate(first);
  r.last = FormatDate(last);
  r.span_days = static_cast<int>(last - first + 1);
  if (!count.empty()) r.episode_span_days = static_cast<int>(count.rbegin()->first - count.begin()->first + 1);

  // Descriptive figures and the per-day series for the charts.
  std::vector<double> durations;
  double intensity_sum = 0;
  int intensity_n = 0;
  for (const Episode* e : episodes) {
    if (e->duration_s) durations.push_back(*e->duration_s);
    if (e->intensity) intensity_sum += *e->intensity, ++intensity_n;
  }
  if (!durations.empty()) {
    std::sort(durations.begin(), durations.end());
    size_t k = durations.size();
    r.median_duration_s = k % 2 ? durations[k / 2] : (durations[k / 2 - 1] + durations[k / 2]) / 2;
  }
  if (intensity_n) r.mean_intensity = intensity_sum / intensity_n;
  std::vector<std::string> fields;
  for (const DiaryFactor& f : kb.factors())
    if (std::find(fields.begin(), fields.end(), f.field) == fields.end()) fields.push_back(f.field);
  for (const std::string& name : fields) r.daily_factors.push_back({name, {}});
  for (int64_t d = first; d <= last; ++d) {
    r.dates.push_back(FormatDate(d));
    auto c = count.find(d);
    r.daily_episodes.push_back(c == count.end() ? 0 : c->second);
    auto it = days.find(d);
    for (auto& [name, values] : r.daily_factors) {
      const std::optional<double>* v = it == days.end() ? nullptr : &(it->second->*FindDayField(name)->member);
      values.push_back(v && v->has_value() ? **v : kNaN);
    }
  }

  // ---- the trigger analysis -------------------------------------------------------------
  const std::vector<DiaryFactor>& factors = kb.factors();
  const int lags = opt.max_lag + 1;
  // value(f, day): exposure 0/1, or -1 when not logged.
  // Precomputed per factor and calendar day of the span (a table, not map look-ups:
  // the greedy selection below asks often).
  std::vector<std::vector<signed char>> table(factors.size(), std::vector<signed char>(r.span_days, -1));
  for (size_t f = 0; f < factors.size(); ++f) {
    std::optional<double> DayEntry::*member = FindDayField(factors[f].field)->member;
    for (const auto& [d, e] : days)
      if (const std::optional<double>& v = e->*member) table[f][d - first] = factors[f].Exposed(*v) ? 1 : 0;
  }
  auto exposure = [&](size_t f, int64_t d) -> int { return d < first || d > last ? -1 : table[f][d - first]; };
  std::vector<int> recorded(factors.size(), 0), exposed(factors.size(), 0);
  for (size_t f = 0; f < factors.size(); ++f)
    for (const auto& [d, e] : days) {
      int x = exposure(f, d);
      if (x >= 0) ++recorded[f], exposed[f] += x;
    }
  auto rows_for = [&](const std::vector<size_t>& inc, std::vector<int64_t>* out) {
    out->clear();
    for (const auto& [d, e] : days) {
      bool ok = true;
      for (size_t f : inc)
        for (int l = 0; l < lags && ok; ++l) ok = exposure(f, d - l) >= 0;
      if (ok) out->push_back(d);
    }
  };
  // Factors with enough logged, exposed and unexposed days, most often logged first; a
  // factor joins the model only if it keeps 80 % of the complete rows (complete cases).
  std::vector<size_t> order;
  for (size_t f = 0; f < factors.size(); ++f) order.push_back(f);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return recorded[a] > recorded[b]; });
  std::vector<size_t> included;
  std::vector<int64_t> rows, trial;
  rows_for({}, &rows);
  std::map<size_t, std::string> why;
  std::map<size_t, int> need;
  auto ceil_div = [](double a, double b) { return static_cast<int>(std::ceil(a / b)); };
  for (size_t f : order) {
    int unexp = recorded[f] - exposed[f];
    if (recorded[f] < opt.min_days) {
      why[f] = fmt::format("logged on {} day(s); the analysis needs {}", recorded[f], opt.min_days);
      need[f] = opt.min_days - recorded[f];
      continue;
    }
    if (exposed[f] < opt.min_exposed || unexp < opt.min_exposed) {
      bool few_exposed = exposed[f] < opt.min_exposed;
      int have = few_exposed ? exposed[f] : unexp;
      why[f] = fmt::format("{} day(s) with {}, {} without; each side needs {}", exposed[f], factors[f].label, unexp,
                           opt.min_exposed);
      if (have > 0) need[f] = ceil_div((opt.min_exposed - have) * static_cast<double>(recorded[f]), have);
      continue;
    }
    std::vector<size_t> with = included;
    with.push_back(f);
    rows_for(with, &trial);
    if (!included.empty() && trial.size() < 0.8 * rows.size()) {
      why[f] = fmt::format("logged on {} of {} days; log it every day to include it", recorded[f], r.days_logged);
      need[f] = r.days_logged - recorded[f];
      continue;
    }
    included = with;
    rows = trial;
  }
  std::sort(included.begin(), included.end());
  // Columns: constant, trend, then each included factor at each lag with enough days.
  struct Col {
    size_t factor;
    int lag;
  };
  std::vector<Col> cols;
  std::map<std::pair<size_t, int>, std::pair<int, int>> split;  // exposed, unexposed among rows
  for (size_t f : included)
    for (int l = 0; l < lags; ++l) {
      int e = 0;
      for (int64_t d : rows) e += exposure(f, d - l);
      int u = static_cast<int>(rows.size()) - e;
      split[{f, l}] = {e, u};
      if (e >= opt.min_exposed && u >= opt.min_exposed) cols.push_back({f, l});
    }
  const long n = static_cast<long>(rows.size()), p = 2 + static_cast<long>(cols.size());
  const long min_rows = std::max<long>(opt.min_days, p + 10);
  PoissonFit fit;
  bool fitted = false;
  if (!cols.empty() && n >= min_rows) {
    Eigen::MatrixXd X(n, p);
    Eigen::VectorXd y(n);
    std::vector<long> day(n);
    double mid = (rows.front() + rows.back()) / 2.0;
    for (long i = 0; i < n; ++i) {
      int64_t d = rows[i];
      X(i, 0) = 1;
      X(i, 1) = (d - mid) / 30.4375;
      for (size_t c = 0; c < cols.size(); ++c) X(i, 2 + c) = exposure(cols[c].factor, d - cols[c].lag);
      auto it = count.find(d);
      y[i] = it == count.end() ? 0 : it->second;
      day[i] = static_cast<long>(d - rows.front());
    }
    fitted = FitPoisson(X, y, day, NeweyWestLag(static_cast<int>(n)), opt.ridge, &fit);
  }
  std::vector<double> pvals;
  std::vector<size_t> tested_at;
  const double tcrit = fitted ? TQuantile(fit.df, 0.975) : 1.96;
  const double target_se = std::log(opt.target_rate_ratio) / (tcrit + 0.8416);  // 80 % power
  for (size_t f = 0; f < factors.size(); ++f) {
    for (int l = 0; l < lags; ++l) {
      Association a;
      a.factor = factors[f].id;
      a.label = factors[f].label;
      a.lag = l;
      a.verdict = "not_enough_data";
      auto sp = split.find({f, l});
      if (sp != split.end()) {
        a.exposed_days = sp->second.first;
        a.unexposed_days = sp->second.second;
      } else {
        a.exposed_days = exposed[f];
        a.unexposed_days = recorded[f] - exposed[f];
      }
      auto col = std::find_if(cols.begin(), cols.end(), [&](const Col& c) { return c.factor == f && c.lag == l; });
      if (why.count(f)) {
        a.reason = why[f];
        if (need.count(f)) a.needed = std::max(1, need[f]);
      } else if (col == cols.end()) {
        int have = std::min(a.exposed_days, a.unexposed_days);
        a.reason = fmt::format("{} day(s) with {} and {} without at lag {}; each side needs {}", a.exposed_days,
                               a.label, a.unexposed_days, l, opt.min_exposed);
        if (have > 0) a.needed = std::max(1, ceil_div((opt.min_exposed - have) * static_cast<double>(n), have));
      } else if (!fitted) {
        a.reason = n < min_rows ? fmt::format("{} complete day(s); {} factor-lag pairs need {}", n, cols.size(), min_rows)
                                : "the regression could not be fitted to these days";
        if (n < min_rows) a.needed = static_cast<int>(min_rows - n);
      } else {
        size_t k = 2 + static_cast<size_t>(col - cols.begin());
        double b = fit.beta[static_cast<long>(k)], se = std::sqrt(fit.cov(static_cast<long>(k), static_cast<long>(k)));
        a.tested = true;
        a.rate_ratio = std::exp(b);
        a.lo = std::exp(b - tcrit * se);
        a.hi = std::exp(b + tcrit * se);
        a.p = TwoSidedP(fit.df, se > 0 ? b / se : 0);
        pvals.push_back(a.p);
        tested_at.push_back(r.associations.size());
        // Days that would shrink the interval enough to tell a rate ratio of 1.5 from 1.
        if (se > target_se) a.needed = std::max(1, static_cast<int>(std::ceil(n * (se * se / (target_se * target_se) - 1))));
      }
      r.associations.push_back(std::move(a));
    }
  }
  std::vector<double> q = BenjaminiHochberg(pvals);
  for (size_t i = 0; i < q.size(); ++i) {
    Association& a = r.associations[tested_at[i]];
    a.q = q[i];
    if (a.q <= opt.fdr) {
      a.verdict = a.rate_ratio > 1 ? "associated" : "protective";
      a.needed.reset();
    } else {
      a.verdict = "no_evidence";
    }
  }

  Trendline(r, first, last, count, &r.trend);

  // ---- sites and flags ------------------------------------------------------------------
  std::map<std::string, SiteSummary> sites;
  std::map<std::string, std::string> region_first;
  for (const Episode* e : episodes) {
    std::string date = e->LocalDate();
    SiteSummary& s = sites[e->site];
    if (s.episodes == 0) {
      const DiarySite* ks = kb.FindSite(e->site);
      s.site = e->site;
      s.name = ks ? ks->name : e->site;
      s.region = ks ? ks->region : e->site;
      s.first = date;
    }
    s.last = std::max(s.last, date);
    s.first = std::min(s.first, date);
    ++s.episodes;
    auto [it, fresh] = region_first.emplace(s.region, date);
    if (!fresh) it->second = std::min(it->second, date);
  }
  std::set<std::string> new_regions;
  if (!count.empty())
    for (const auto& [region, date] : region_first)
      if (Day(date) >= count.begin()->first + 14) new_regions.insert(region);
  for (auto& [id, s] : sites) {
    s.new_region = new_regions.count(s.region) && s.first == region_first[s.region];
    r.sites.push_back(s);
  }
  std::sort(r.sites.begin(), r.sites.end(), [](const SiteSummary& a, const SiteSummary& b) {
    return a.first != b.first ? a.first < b.first : a.site < b.site;
  });

  if (r.episode_span_days >= 14)
    r.flags.push_back({"persisting", fmt::format("episodes over {} days (from {} to {})", r.episode_span_days,
                                                 FormatDate(count.begin()->first), FormatDate(count.rbegin()->first))});
  if (r.span_days >= 14 && r.episode_days * 2 > r.span_days)
    r.flags.push_back({"most_days", fmt::format("twitching on {} of {} days", r.episode_days, r.span_days)});
  if (!new_regions.empty()) {
    std::string list;
    for (const SiteSummary& s : r.sites)
      if (s.new_region) list += (list.empty() ? "" : ", ") + s.name + " (from " + s.first + ")";
    r.flags.push_back({"spreading", "new body areas after the first two weeks: " + list});
  }
  if (r.trend.estimated && r.trend.lo > 1)
    r.flags.push_back({"more_frequent", fmt::format("episodes are becoming more frequent: x{:.2f} per month (95% CI "
                                                    "{:.2f}-{:.2f})",
                                                    r.trend.rate_ratio_per_month, r.trend.lo, r.trend.hi)});
  std::string weak_on;
  for (const auto& [d, e] : days)
    for (const std::string& t : e->tags)
      if (Lower(t) == "weakness" || Lower(t) == "weak") weak_on = e->date, r.weakness_tagged = true;
  for (const Episode* e : episodes)
    if (MentionsWeakness(e->note)) weak_on = e->LocalDate();
  if (!weak_on.empty()) r.flags.push_back({"weakness_noted", "weakness noted in the diary (last on " + weak_on + ")"});

  std::map<std::string, int> tried;
  for (const auto& [d, e] : days) {
    for (const std::string& m : e->medications) ++tried[m];
    for (const std::string& s : e->supplements) ++tried[s];
  }
  for (const auto& t : tried) r.tried.push_back(t);
  return r;
}

}  // namespace twitchcheck
