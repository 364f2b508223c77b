#include "engine/assess.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace twitchcheck {

bool CheckEvidence(const Knowledge& kb, const std::vector<Evidence>& evidence, std::string* err) {
  for (const Evidence& e : evidence)
    if (kb.FindingIndex(e.id) < 0) {
      *err = "unknown finding id '" + e.id + "'";
      return false;
    }
  return true;
}

double AdjustedPrior(const Condition& c, const Patient& patient) {
  double odds = c.prior / (1 - c.prior);
  for (const PriorFactor& f : c.prior_factors) {
    bool age_rule = f.min_age || f.max_age;
    if (age_rule) {
      // Unknown age: no adjustment either way (missing information stays neutral).
      if (!patient.age) continue;
      if (f.min_age && *patient.age < *f.min_age) continue;
      if (f.max_age && *patient.age > *f.max_age) continue;
    }
    if (f.sex && patient.sex != f.sex) continue;
    odds *= f.factor;
  }
  double p = odds / (1 + odds);
  return std::clamp(p, 1e-9, 1 - 1e-9);
}

namespace {

// Merges duplicate evidence and applies `implies`: a present finding makes what it
// implies present; an absent one makes what implies it absent. Returns the evidence in
// finding order, with each item's finding index in *index.
std::vector<Evidence> Consolidate(const Knowledge& kb, const std::vector<Evidence>& input,
                                  std::vector<int>* index) {
  std::vector<int> slot(kb.findings.size(), -1);  // finding -> position in `merged`
  std::vector<Evidence> merged;
  std::vector<int> finding;
  for (const Evidence& e : input) {
    int f = kb.FindingIndex(e.id);
    if (f < 0) continue;
    if (slot[f] < 0) {
      slot[f] = static_cast<int>(merged.size());
      merged.push_back(e);
      finding.push_back(f);
      continue;
    }
    MergeReport(&merged[slot[f]], e);
  }
  // Propagate along `implies` (acyclic, checked at load) with a work list.
  std::vector<int> work(finding.begin(), finding.end());
  while (!work.empty()) {
    const int f = work.back();
    work.pop_back();
    const Evidence e = merged[slot[f]];
    auto imply = [&](int g, EvidenceStatus status) {
      Evidence implied;
      implied.id = kb.findings[g].id;
      implied.status = status;
      implied.origin = Origin::kImplied;
      implied.spans = e.spans;
      implied.text = e.text;
      if (slot[g] < 0) {
        slot[g] = static_cast<int>(merged.size());
        merged.push_back(std::move(implied));
        finding.push_back(g);
      } else {
        merged[slot[g]] = std::move(implied);
      }
      work.push_back(g);
    };
    if (e.status == EvidenceStatus::kPresent || e.status == EvidenceStatus::kPossible) {
      for (int g : kb.findings[f].implies)
        if (slot[g] < 0 || StatusRank(merged[slot[g]].status) < StatusRank(e.status)) imply(g, e.status);
    } else if (e.status == EvidenceStatus::kAbsent) {
      for (int h : kb.implied_by[f])
        if (slot[h] < 0) imply(h, EvidenceStatus::kAbsent);
    }
  }
  std::vector<size_t> order(merged.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return finding[a] < finding[b]; });
  std::vector<Evidence> out;
  index->clear();
  for (size_t i : order) {
    out.push_back(std::move(merged[i]));
    index->push_back(finding[i]);
  }
  return out;
}

void Explain(const Knowledge& kb, const Model& model, const std::vector<Evidence>& evidence,
             const std::vector<int>& index, ConditionResult* r) {
  const Condition& c = kb.conditions[r->condition];
  const std::vector<int>& link_of = model.link_index[r->condition];
  for (size_t i = 0; i < evidence.size(); ++i) {
    const Evidence& e = evidence[i];
    const int f = index[i];
    if (e.status == EvidenceStatus::kUnknown) continue;
    const bool present = e.status != EvidenceStatus::kAbsent;
    if (link_of[f] < 0) {
      if (present && e.origin != Origin::kImplied) r->unexplained.push_back(f);
      continue;
    }
    const Link& link = c.links[link_of[f]];
    double w = e.status == EvidenceStatus::kPossible ? kb.uncertain_weight : 1.0;
    Contribution con{f, e.status, LinkLogLikelihoodRatio(kb.findings[f].leak, link.strength, present, w),
                     link_of[f]};
    (con.weight >= 0 ? r->supporting : r->conflicting).push_back(std::move(con));
  }
  auto by_weight = [](const Contribution& a, const Contribution& b) {
    return std::fabs(a.weight) != std::fabs(b.weight) ? std::fabs(a.weight) > std::fabs(b.weight)
                                                      : a.finding < b.finding;
  };
  std::sort(r->supporting.begin(), r->supporting.end(), by_weight);
  std::sort(r->conflicting.begin(), r->conflicting.end(), by_weight);
}

