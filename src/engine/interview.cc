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

// A symptom or sign, which many causes share (the others are exposures, history, risk factors).
bool IsComplaint(const Finding& f) {
  return f.category == FindingCategory::kSymptom || f.category == FindingCategory::kSign;
}

// What is known, after implications, and what has been asked (answered "don't know" too).
struct Known {
  std::vector<int> absent;
  std::vector<PositiveObservation> present;
  std::set<int> asked;
  // The causes something has asked after: each answer speaks to every cause it is linked
  // to; an exposure, history or risk factor the text mentions (not a symptom, which many
  // causes share) to the cause it is most strongly linked to ("work is crazy": stress, not
  // the sleep that stress may also cost).
  std::set<int> touched;

  bool Present(int f) const {
    return std::any_of(present.begin(), present.end(), [&](const PositiveObservation& o) { return o.finding == f; });
  }
};

// The cause a finding is most strongly linked to (-1 when none).
int MainCause(const Model& model, int f) {
  int best = -1;
  double strength = -1;
  for (const auto& [c, s] : model.network.parents[f])
    if (s > strength) best = c, strength = s;
  return best;
}

Known WhatIsKnown(const Knowledge& kb, const Model& model, const Assessment& a, const std::vector<Evidence>& evidence) {
  Known known;
  for (const Evidence& e : a.evidence) {  // consolidated: implications included
    const int f = kb.FindingIndex(e.id);
    known.asked.insert(f);
    if (e.status == EvidenceStatus::kPresent) known.present.push_back({f, 1.0});
    else if (e.status == EvidenceStatus::kPossible) known.present.push_back({f, kb.uncertain_weight});
    else if (e.status == EvidenceStatus::kAbsent) known.absent.push_back(f);
  }
  for (const Evidence& e : evidence) {
    const int f = kb.FindingIndex(e.id);
    known.asked.insert(f);  // incl. unknown
    const FindingCategory category = kb.findings[f].category;
    if (e.origin == Origin::kAnswer || category == FindingCategory::kAttribute) {
      for (const auto& [c, strength] : model.network.parents[f]) known.touched.insert(c);
    } else if (!IsComplaint(kb.findings[f])) {
      known.touched.insert(MainCause(model, f));
    }
  }
  return known;
}

// The level the reported signs alone set (red flags; causes' probabilities aside).
TriageLevel SignLevel(const Assessment& a) {
  TriageLevel level = TriageLevel::kSelfCare;
  for (const TriageReason& r : a.triage.reasons)
    if (!r.findings.empty() && MoreUrgent(r.level, level)) level = r.level;
  return level;
}

// Questions asked so far: the emergency screen's answers count as one, whatever their
// number, and so do the answers to where it twitches.
size_t QuestionsAsked(const Knowledge& kb, const std::vector<Evidence>& evidence, size_t answered) {
  size_t grouped = 0, groups = 0;
  for (const std::vector<int>* group : {&kb.screen, &kb.where}) {
    size_t n = 0;
    for (const Evidence& e : evidence)
      if (e.origin == Origin::kAnswer && std::count(group->begin(), group->end(), kb.FindingIndex(e.id))) ++n;
    // Where it twitches is asked whole or not at all; its places may also be asked one by one.
    if (group == &kb.where && n < group->size()) continue;
    grouped += n;
    groups += n > 0;
  }
  return answered - std::min(answered, grouped) + groups;
}

// The emergency screen: whichever of its signs nothing has answered yet, asked together. A
// story about an eyelid twitch may end with "and now half my face has gone floppy". Once
// answered (yes, no or don't know), its signs are never asked again.
std::optional<Question> EmergencyScreen(const Knowledge& kb, const Known& known) {
  std::vector<int> open;
  for (int f : kb.screen)
    if (!known.asked.count(f)) open.push_back(f);
  if (open.empty()) return std::nullopt;
  return Question{-1, "emergency_screen", 0, open};
}

// Where it twitches: its places asked together, once, when the words name no symptom at
// all even after the describe question ("", "it's driving me mad") and none of its places
// has been asked yet. A story with a symptom but no place goes on by information gain.
std::optional<Question> WhereQuestion(const Knowledge& kb, const Assessment& a, const Known& known) {
  if (kb.where.empty() || NamesAComplaint(kb, a.evidence)) return std::nullopt;
  for (const std::vector<int>* places : {&kb.where, &kb.where_places})
    for (int f : *places)
      if (known.Present(f) || (places == &kb.where && known.asked.count(f))) return std::nullopt;
  return Question{-1, "where", 0, kb.where};
}

