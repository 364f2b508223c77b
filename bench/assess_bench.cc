// Speed of the in-process pipeline (SPEC.md §6): parse + assess of a 1 KB narrative.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdlib>
#include <string>

#include "twitchcheck/engine.h"

namespace twitchcheck {
namespace {

// About 1 KB in a person's own words, written for this benchmark.
const char kNarrative[] =
    "Hi, I'm a 34 year old woman and for the last three weeks my left lower eyelid has been "
    "twitching on and off, mostly in the evening after work. I sit in front of two screens for "
    "about ten hours a day and my eyes feel dry and tired. Work has been really stressful since "
    "we moved offices and I'm sleeping maybe five hours a night because the baby wakes up. I "
    "drink four or five cups of coffee a day and an energy drink in the afternoon to keep going. "
    "Sometimes my calf muscles jump too when I'm lying in bed, but it stops when I get up. I "
    "don't have any weakness, no numbness or tingling, and my face doesn't droop. It hasn't "
    "spread to my cheek or mouth and I can close my eyes normally. I'm not on any medication "
    "apart from the pill. My mum had thyroid problems, if that matters. I'm worried because I "
    "read that twitching can be a sign of something serious like ALS, but I think it is "
    "probably just tiredness. Should I cut out coffee, take magnesium, or see a doctor first?";

// The engine every benchmark runs on: the built-in knowledge base at a pinned date.
const Engine& Eng() {
  static const Engine* engine = [] {
    Options options;
    options.today = Date{2026, 6, 15};
    std::unique_ptr<Engine> e;
    if (!Engine::Open(options, &e).ok()) std::abort();
    return e.release();
  }();
  return *engine;
}

// One whole call as a face makes it: read, assess and build the report.
void BM_ReadAndAssess(benchmark::State& state) {
  AssessRequest request;
  request.patient = Patient{34, Sex::kFemale};
  request.text = kNarrative;
  for (auto _ : state) {
    AssessReport report;
    benchmark::DoNotOptimize(Eng().Assess(request, &report));
    benchmark::DoNotOptimize(report);
  }
  state.SetBytesProcessed(state.iterations() * (sizeof(kNarrative) - 1));
}
BENCHMARK(BM_ReadAndAssess);

void BM_Read(benchmark::State& state) {
  for (auto _ : state) {
    ReadingReport r = Eng().Read(kNarrative);
    benchmark::DoNotOptimize(r);
  }
  state.SetBytesProcessed(state.iterations() * (sizeof(kNarrative) - 1));
}
BENCHMARK(BM_Read);

// Reading time is linear in the input (SPEC §6: 1 MB under 1 s). Five shapes of 1 MB:
// the narrative repeated (prose with full stops), one sentence of denials with no full
// stop at all, a sentence of "MS." abbreviations, and two clauses without any punctuation
// about whose complaint each word is: the writer passing complaints on about someone else,
// and complaint words far from the person words at the clause's ends (each was once worked
// out by a search from every complaint word: 33 s for each shape).
std::string Repeat(const std::string& unit, size_t bytes) {
  std::string out;
  out.reserve(bytes + unit.size());
  while (out.size() < bytes) out += unit;
  return out;
}

void BM_Read1MB(benchmark::State& state) {
  static const std::string kShapes[] = {
      Repeat(std::string(kNarrative) + " ", 1 << 20),
      Repeat("my eyelid twitches, no weakness, ", 1 << 20),
      Repeat("my sister has MS. ", 1 << 20),
      Repeat("i should report the twitching and ask about his spasms ", 1 << 20),
      "his " + Repeat("twitch ", 1 << 20) + "and i",
  };
  const std::string& text = kShapes[state.range(0)];
  for (auto _ : state) {
    ReadingReport r = Eng().Read(text);
    benchmark::DoNotOptimize(r);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_Read1MB)->Arg(0)->Arg(1)->Arg(2)->Arg(3)->Arg(4)->Unit(benchmark::kMillisecond);

// Structured evidence only (what the narrative says, given as answers): no reading.
void BM_AssessOnly(benchmark::State& state) {
  AssessRequest request;
  request.patient = Patient{34, Sex::kFemale};
  for (const EvidenceItem& e : Eng().Read(kNarrative).evidence) {
    Evidence ev;
    ev.id = e.id;
    ev.status = e.status;
    request.evidence.push_back(ev);
  }
  for (auto _ : state) {
    AssessReport report;
    benchmark::DoNotOptimize(Eng().Assess(request, &report));
    benchmark::DoNotOptimize(report);
  }
  state.counters["positives"] = static_cast<double>(std::count_if(
      request.evidence.begin(), request.evidence.end(),
      [](const Evidence& e) { return e.status != EvidenceStatus::kAbsent; }));
}
BENCHMARK(BM_AssessOnly);

}  // namespace
}  // namespace twitchcheck

BENCHMARK_MAIN();