// The findings the patient's age sets (`from_age`) that nothing in `input` already reports
// (an answer "no, not a baby" stands: what is said outright wins), appended to *out after a
// copy of `input`; and the words that the age rules out dropped ("with a new baby" read as
// an infant when the patient is 40: the baby is someone else; a pregnancy read in a message
// about a 3-week-old, `possible_at_age`). Answers and structured input
// stay. Returns false, leaving *out alone, when the age changes nothing: the usual case,
// which then costs no copy of the evidence.
bool AddAgeFindings(const Knowledge& kb, const std::vector<Evidence>& input, const Patient& patient,
                    std::vector<Evidence>* out) {
  if (!patient.age) return false;
  auto in_range = [&](const Finding& f) {
    return !(f.from_age_min && *patient.age < *f.from_age_min) && !(f.from_age_max && *patient.age > *f.from_age_max);
  };
  auto ruled_out = [&](const Evidence& e) {
    if (e.origin != Origin::kText || e.status == EvidenceStatus::kAbsent) return false;
    const int f = kb.FindingIndex(e.id);
    if (f < 0) return false;
    const Finding& fd = kb.findings[f];
    if ((fd.possible_age_min && *patient.age < *fd.possible_age_min) ||
        (fd.possible_age_max && *patient.age > *fd.possible_age_max))
      return true;
    return (fd.from_age_min || fd.from_age_max) && !in_range(fd);
  };
  bool changed = false;
  for (const Finding& f : kb.findings) {
    if (!f.from_age_min && !f.from_age_max) continue;
    if (!in_range(f)) continue;
    if (std::any_of(input.begin(), input.end(), [&](const Evidence& e) { return e.id == f.id; })) continue;
    if (!changed) *out = input;
    changed = true;
    Evidence e;
    e.id = f.id;
    e.status = EvidenceStatus::kPresent;
    e.origin = Origin::kAge;
    out->push_back(std::move(e));
  }
  if (std::any_of(input.begin(), input.end(), ruled_out)) {
    if (!changed) *out = input;
    changed = true;
    out->erase(std::remove_if(out->begin(), out->end(), ruled_out), out->end());
  }
  return changed;
}

constexpr char kReportedPossible = 1, kReportedPresent = 2;

// reported[f]: finding f is present (kReportedPresent) or possible (kReportedPossible).
Triage DecideTriage(const Knowledge& kb, const std::vector<char>& reported,
                    const std::vector<ConditionResult>& ranked) {

  Triage t;
  // An `unless` finding holds a level down only when it is reported present, and one that
  // says the complaint is old does not while something is reported as new (meta.yaml
  // recency): the new sign may be days old whatever the twitch's months.
  const bool something_new = std::any_of(kb.recency_new.begin(), kb.recency_new.end(),
                                         [&](int f) { return f >= 0 && reported[f] == kReportedPresent; });
  auto holds_down = [&](int f) {
    if (f < 0 || reported[f] != kReportedPresent) return false;
    return !something_new || std::find(kb.recency_old.begin(), kb.recency_old.end(), f) == kb.recency_old.end();
  };
  std::vector<std::pair<TriageReason, std::string>> reasons;  // reason, specialist
  for (const RedFlag& flag : kb.red_flags) {
    for (const std::vector<int>& alt : flag.when) {
      if (!std::all_of(alt.begin(), alt.end(), [&](int f) { return reported[f]; })) continue;
      if (std::any_of(flag.unless.begin(), flag.unless.end(), holds_down)) continue;
      TriageReason r{flag.level, flag.reason, flag.id, alt, flag.sources};
      reasons.push_back({r, flag.specialist});
      break;
    }
  }
  for (const ConditionResult& cr : ranked) {
    const Condition& c = kb.conditions[cr.condition];
    if (c.urgency == TriageLevel::kSelfCare) continue;
    if (cr.probability < kb.triage_threshold[static_cast<int>(c.urgency)]) continue;
    if (std::any_of(c.urgency_unless.begin(), c.urgency_unless.end(), holds_down)) continue;
    TriageReason r{c.urgency,
                   fmt::format("{} is a possible cause ({:.0f} %): {}", c.name,
                               100 * cr.probability, TriageAction(c.urgency)),
                   c.id, {}, c.sources};
    reasons.push_back({r, c.specialist});
  }
  std::stable_sort(reasons.begin(), reasons.end(), [](const auto& a, const auto& b) {
    return MoreUrgent(a.first.level, b.first.level);
  });
  if (reasons.empty()) {
    t.level = TriageLevel::kSelfCare;
    return t;
  }
  t.level = reasons.front().first.level;
  for (const auto& [r, specialist] : reasons) {
    if (t.specialist.empty() && r.level == t.level && !specialist.empty()) t.specialist = specialist;
    t.reasons.push_back(r);
  }
  return t;
}

