#pragma once
// The adaptive interview: which question to ask next, and when to stop. Red flags first
// (a question that could complete an emergency rule, or screen for an emergency sign
// that is not unlikely), then the question with the largest expected information gain
// about the causes. When nothing said so far names a symptom, it first asks once for a
// description in the person's own words; then, once, the emergency screen (meta.yaml):
// the signs that need emergency care, asked together, however the story began.
// Stateless: everything known so far comes in as evidence (and options.described).
#include <optional>
#include <string>
#include <vector>

#include "engine/assess.h"

namespace twitchcheck {

struct InterviewOptions {
  size_t max_questions = 12;      // stop after this many answers
  double min_gain = 0.1;        // stop when no question is expected to teach more (nats)
  double screen_probability = 0.03;  // ask about an emergency sign at least this likely
  double settled_probability = 0.6; // stop once the leading cause is this likely ...
  double settled_gain = 0.2;        // ... and no question is worth more than this
  // The person has already been asked to describe it in their own words (the describe
  // question is asked at most once).
  bool described = false;
  // ... and asked twice: a first answer that named nothing readable ("hola", "it's hard to
  // say") gets the question once more, then the interview goes on without it.
  bool described_twice = false;
};

struct Question {
  int finding = -1;     // -1 for the describe question (free text: Knowledge::describe_question)
                        // and for the emergency screen (see items)
  std::string reason;   // "describe", "emergency_screen", "red_flag" or "information_gain"
  double gain = 0;      // expected information gain (nats) or, for red flags, P(present)
  std::vector<int> items;  // the emergency screen: findings asked about together
};

struct InterviewStep {
  std::optional<Question> question;  // nullopt when the interview should stop
  bool should_stop = false;
  std::string stop_reason;           // why it stopped, in plain words
  Assessment assessment;             // on the evidence so far
};

// `answered` counts the answers already given (the caller's evidence from answers); the
// emergency screen's several answers count as one question towards max_questions.
InterviewStep NextInterviewStep(const Knowledge& kb, const Model& model, const std::vector<Evidence>& evidence,
                                const Patient& patient, size_t answered,
                                const InterviewOptions& options = {});

}  // namespace twitchcheck
