#include "engine/interview.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace twitchcheck {

namespace {

// Uncertainty about the causes: each cause's binary entropy, weighted by how much
// settling it matters (meta.yaml interview_weights).
double Entropy(const std::vector<double>& posterior, const std::vector<double>& weight) {
  double h = 0;
  for (size_t c = 0; c < posterior.size(); ++c) {
    const double p = posterior[c];
    if (p > 1e-12 && p < 1 - 1e-12) h -= weight[c] * (p * std::log(p) + (1 - p) * std::log(1 - p));
  }
  return h;
}

struct Known {
  std::vector<int> absent;
  std::vector<PositiveObservation> present;
};

}  // namespace

InterviewStep NextInterviewStep(const Knowledge& kb, const Model& model, const std::vector<Evidence>& evidence,
                                const Patient& patient, size_t answered,
                                const InterviewOptions& options) {
  InterviewStep step;
  step.assessment = Assess(kb, model, evidence, patient);
  const Assessment& a = step.assessment;

  // An emergency sign (a red flag) ends the questions at once. An emergency level that only
  // a cause's probability sets ("a weak hand" at 61: a stroke cannot be ruled out) stays
  // while questions go on, and an answer such as "it came on slowly over months" may lower it.
  // The level the reported signs alone set (red flags; causes' probabilities aside).
  TriageLevel sign_level = TriageLevel::kSelfCare;
  for (const TriageReason& r : a.triage.reasons)
    if (!r.findings.empty() && MoreUrgent(r.level, sign_level)) sign_level = r.level;
  if (sign_level == TriageLevel::kEmergencyAmbulance || sign_level == TriageLevel::kEmergency) {
    step.should_stop = true;
    step.stop_reason = "An emergency sign was reported: act on it now rather than answer more questions.";
    return step;
  }
  // The emergency screen's answers count as one question, whatever their number.
  size_t screen_answers = 0;
  for (const Evidence& e : evidence)
    if (e.origin == Origin::kAnswer && std::count(kb.screen.begin(), kb.screen.end(), kb.FindingIndex(e.id)))
      ++screen_answers;
  const size_t questions = answered - std::min(answered, screen_answers) + (screen_answers > 0 ? 1 : 0);
  if (questions >= options.max_questions) {
    step.should_stop = true;
    step.stop_reason = "Enough questions: the answer will not change much with more.";
    return step;
  }

  // Nothing said names a symptom or sign yet ("Mum is 81."): ask for the complaint in the
  // person's own words before yes/no questions, which could only guess at it.
  if (!options.described_twice && !kb.describe_question.empty()) {
    if (!NamesAComplaint(kb, a.evidence)) {
      step.question = Question{-1, "describe", 0, {}};
      return step;
    }
  }

  // What is known, after implications (a.evidence is consolidated).
  std::set<int> asked;
  Known known;
  for (const Evidence& e : a.evidence) {
    int f = kb.FindingIndex(e.id);
    asked.insert(f);
    if (e.status == EvidenceStatus::kPresent) known.present.push_back({f, 1.0});
    else if (e.status == EvidenceStatus::kPossible) known.present.push_back({f, kb.uncertain_weight});
    else if (e.status == EvidenceStatus::kAbsent) known.absent.push_back(f);
  }
  for (const Evidence& e : evidence) asked.insert(kb.FindingIndex(e.id));  // incl. unknown

  // The emergency screen: whichever of its signs nothing has answered yet (`asked`),
  // asked together. A story about an eyelid twitch may end with "and now half my face has
  // gone floppy". Once answered (yes, no or don't know), its signs are never asked again.
  std::vector<int> open;
  for (int f : kb.screen)
    if (!asked.count(f)) open.push_back(f);
  if (!open.empty()) {
    step.question = Question{-1, "emergency_screen", 0, open};
    return step;
  }

  std::vector<double> prior(kb.conditions.size());
  for (size_t c = 0; c < kb.conditions.size(); ++c) prior[c] = AdjustedPrior(kb.conditions[c], patient);
  std::vector<double> weight(kb.conditions.size());
  for (size_t c = 0; c < kb.conditions.size(); ++c) weight[c] = kb.InterviewWeight(kb.conditions[c]);
  InferenceResult now = Infer(model.network, prior, known.absent, known.present);
  const double h_now = Entropy(now.posterior, weight);

  // P(finding present | evidence so far), from P(evidence and finding absent).
  auto predictive = [&](int f) {
    std::vector<int> absent = known.absent;
    absent.push_back(f);
    InferenceResult r = Infer(model.network, prior, absent, known.present);
    if (now.evidence_probability <= 0) return 0.0;
    return std::clamp(1 - r.evidence_probability / now.evidence_probability, 0.0, 1.0);
  };

  // 1. Red flags more urgent than the signs' level: complete a half-reported rule, or
  //    screen for an emergency sign that the evidence makes not unlikely.
  std::optional<Question> red;
  for (const RedFlag& flag : kb.red_flags) {
    if (!MoreUrgent(flag.level, sign_level)) continue;
    for (const std::vector<int>& alt : flag.when) {
      bool blocked = false;
      int reported = 0;
      std::vector<int> open;
      for (int f : alt) {
        if (!asked.count(f)) {
          if (!kb.findings[f].question.empty()) open.push_back(f);
          else blocked = true;  // cannot be asked: the rule cannot complete by questions
          continue;
        }
        bool present = std::any_of(known.present.begin(), known.present.end(),
                                   [&](const PositiveObservation& o) { return o.finding == f; });
        if (present) ++reported;
        else blocked = true;  // absent or unknown: this alternative cannot fire
      }
      if (blocked || open.empty()) continue;
      // Ask for urgent rules (24 hours or sooner), and for a routine rule only when one
      // answer would complete it; in both cases only when the sign is not unlikely.
      const bool urgent = !MoreUrgent(TriageLevel::kConsultation24, flag.level);
      if (!urgent && !(reported > 0 && open.size() == 1)) continue;
      // How likely the rule is to complete (signs taken as independent); ask about its
      // least likely sign first, since a "no" there settles the rule soonest.
      double p_rule = 1;
      int ask = -1;
      double p_ask = 2;
      for (int f : open) {
        double p = predictive(f);
        p_rule *= p;
        if (p < p_ask) {
          p_ask = p;
          ask = f;
        }
      }
      if (p_rule < options.screen_probability) continue;
      if (!red || p_rule > red->gain) red = Question{ask, "red_flag", p_rule, {}};
    }
  }
  if (red) {
    step.question = red;
    return step;
  }

  // 2. Expected information gain about the causes.
  std::optional<Question> best;
  for (size_t f = 0; f < kb.findings.size(); ++f) {
    const int fi = static_cast<int>(f);
    if (asked.count(fi) || kb.findings[f].question.empty() || model.network.parents[f].empty()) continue;
    std::vector<int> absent = known.absent;
    absent.push_back(fi);
    InferenceResult no = Infer(model.network, prior, absent, known.present);
    double p_yes = now.evidence_probability > 0
                       ? std::clamp(1 - no.evidence_probability / now.evidence_probability, 0.0, 1.0)
                       : 0.0;
    std::vector<PositiveObservation> present = known.present;
    present.push_back({fi, 1.0});
    InferenceResult yes = Infer(model.network, prior, known.absent, present);
    double gain = h_now - p_yes * Entropy(yes.posterior, weight) - (1 - p_yes) * Entropy(no.posterior, weight);
    if (!best || gain > best->gain + 1e-12) best = Question{fi, "information_gain", gain, {}};
  }
  const double top = a.conditions.empty() ? 0 : a.conditions[0].probability;
  if (!best || best->gain < options.min_gain) {
    step.should_stop = true;
    step.stop_reason = "No remaining question is expected to change the answer.";
  } else if (top >= options.settled_probability && best->gain < options.settled_gain) {
    step.should_stop = true;
    step.stop_reason = "The leading cause is clear enough.";
  } else {
    step.question = best;
  }
  return step;
}

}  // namespace twitchcheck
