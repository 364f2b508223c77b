#pragma once
// Synthetic diaries with planted effects, and the simulation study that measures the
// trigger analysis on them (power for the planted effects, false-discovery proportion
// among the null ones). Used by the tests, the benchmark report and docs/diary.md.
#include <cstdint>
#include <string>
#include <vector>

#include "diary/entries.h"

namespace twitchcheck {

class DiaryKb;
struct AnalysisOptions;

struct SimulationSpec {
  int days = 90;
  uint64_t seed = 1;
  std::string start = "2026-01-05";
  double base_rate = 1.5;      // episodes per day on an unexposed day
  double caffeine_rr = 2.0;    // caffeine >= 300 mg: same day
  double sleep_rr = 1.5;       // sleep under 6 h: the next day
  double ar = 0.5, noise_sd = 0.3;  // latent AR(1) day effect: overdispersion and dependence
  // Stress travels with caffeine but has no effect; alcohol has none either.
};

Diary SimulateDiary(const SimulationSpec& spec);

struct StudyRow {
  int days = 0, seeds = 0;
  double power_caffeine = 0, power_sleep = 0;  // share of seeds that found each planted effect
  double fdr = 0;             // mean false-discovery proportion (0 when nothing was found)
  double fdr_se = 0;          // its Monte Carlo standard error
  double any_false = 0;       // share of seeds with at least one false discovery
  double mean_ms = 0;         // analysis time per diary
};

// Runs `seeds` diaries of `days` days (seeds 1..seeds) through AnalyzeDiary.
StudyRow RunSimulationStudy(const DiaryKb& kb, const AnalysisOptions& opt, int days, int seeds);
std::string FormatStudyTable(const std::vector<StudyRow>& rows, double fdr_level);

}  // namespace twitchcheck
