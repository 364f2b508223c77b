// Diary speed (SPEC.md §6): the trigger analysis of two years of daily entries with
// several episodes a day (bar: < 50 ms), and adding one entry to the SQLite diary,
// fsync included (bar: < 5 ms). BM_DiarySimulationStudy prints the simulation study
// (power and false-discovery rate over 200 seeds of 60, 90 and 180 days).
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>

#include "diary/analysis.h"
#include "diary/diary_kb.h"
#include "diary/simulate.h"
#include "diary/store.h"

namespace twitchcheck {
namespace {

const DiaryKb& Kb() {
  static std::unique_ptr<DiaryKb> kb = [] {
    std::string err;
    return DiaryKb::Load("", &err);
  }();
  return *kb;
}

// Two years, every factor logged every day, about 3.5 episodes a day.
Diary TwoYears() {
  SimulationSpec spec;
  spec.days = 730;
  spec.base_rate = 2.5;
  Diary d = SimulateDiary(spec);
  for (size_t i = 0; i < d.days.size(); ++i) {
    DayEntry& x = d.days[i];
    x.sleep_quality = static_cast<double>((i * 7) % 11);
    x.cigarettes = i % 5 == 0 ? 3 : 0;
    x.exercise_min = static_cast<double>((i * 37) % 120);
    x.screen_hours = static_cast<double>((i * 3) % 12);
    x.fluids_l = 1.0 + static_cast<double>(i % 4) * 0.4;
  }
  return d;
}

void BM_AnalyzeTwoYears(benchmark::State& state) {
  Diary d = TwoYears();
  AnalysisOptions opt;
  int tested = 0;
  for (auto _ : state) {
    DiaryReport r = AnalyzeDiary(d, Kb(), opt);
    tested = 0;
    for (const Association& a : r.associations) tested += a.tested;
    benchmark::DoNotOptimize(r);
  }
  state.counters["episodes"] = static_cast<double>(d.episodes.size());
  state.counters["factor_lags_tested"] = tested;
}
BENCHMARK(BM_AnalyzeTwoYears)->Unit(benchmark::kMillisecond);

void BM_AddEpisodeWithFsync(benchmark::State& state) {
  std::string dir = "/tmp/twitchcheck_diary_bench_" + std::to_string(getpid());
  std::filesystem::remove_all(dir);
  std::string err;
  auto store = OpenSqliteDiary(dir + "/diary.sqlite", &err);
  if (!store) {
    state.SkipWithError(err.c_str());
    return;
  }
  Episode e;
  e.start_utc = 1772350200;
  e.offset_min = 60;
  e.site = "lower_eyelid";
  e.side = "left";
  e.duration_s = 30;
  e.intensity = 3;
  for (auto _ : state) {
    e.id = 0;
    ++e.start_utc;
    if (!store->AddEpisode(&e, &err)) state.SkipWithError(err.c_str());
  }
  store.reset();
  std::filesystem::remove_all(dir);
}
BENCHMARK(BM_AddEpisodeWithFsync)->Unit(benchmark::kMillisecond)->Iterations(300);

// The simulation study as a report: prints the table once and shows it as counters.
void BM_DiarySimulationStudy(benchmark::State& state) {
  AnalysisOptions opt;
  std::vector<StudyRow> rows;
  for (auto _ : state) {
    rows.clear();
    for (int days : {60, 90, 180}) rows.push_back(RunSimulationStudy(Kb(), opt, days, 200));
  }
  std::printf("\n%s\n", FormatStudyTable(rows, opt.fdr).c_str());
  for (const StudyRow& r : rows) {
    std::string d = std::to_string(r.days);
    state.counters["power_caf_" + d] = r.power_caffeine;
    state.counters["power_sleep_" + d] = r.power_sleep;
    state.counters["fdr_" + d] = r.fdr;
  }
}
BENCHMARK(BM_DiarySimulationStudy)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace
}  // namespace twitchcheck
