#pragma once
// Scores text-only assessment on clinical vignettes (SPEC.md §5): top-1, top-3, triage
// accuracy, under- and over-triage, emergency recall.
#include <ostream>
#include <string>
#include <vector>

#include "twitchcheck/engine.h"
#include "twitchcheck/types.h"

namespace twitchcheck {

// One case of SPEC.md §5: the person's words, age, sex, the acceptable leading causes
// (empty = not scored) and the expected triage with every level also accepted.
struct Vignette {
  std::string id;  // as written in the file, or the line number
  std::string text;
  Patient patient;
  std::vector<std::string> primary;
  TriageLevel expected = TriageLevel::kSelfCare;
  std::vector<TriageLevel> accepted;  // includes `expected`
  // Optional: the red flag or presentation a paraphrase-suite case belongs to, reported
  // separately ("face_droop", "tetanus").
  std::string group;
};

// Reads a JSONL file of vignettes. Returns false with *err naming the file and line of
// the first malformed case, or when the file cannot be read.
bool ReadVignettes(const std::string& path, std::vector<Vignette>* out, std::string* err);

struct VignetteScores {
  int cases = 0;
  int scored = 0;            // cases with a non-empty `primary`
  int top1 = 0, top3 = 0;
  int triage_ok = 0, under = 0, over = 0;
  int emergencies = 0, emergencies_caught = 0;
  // Look-alikes: cases for which no emergency level is acceptable; false alarms: those
  // sent to one all the same.
  int lookalikes = 0, false_alarms = 0;
  int not_understood = 0;    // texts in which nothing names a complaint (counted as missed)
  double seconds = 0;        // time spent reading + assessing
};

// Reads the JSONL at `path`, assesses every case from its text, age and sex, writes the
// misses, then (when cases carry a `group`) emergency recall and false alarms per group,
// weakest first, and then the summary to `out` (the summary figures are the last three
// lines).
// Returns false with *err set when the file cannot be read or a line is malformed.
bool EvalVignettesFile(const Engine& engine, const std::string& path, std::ostream& out,
                       VignetteScores* scores, std::string* err);

}  // namespace twitchcheck