std::vector<int> ChooseAdvice(const Knowledge& kb, const std::vector<char>& reported,
                              const std::vector<ConditionResult>& ranked) {
  std::vector<int> out;
  std::vector<char> taken(kb.advice.size(), 0);
  std::vector<char> likely(kb.conditions.size(), 0);
  // A treatment is a doctor's option for a cause that is likely, not merely possible
  // (meta.yaml report.treatment_min_probability).
  std::vector<char> treatable(kb.conditions.size(), 0);
  for (const ConditionResult& cr : ranked) {
    if (cr.probability >= kb.advice_threshold) likely[cr.condition] = 1;
    if (cr.probability >= kb.report.treatment_min_probability) treatable[cr.condition] = 1;
  }
  auto reported_any = [&](const std::vector<int>& fs) {
    return std::any_of(fs.begin(), fs.end(), [&](int f) { return f >= 0 && reported[f]; });
  };
  // Where the item applies at all (the phase of an illness: advice requires/unless).
  auto applies = [&](const Advice& adv) {
    return (adv.requires_findings.empty() || reported_any(adv.requires_findings)) && !reported_any(adv.unless_findings);
  };
  auto take = [&](int a, int condition) {
    if (a < 0 || taken[a] || !applies(kb.advice[a])) return;
    if (kb.advice[a].kind == "treatment" && (condition < 0 || !treatable[condition])) return;
    taken[a] = 1;
    out.push_back(a);
  };
  // The likely causes' own advice first, most likely cause first.
  for (const ConditionResult& cr : ranked)
    if (likely[cr.condition])
      for (int a : kb.conditions[cr.condition].advice) take(a, cr.condition);
  for (size_t a = 0; a < kb.advice.size(); ++a) {
    const Advice& adv = kb.advice[a];
    if (adv.kind == "treatment") {  // offered through a cause that is likely enough, never by a finding alone
      for (int c : adv.when_conditions)
        if (c >= 0 && treatable[c]) take(static_cast<int>(a), c);
      continue;
    }
    bool fits = std::any_of(adv.when_conditions.begin(), adv.when_conditions.end(),
                            [&](int c) { return c >= 0 && likely[c]; }) ||
                std::any_of(adv.when_findings.begin(), adv.when_findings.end(),
                            [&](int f) { return f >= 0 && reported[f]; });
    if (fits) take(static_cast<int>(a), -1);
  }
  for (size_t a = 0; a < kb.advice.size(); ++a)
    if (kb.advice[a].always) take(static_cast<int>(a), -1);
  return out;
}

}  // namespace

Assessment Assess(const Knowledge& kb, const Model& model, const std::vector<Evidence>& input,
                  const Patient& patient) {
  Assessment out;
  std::vector<int> index;
  std::vector<Evidence> with_age;
  out.evidence = Consolidate(kb, AddAgeFindings(kb, input, patient, &with_age) ? with_age : input, &index);
  std::vector<char> reported(kb.findings.size(), 0);

  std::vector<double> prior(kb.conditions.size());
  for (size_t c = 0; c < kb.conditions.size(); ++c) prior[c] = AdjustedPrior(kb.conditions[c], patient);
  std::vector<int> absent;
  std::vector<PositiveObservation> present;
  for (size_t i = 0; i < out.evidence.size(); ++i) {
    const int f = index[i];
    switch (out.evidence[i].status) {
      case EvidenceStatus::kPresent: present.push_back({f, 1.0}); reported[f] = kReportedPresent; break;
      case EvidenceStatus::kPossible:
        present.push_back({f, kb.uncertain_weight});
        reported[f] = kReportedPossible;
        break;
      case EvidenceStatus::kAbsent: absent.push_back(f); break;
      case EvidenceStatus::kUnknown: break;
    }
  }
  InferenceResult inf = Infer(model.network, prior, absent, present);
  out.exact = inf.exact;
  out.dropped = inf.dropped;

  for (size_t c = 0; c < kb.conditions.size(); ++c) {
    ConditionResult r;
    r.condition = static_cast<int>(c);
    r.probability = inf.posterior[c];
    r.prior = prior[c];
    Explain(kb, model, out.evidence, index, &r);
    out.conditions.push_back(std::move(r));
  }
  std::stable_sort(out.conditions.begin(), out.conditions.end(),
                   [](const ConditionResult& a, const ConditionResult& b) {
                     return a.probability > b.probability;
                   });
  out.triage = DecideTriage(kb, reported, out.conditions);
  out.advice = ChooseAdvice(kb, reported, out.conditions);
  return out;
}

bool NamesAComplaint(const Knowledge& kb, const std::vector<Evidence>& evidence) {
  return std::any_of(evidence.begin(), evidence.end(), [&](const Evidence& e) {
    const int f = kb.FindingIndex(e.id);
    if (f < 0 || (e.status != EvidenceStatus::kPresent && e.status != EvidenceStatus::kPossible))
      return false;
    const FindingCategory category = kb.findings[f].category;
    return category == FindingCategory::kSymptom || category == FindingCategory::kSign;
  });
}

bool Understood(const Knowledge& kb, const Assessment& a) {
  if (NamesAComplaint(kb, a.evidence)) return true;
  return std::any_of(a.triage.reasons.begin(), a.triage.reasons.end(),
                     [](const TriageReason& r) { return !r.findings.empty(); });
}

}  // namespace twitchcheck