// Inference on what is known, and what one more answer would do.
class Outlook {
 public:
  Outlook(const Knowledge& kb, const Model& model, const Patient& patient, const Known& known)
      : model_(model), known_(known), prior_(kb.conditions.size()), weight_(kb.conditions.size()) {
    for (size_t c = 0; c < kb.conditions.size(); ++c) {
      prior_[c] = AdjustedPrior(kb.conditions[c], patient);
      weight_[c] = kb.InterviewWeight(kb.conditions[c]);
    }
    now_ = Infer(model_.network, prior_, known_.absent, known_.present);
    h_now_ = Entropy(now_.posterior, weight_);
  }

  // P(finding present | evidence so far), from P(evidence and finding absent).
  double Predictive(int f, InferenceResult* if_absent = nullptr) const {
    std::vector<int> absent = known_.absent;
    absent.push_back(f);
    InferenceResult r = Infer(model_.network, prior_, absent, known_.present);
    const double p = now_.evidence_probability > 0
                         ? std::clamp(1 - r.evidence_probability / now_.evidence_probability, 0.0, 1.0)
                         : 0.0;
    if (if_absent) *if_absent = std::move(r);
    return p;
  }

  // Expected fall in the weighted uncertainty about the causes from asking about `f`.
  double Gain(int f) const {
    InferenceResult no;
    const double p_yes = Predictive(f, &no);
    std::vector<PositiveObservation> present = known_.present;
    present.push_back({f, 1.0});
    InferenceResult yes = Infer(model_.network, prior_, known_.absent, present);
    return h_now_ - p_yes * Entropy(yes.posterior, weight_) - (1 - p_yes) * Entropy(no.posterior, weight_);
  }

 private:
  const Model& model_;
  const Known& known_;
  std::vector<double> prior_, weight_;
  InferenceResult now_;
  double h_now_ = 0;
};

// The best question that could complete one alternative of `flag`, or nullopt. Urgent rules
// (24 hours or sooner) are asked for; a routine rule only when one answer would complete it;
// in both cases only when the rule is not unlikely (policy screen_probability).
std::optional<Question> RedFlagQuestion(const Knowledge& kb, const RedFlag& flag, const Known& known,
                                        const Outlook& outlook) {
  std::optional<Question> best;
  for (const std::vector<int>& alt : flag.when) {
    bool blocked = false;
    int reported = 0;
    std::vector<int> open;
    for (int f : alt) {
      if (!known.asked.count(f)) {
        if (!kb.findings[f].question.empty()) open.push_back(f);
        else blocked = true;  // cannot be asked: the rule cannot complete by questions
      } else if (known.Present(f)) {
        ++reported;
      } else {
        blocked = true;  // absent or unknown: this alternative cannot fire
      }
    }
    if (blocked || open.empty()) continue;
    const bool urgent = !MoreUrgent(TriageLevel::kConsultation24, flag.level);
    if (!urgent && !(reported > 0 && open.size() == 1)) continue;
    // How likely the rule is to complete (signs taken as independent); ask about its least
    // likely sign first, since a "no" there settles the rule soonest.
    double p_rule = 1;
    int ask = -1;
    double p_ask = 2;
    for (int f : open) {
      const double p = outlook.Predictive(f);
      p_rule *= p;
      if (p < p_ask) p_ask = p, ask = f;
    }
    if (p_rule < kb.interview_policy.screen_probability) continue;
    if (!best || p_rule > best->gain) best = Question{ask, "red_flag", p_rule, {}};
  }
  return best;
}

// Red flags more urgent than the signs' level: complete a half-reported rule, or screen for
// an emergency sign that the evidence makes not unlikely. The most likely rule wins.
std::optional<Question> MostLikelyRedFlag(const Knowledge& kb, const Known& known, TriageLevel sign_level,
                                          const Outlook& outlook) {
  std::optional<Question> red;
  for (const RedFlag& flag : kb.red_flags) {
    if (!MoreUrgent(flag.level, sign_level)) continue;
    std::optional<Question> q = RedFlagQuestion(kb, flag, known, outlook);
    if (q && (!red || q->gain > red->gain)) red = q;
  }
  return red;
}

// A question fits the story unless it is about a part or feature the story does not have
// (Finding::asked_if: "Is only one eye affected?" about a calf twitch).
bool FitsTheStory(const Finding& f, const Known& known) {
  return f.asked_if.empty() ||
         std::any_of(f.asked_if.begin(), f.asked_if.end(), [&](int g) { return known.Present(g); });
}

