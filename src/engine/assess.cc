#include "engine/assess.h"

#include <algorithm>
#include <cmath>
#include <map>

#include <fmt/format.h>

namespace twitchcheck {

const char* EvidenceStatusName(EvidenceStatus s) {
  switch (s) {
    case EvidenceStatus::kPresent: return "present";
    case EvidenceStatus::kPossible: return "possible";
    case EvidenceStatus::kAbsent: return "absent";
    case EvidenceStatus::kUnknown: return "unknown";
  }
  return "unknown";
}

bool ParseEvidenceStatus(const std::string& name, EvidenceStatus* out) {
  for (EvidenceStatus s : {EvidenceStatus::kPresent, EvidenceStatus::kPossible,
                           EvidenceStatus::kAbsent, EvidenceStatus::kUnknown})
    if (name == EvidenceStatusName(s)) {
      *out = s;
      return true;
    }
  return false;
}

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
    if (!f.sex.empty() && (!patient.sex || *patient.sex != f.sex)) continue;
    odds *= f.factor;
  }
  double p = odds / (1 + odds);
  return std::clamp(p, 1e-9, 1 - 1e-9);
}

namespace {

// Rank of a status when one finding is reported several ways: a symptom mentioned both
// as present and denied counts as present (safety: never lose a reported symptom).
int Strength(EvidenceStatus s) {
  switch (s) {
    case EvidenceStatus::kPresent: return 3;
    case EvidenceStatus::kPossible: return 2;
    case EvidenceStatus::kAbsent: return 1;
    case EvidenceStatus::kUnknown: return 0;
  }
  return 0;
}

// Merges duplicate evidence and applies `implies`: a present finding makes what it
// implies present; an absent one makes what implies it absent.
std::vector<Evidence> Consolidate(const Knowledge& kb, const std::vector<Evidence>& input) {
  std::map<int, Evidence> by_finding;
  for (const Evidence& e : input) {
    int f = kb.FindingIndex(e.id);
    if (f < 0) continue;
    auto [it, fresh] = by_finding.emplace(f, e);
    if (!fresh) {
      Evidence& have = it->second;
      if (Strength(e.status) > Strength(have.status)) {
        std::vector<Span> spans = have.spans;
        have = e;
        have.spans.insert(have.spans.end(), spans.begin(), spans.end());
      } else {
        have.spans.insert(have.spans.end(), e.spans.begin(), e.spans.end());
      }
    }
  }
  // Propagate until nothing changes; `implies` is acyclic (checked at load).
  for (bool changed = true; changed;) {
    changed = false;
    for (auto& [f, e] : std::map<int, Evidence>(by_finding)) {
      if (e.status == EvidenceStatus::kPresent || e.status == EvidenceStatus::kPossible) {
        for (int g : kb.findings[f].implies) {
          auto it = by_finding.find(g);
          if (it == by_finding.end() || Strength(it->second.status) < Strength(e.status)) {
            Evidence implied;
            implied.id = kb.findings[g].id;
            implied.status = e.status;
            implied.origin = "implied";
            implied.spans = e.spans;
            implied.text = e.text;
            by_finding[g] = implied;
            changed = true;
          }
        }
      } else if (e.status == EvidenceStatus::kAbsent) {
        for (size_t h = 0; h < kb.findings.size(); ++h) {
          const auto& imp = kb.findings[h].implies;
          if (std::find(imp.begin(), imp.end(), f) == imp.end()) continue;
          if (by_finding.count(static_cast<int>(h))) continue;
          Evidence implied;
          implied.id = kb.findings[h].id;
          implied.status = EvidenceStatus::kAbsent;
          implied.origin = "implied";
          implied.spans = e.spans;
          implied.text = e.text;
          by_finding[static_cast<int>(h)] = implied;
          changed = true;
        }
      }
    }
  }
  std::vector<Evidence> out;
  for (auto& [f, e] : by_finding) out.push_back(std::move(e));
  return out;
}

void Explain(const Knowledge& kb, const std::vector<Evidence>& evidence, ConditionResult* r) {
  const Condition& c = kb.conditions[r->condition];
  std::map<int, const Link*> links;
  for (const Link& l : c.links) links[l.finding] = &l;
  for (const Evidence& e : evidence) {
    int f = kb.FindingIndex(e.id);
    if (e.status == EvidenceStatus::kUnknown) continue;
    auto it = links.find(f);
    bool present = e.status != EvidenceStatus::kAbsent;
    if (it == links.end()) {
      if (present && e.origin != "implied") r->unexplained.push_back(f);
      continue;
    }
    double w = e.status == EvidenceStatus::kPossible ? kb.uncertain_weight : 1.0;
    Contribution con{f, e.status,
                     LinkLogLikelihoodRatio(kb.findings[f].leak, it->second->strength, present, w),
                     it->second->sources};
    (con.weight >= 0 ? r->supporting : r->conflicting).push_back(con);
  }
  auto by_weight = [](const Contribution& a, const Contribution& b) {
    return std::fabs(a.weight) != std::fabs(b.weight) ? std::fabs(a.weight) > std::fabs(b.weight)
                                                      : a.finding < b.finding;
  };
  std::sort(r->supporting.begin(), r->supporting.end(), by_weight);
  std::sort(r->conflicting.begin(), r->conflicting.end(), by_weight);
}

Triage DecideTriage(const Knowledge& kb, const std::vector<Evidence>& evidence,
                    const std::vector<ConditionResult>& ranked) {
  std::vector<char> reported(kb.findings.size(), 0);
  for (const Evidence& e : evidence)
    if (e.status == EvidenceStatus::kPresent || e.status == EvidenceStatus::kPossible)
      reported[kb.FindingIndex(e.id)] = 1;

  Triage t;
  std::vector<std::pair<TriageReason, std::string>> reasons;  // reason, specialist
  for (const RedFlag& flag : kb.red_flags) {
    for (const std::vector<int>& alt : flag.when) {
      if (!std::all_of(alt.begin(), alt.end(), [&](int f) { return reported[f]; })) continue;
      TriageReason r{flag.level, flag.reason, flag.id, alt, flag.sources};
      reasons.push_back({r, flag.specialist});
      break;
    }
  }
  for (const ConditionResult& cr : ranked) {
    const Condition& c = kb.conditions[cr.condition];
    if (c.urgency == TriageLevel::kSelfCare) continue;
    if (cr.probability < kb.triage_threshold[static_cast<int>(c.urgency)]) continue;
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

std::vector<int> ChooseAdvice(const Knowledge& kb, const std::vector<Evidence>& evidence,
                              const std::vector<ConditionResult>& ranked) {
  std::vector<int> out;
  std::vector<char> taken(kb.advice.size(), 0);
  auto take = [&](int a) {
    if (a >= 0 && !taken[a]) {
      taken[a] = 1;
      out.push_back(a);
    }
  };
  std::vector<char> likely(kb.conditions.size(), 0);
  for (const ConditionResult& cr : ranked)
    if (cr.probability >= kb.advice_threshold) likely[cr.condition] = 1;
  std::vector<char> reported(kb.findings.size(), 0);
  for (const Evidence& e : evidence)
    if (e.status == EvidenceStatus::kPresent || e.status == EvidenceStatus::kPossible)
      reported[kb.FindingIndex(e.id)] = 1;
  // The likely causes' own advice first, most likely cause first.
  for (const ConditionResult& cr : ranked)
    if (likely[cr.condition])
      for (int a : kb.conditions[cr.condition].advice) take(a);
  for (size_t a = 0; a < kb.advice.size(); ++a) {
    const Advice& adv = kb.advice[a];
    bool fits = std::any_of(adv.when_conditions.begin(), adv.when_conditions.end(),
                            [&](int c) { return c >= 0 && likely[c]; }) ||
                std::any_of(adv.when_findings.begin(), adv.when_findings.end(),
                            [&](int f) { return f >= 0 && reported[f]; });
    if (fits) take(static_cast<int>(a));
  }
  for (size_t a = 0; a < kb.advice.size(); ++a)
    if (kb.advice[a].always) take(static_cast<int>(a));
  return out;
}

}  // namespace

Assessment Assess(const Knowledge& kb, const std::vector<Evidence>& input, const Patient& patient) {
  Assessment out;
  out.evidence = Consolidate(kb, input);

  std::vector<double> prior(kb.conditions.size());
  for (size_t c = 0; c < kb.conditions.size(); ++c) prior[c] = AdjustedPrior(kb.conditions[c], patient);
  std::vector<int> absent;
  std::vector<PositiveObservation> present;
  for (const Evidence& e : out.evidence) {
    int f = kb.FindingIndex(e.id);
    switch (e.status) {
      case EvidenceStatus::kPresent: present.push_back({f, 1.0}); break;
      case EvidenceStatus::kPossible: present.push_back({f, kb.uncertain_weight}); break;
      case EvidenceStatus::kAbsent: absent.push_back(f); break;
      case EvidenceStatus::kUnknown: break;
    }
  }
  InferenceResult inf = Infer(kb.network, prior, absent, present);
  out.exact = inf.exact;
  out.dropped = inf.dropped;

  for (size_t c = 0; c < kb.conditions.size(); ++c) {
    ConditionResult r;
    r.condition = static_cast<int>(c);
    r.probability = inf.posterior[c];
    r.prior = prior[c];
    Explain(kb, out.evidence, &r);
    out.conditions.push_back(std::move(r));
  }
  std::stable_sort(out.conditions.begin(), out.conditions.end(),
                   [](const ConditionResult& a, const ConditionResult& b) {
                     return a.probability > b.probability;
                   });
  out.triage = DecideTriage(kb, out.evidence, out.conditions);
  out.advice = ChooseAdvice(kb, out.evidence, out.conditions);
  return out;
}

}  // namespace twitchcheck
