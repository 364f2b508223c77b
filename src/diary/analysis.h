#pragma once
// The personal trigger analysis: a pure function of the diary's entries (no I/O, no
// clock), so the CLI, the server and the simulation study all get the same answer.
//
// Model: episodes on day t ~ Poisson(exp(b0 + trend * months + sum_f sum_lag b_f,lag *
// exposed_f(t - lag))), all factors and lags 0..2 in one regression (so a factor that
// travels with another is not credited with its effect), a small ridge penalty, and
// Newey-West standard errors (overdispersion and day-to-day dependence). p-values from
// Student's t on n - p degrees of freedom; q-values by Benjamini-Hochberg over every
// factor and lag that was tested. See docs/diary.md for the assumptions.
#include <optional>
#include <string>
#include <vector>

#include "diary/entries.h"

namespace twitchcheck {

class DiaryKb;

struct AnalysisOptions {
  std::string from, to;     // local dates, inclusive; empty = the whole diary
  double fdr = 0.05;        // q at or below this is a finding
  int min_days = 14;        // days with a day entry before anything is tested
  int min_exposed = 5;      // exposed and unexposed days each, per factor and lag
  int max_lag = 2;
  double ridge = 0.1;       // penalty on each log rate ratio (a N(0, 10) prior)
  double target_rate_ratio = 1.5;  // "needed" for an open question: days to tell this from 1
};

struct Association {
  std::string factor, label;
  int lag = 0;
  int exposed_days = 0, unexposed_days = 0;
  bool tested = false;
  double rate_ratio = 1, lo = 0, hi = 0, p = 1, q = 1;
  std::string verdict;        // associated | protective | no_evidence | not_enough_data
  std::optional<int> needed;  // more days that would settle it, when open
  std::string reason;         // why not_enough_data
};

struct WeekCount {
  std::string week;  // Monday of the week
  int episodes = 0;
  int days = 0;      // days of that week within the diary's span
};

struct Trend {
  std::vector<WeekCount> per_week;
  bool estimated = false;
  double rate_ratio_per_month = 1, lo = 0, hi = 0, p = 1;
};

struct SiteSummary {
  std::string site, name, region;
  std::string first, last;  // local dates
  int episodes = 0;
  bool new_region = false;  // first seen in its region after the diary's first two weeks
};

struct DiaryFlag {
  std::string id;    // persisting | most_days | spreading | more_frequent | weakness_noted
  std::string text;  // plain words
};

struct DiaryReport {
  std::string first, last;  // span of the entries considered
  int span_days = 0;        // calendar days first..last
  int days_logged = 0;      // days with a day entry
  int episodes = 0;
  int episode_days = 0;     // days with at least one episode
  int episode_span_days = 0;  // first episode .. last episode, inclusive
  std::optional<double> median_duration_s, mean_intensity;
  std::vector<Association> associations;
  Trend trend;
  std::vector<SiteSummary> sites;
  std::vector<DiaryFlag> flags;
  bool weakness_tagged = false;  // a day tagged "weakness" (else only a note mentions it)
  std::vector<std::pair<std::string, int>> tried;  // medications / supplements and their days
  // Per-day series over the span, for charts: episodes, and each factor's value (NaN = not logged).
  std::vector<std::string> dates;
  std::vector<int> daily_episodes;
  std::vector<std::pair<std::string, std::vector<double>>> daily_factors;  // field name -> values
  bool HasFlag(const std::string& id) const;
};

// REQUIRES: d.days sorted by date and d.episodes by start (as DiaryStore::List gives them).
DiaryReport AnalyzeDiary(const Diary& d, const DiaryKb& kb, const AnalysisOptions& opt);

// Benjamini-Hochberg adjusted p-values (same order as p).
std::vector<double> BenjaminiHochberg(const std::vector<double>& p);

}  // namespace twitchcheck