// The question with the largest expected information gain about the causes, among those
// not asked yet that fit the story and bear on some cause. With `about`: only exposures,
// history and risk factors mainly linked to one of those causes (what a clinician asks to
// confirm a trigger: "Have you been short of sleep?" for lack of sleep).
std::optional<Question> MostInformative(const Knowledge& kb, const Model& model, const Known& known,
                                        const Outlook& outlook, const std::set<int>* about = nullptr) {
  std::optional<Question> best;
  for (size_t f = 0; f < kb.findings.size(); ++f) {
    const int fi = static_cast<int>(f);
    const auto& parents = model.network.parents[f];
    if (known.asked.count(fi) || kb.findings[f].question.empty() || parents.empty()) continue;
    if (!FitsTheStory(kb.findings[f], known)) continue;
    if (about && (IsComplaint(kb.findings[f]) || !about->count(MainCause(model, fi)))) continue;
    const double gain = outlook.Gain(fi);
    if (!best || gain > best->gain + 1e-12) best = Question{fi, "information_gain", gain, {}};
  }
  return best;
}

// The causes other than the leader that are neither likely nor unlikely (policy
// open_cause_probability up to settled_probability) and that nothing has asked about yet:
// they may act alongside the leader ("work is crazy" with an eyelid twitch) and bring their
// own advice, so each is worth one question.
std::set<int> OpenCauses(const Knowledge& kb, const Assessment& a, const Known& known) {
  const InterviewPolicy& policy = kb.interview_policy;
  std::set<int> open;
  for (size_t i = 0; i < a.conditions.size(); ++i) {
    const double p = a.conditions[i].probability;
    // The leader too, while nothing has asked after it: settled by its symptoms alone
    // ("stress" at 62 % for an arm twitch) it still deserves its own trigger question.
    if (p < policy.open_cause_probability || (i > 0 && p >= policy.settled_probability)) continue;
    if (!known.touched.count(a.conditions[i].condition)) open.insert(a.conditions[i].condition);
  }
  return open;
}

// The next information question, or nullopt to stop (and *reason says why). Once the
// leading cause is settled (likely, and no question worth policy settled_gain), the questions
// go on only about the causes left open, while one of them is worth asking (min_gain).
std::optional<Question> NextInformationQuestion(const Knowledge& kb, const Model& model, const Assessment& a,
                                                const Known& known, const Outlook& outlook, std::string* reason) {
  const InterviewPolicy& policy = kb.interview_policy;
  std::optional<Question> best = MostInformative(kb, model, known, outlook);
  if (!best || best->gain < policy.min_gain) {
    *reason = kb.interview_words.StopReason("no_gain");
    return std::nullopt;
  }
  const double top = a.conditions.empty() ? 0 : a.conditions[0].probability;
  if (top < policy.settled_probability || best->gain >= policy.settled_gain) return best;
  const std::set<int> open = OpenCauses(kb, a, known);
  std::optional<Question> follow_up = open.empty() ? std::nullopt : MostInformative(kb, model, known, outlook, &open);
  if (follow_up && follow_up->gain >= policy.min_gain) return follow_up;
  *reason = kb.interview_words.StopReason("settled");
  return std::nullopt;
}

InterviewStep Stop(InterviewStep step, const std::string& reason) {
  step.should_stop = true;
  step.stop_reason = reason;
  return step;
}

}  // namespace

InterviewStep NextInterviewStep(const Knowledge& kb, const Model& model, const std::vector<Evidence>& evidence,
                                const Patient& patient, size_t answered, const InterviewOptions& options) {
  InterviewStep step;
  step.assessment = Assess(kb, model, evidence, patient);
  const Assessment& a = step.assessment;
  const InterviewWords& words = kb.interview_words;

  // An emergency sign (a red flag) ends the questions at once. An emergency level that only
  // a cause's probability sets ("a weak hand" at 61: a stroke cannot be ruled out) stays
  // while questions go on, and an answer such as "it came on slowly over months" may lower it.
  const TriageLevel sign_level = SignLevel(a);
  if (sign_level == TriageLevel::kEmergencyAmbulance || sign_level == TriageLevel::kEmergency)
    return Stop(std::move(step), words.StopReason("emergency_sign"));
  if (QuestionsAsked(kb, evidence, answered) >= kb.interview_policy.max_questions)
    return Stop(std::move(step), words.StopReason("enough_questions"));

  // Nothing said names a symptom or sign yet ("Mum is 81."): ask for the complaint in the
  // person's own words before yes/no questions, which could only guess at it.
  if (!options.described_twice && !kb.describe_question.empty() &&
      (!NamesAComplaint(kb, a.evidence) || options.mostly_unread)) {
    step.question = Question{-1, "describe", 0, {}};
    return step;
  }

  const Known known = WhatIsKnown(kb, model, a, evidence);
  if ((step.question = EmergencyScreen(kb, known))) return step;

  const Outlook outlook(kb, model, patient, known);
  if ((step.question = MostLikelyRedFlag(kb, known, sign_level, outlook))) return step;
  if ((step.question = WhereQuestion(kb, a, known))) return step;

  step.question = NextInformationQuestion(kb, model, a, known, outlook, &step.stop_reason);
  step.should_stop = !step.question;
  return step;
}

}  // namespace twitchcheck
