#pragma once
// The assessment: evidence + age + sex -> ranked causes with calibrated probabilities,
// their supporting and conflicting evidence, a triage level with every reason, and advice.
// Deterministic: the same input gives the same output.
#include <optional>
#include <string>
#include <vector>

#include "engine/model.h"
#include "kb/knowledge.h"
#include "twitchcheck/types.h"

namespace twitchcheck {

// One finding's share in a cause's probability: the log likelihood ratio of the
// observation for that cause acting alone (noisy-OR link), and which link it is.
struct Contribution {
  int finding = -1;
  EvidenceStatus status = EvidenceStatus::kPresent;
  double weight = 0;  // natural log likelihood ratio; > 0 supports, < 0 argues against
  int link = -1;      // the link's index in its condition's links (its sources are there)
};

struct ConditionResult {
  int condition = -1;
  double probability = 0;  // posterior P(cause present | evidence)
  double prior = 0;        // after age and sex factors
  std::vector<Contribution> supporting;    // strongest first
  std::vector<Contribution> conflicting;   // strongest first
  std::vector<int> unexplained;            // present findings this cause does not produce
};

struct TriageReason {
  TriageLevel level = TriageLevel::kSelfCare;
  std::string text;
  std::string rule;                 // red flag id, or condition id
  std::vector<int> findings;        // findings that fired a red flag
  std::vector<int> sources;
};

struct Triage {
  TriageLevel level = TriageLevel::kSelfCare;
  std::string specialist;  // empty for self care
  std::vector<TriageReason> reasons;  // most urgent first
};

struct Assessment {
  Triage triage;
  std::vector<ConditionResult> conditions;  // every cause, most probable first
  std::vector<Evidence> evidence;           // as used, after implications
  std::vector<int> advice;                  // advice indices, most relevant first
  bool exact = true;                        // false if inference had to drop findings
  std::vector<int> dropped;
};

// REQUIRES: kb loaded and `model` compiled from it (CompileModel). Evidence ids must be
// known findings (CheckEvidence() says which are not); unknown ids are ignored here.
Assessment Assess(const Knowledge& kb, const Model& model, const std::vector<Evidence>& evidence,
                  const Patient& patient);

// Returns false and sets *err naming the first unknown finding id.
bool CheckEvidence(const Knowledge& kb, const std::vector<Evidence>& evidence, std::string* err);

// The prior of condition `c` for this patient: odds multiplied by every matching factor.
double AdjustedPrior(const Condition& c, const Patient& patient);

// Whether the evidence names a symptom or sign that is present or possible: without one
// there is nothing to assess (SPEC §4, "understood"), however much else was said.
bool NamesAComplaint(const Knowledge& kb, const std::vector<Evidence>& evidence);

// Whether an assessment rests on something the text said: a complaint (NamesAComplaint) or
// a red flag that fired ("banged my head, keep vomiting" names no symptom of twitching).
bool Understood(const Knowledge& kb, const Assessment& a);

}  // namespace twitchcheck
