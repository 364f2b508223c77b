#pragma once
// Scores text-only assessment on clinical vignettes (SPEC.md §5): top-1, top-3, triage
// accuracy, under- and over-triage, emergency recall.
#include <ostream>
#include <string>
#include <vector>

#include "engine/triage.h"
#include "kb/knowledge.h"

namespace twitchcheck {

struct VignetteScores {
  int cases = 0;
  int scored = 0;            // cases with a non-empty `primary`
  int top1 = 0, top3 = 0;
  int triage_ok = 0, under = 0, over = 0;
  int emergencies = 0, emergencies_caught = 0;
  double seconds = 0;        // time spent reading + assessing
};

// Reads the JSONL at `path`, assesses every case from its text, age and sex, writes the
// misses and then the summary to `out` (the summary figures are the last three lines).
// Returns false with *err set when the file cannot be read or a line is malformed.
bool EvalVignettesFile(const Knowledge& kb, const std::string& path, std::ostream& out,
                       VignetteScores* scores, std::string* err);

}  // namespace twitchcheck
