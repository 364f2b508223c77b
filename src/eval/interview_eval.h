#pragma once
// Simulated interviews on vignettes (SPEC.md §6 "interview"): the person starts with the
// first sentence of their story and answers each question from the whole story (yes or
// no when the story says so, "don't know" otherwise). Reports questions asked and how the
// interview's answer compares with assessing the full narrative.
#include <ostream>
#include <string>

#include "twitchcheck/engine.h"

namespace twitchcheck {

struct InterviewScores {
  int cases = 0, scored = 0;
  double median_questions = 0;
  int max_questions = 0;
  int top3_interview = 0, top3_full = 0;
  int triage_interview = 0, triage_full = 0;
  int described = 0;  // cases where the interview asked for a description first
};

// Returns false with *err set when the file cannot be read or a line is malformed.
bool EvalInterviewFile(const Engine& engine, const std::string& path, std::ostream& out,
                       InterviewScores* scores, std::string* err);

}  // namespace twitchcheck
