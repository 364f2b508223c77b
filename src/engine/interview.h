#pragma once
// The adaptive interview: which question to ask next, and when to stop (docs/interview.md).
// In order: an emergency sign stops it; a description in the person's own words when nothing
// said names a symptom (at most twice); once, the emergency screen (meta.yaml: the signs that
// need emergency care, asked together, however the story began); a red-flag question that
// could complete a rule more urgent than the signs' level; where it twitches (meta.yaml
// interview.where) when the words name no symptom at all; then the question with the largest
// expected information gain among those that fit the story (Finding::asked_if: no eye
// question about a calf). It stops when no question is worth asking (interview.policy
// min_gain), after max_questions, or when the leading cause is settled and no cause is left
// open (settled_probability, settled_gain, open_cause_probability): an open cause gets one
// question about its own trigger first.
// Stateless: everything known so far comes in as evidence (and options.described).
#include <optional>
#include <string>
#include <vector>

#include "engine/assess.h"

namespace twitchcheck {

// The thresholds are the knowledge base's policy (Knowledge::interview_policy); these are
// what this call knows of the conversation.
struct InterviewOptions {
  // The person has already been asked to describe it in their own words (the describe
  // question is asked at most once).
  bool described = false;
  // ... and asked twice: a first answer that named nothing readable ("hola", "it's hard to
  // say") gets the question once more, then the interview goes on without it.
  bool described_twice = false;
  // The text is mostly in words the reader does not know (another language): as when it
  // names no complaint, ask for a description first.
  bool mostly_unread = false;
};

struct Question {
  int finding = -1;     // -1 for the describe question (free text: Knowledge::describe_question),
                        // the emergency screen and where it twitches (see items)
  std::string reason;   // "describe", "emergency_screen", "red_flag", "where" or "information_gain"
  double gain = 0;      // expected information gain (nats) or, for red flags, P(present)
  std::vector<int> items;  // the emergency screen, where: findings asked about together
};

struct InterviewStep {
  std::optional<Question> question;  // nullopt when the interview should stop
  bool should_stop = false;
  std::string stop_reason;           // why it stopped, in plain words (meta.yaml stop_reasons)
  Assessment assessment;             // on the evidence so far
};

// `answered` counts the answers already given (the caller's evidence from answers); the
// emergency screen's several answers count as one question towards max_questions, and so
// do those to where it twitches.
InterviewStep NextInterviewStep(const Knowledge& kb, const Model& model, const std::vector<Evidence>& evidence,
                                const Patient& patient, size_t answered,
                                const InterviewOptions& options = {});

}  // namespace twitchcheck
