// Safety properties of the assessment over the built-in knowledge base.
#include "engine/assess.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>

#include "report/build.h"
#include "twitchcheck/json.h"
#include "testing/test_support.h"

namespace twitchcheck {
namespace {

const Knowledge& Kb() { return fixtures::BuiltinKb(); }

Evidence Present(const std::string& id) {
  Evidence e;
  e.id = id;
  return e;
}

// The causes SPEC.md §2 requires, spelled exactly (the evaluation data uses them).
const char* const kCanonicalCauses[] = {
    "stress_anxiety", "sleep_deprivation_fatigue", "caffeine_stimulants", "eye_strain",
    "overexertion", "dehydration", "nicotine", "magnesium_deficiency", "hypocalcemia",
    "vitamin_d_deficiency", "electrolyte_imbalance", "vitamin_b12_deficiency",
    "benign_eyelid_myokymia", "benign_fasciculation_syndrome", "hypnic_jerks",
    "restless_legs_syndrome", "hemifacial_spasm", "blepharospasm", "bells_palsy",
    "facial_nerve_injury", "intracranial_mass", "multiple_sclerosis", "tic_disorder", "stroke",
    "focal_seizure", "als", "peripheral_neuropathy", "radiculopathy", "isaacs_syndrome",
    "muscular_dystrophy", "myopathy", "hypothyroid_myopathy", "medication_side_effect"};

TEST(KnowledgeTest, EveryCanonicalCauseExists) {
  for (const char* id : kCanonicalCauses) EXPECT_GE(Kb().ConditionIndex(id), 0) << id;
}

TEST(KnowledgeTest, EveryCauseLinkFlagAndAdviceCitesASource) {
  for (const Condition& c : Kb().conditions) {
    EXPECT_FALSE(c.sources.empty()) << c.id;
    for (const Link& l : c.links) EXPECT_FALSE(l.sources.empty()) << c.id;
  }
  for (const RedFlag& f : Kb().red_flags) EXPECT_FALSE(f.sources.empty()) << f.id;
  for (const Advice& a : Kb().advice) EXPECT_FALSE(a.sources.empty()) << a.id;
}

// Safety principle: never advise stopping a prescribed drug without the prescriber.
TEST(KnowledgeTest, MedicationAdviceNeverSaysStopAlone) {
  for (const Advice& a : Kb().advice) {
    std::string text = a.title + " " + a.text;
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
    bool medication = text.find("medic") != std::string::npos || text.find("drug") != std::string::npos ||
                      text.find("prescri") != std::string::npos;
    if (medication && text.find("stop") != std::string::npos) {
      EXPECT_TRUE(text.find("prescriber") != std::string::npos || text.find("doctor") != std::string::npos)
          << a.id << ": " << a.text;
    }
  }
}

TEST(KnowledgeTest, EmergencyRulesExist) {
  int emergencies = 0;
  for (const RedFlag& f : Kb().red_flags)
    emergencies += f.level == TriageLevel::kEmergency || f.level == TriageLevel::kEmergencyAmbulance;
  EXPECT_GE(emergencies, 5);
}

// Every red flag, on its own findings, sets at least its level and says why — and keeps
// doing so when everything else the person could deny is denied.
TEST(AssessTest, EveryRedFlagSetsItsMinimumLevel) {
  for (const RedFlag& flag : Kb().red_flags) {
    for (const std::vector<int>& alt : flag.when) {
      std::vector<Evidence> ev;
      for (int f : alt) ev.push_back(Present(Kb().findings[f].id));
      for (const Patient& p : {Patient{}, Patient{25, Sex::kFemale}, Patient{80, Sex::kMale}}) {
        Assessment a = Assess(Kb(), fixtures::BuiltinModel(), ev, p);
        EXPECT_FALSE(MoreUrgent(flag.level, a.triage.level)) << flag.id;
        bool reason = std::any_of(a.triage.reasons.begin(), a.triage.reasons.end(),
                                  [&](const TriageReason& r) { return r.rule == flag.id; });
        EXPECT_TRUE(reason) << flag.id;
      }
      std::vector<Evidence> denied = ev;
      for (const Finding& f : Kb().findings) {
        bool in_alt = std::any_of(alt.begin(), alt.end(), [&](int x) { return Kb().findings[x].id == f.id; });
        if (in_alt) continue;
        Evidence e = Present(f.id);
        e.status = EvidenceStatus::kAbsent;
        denied.push_back(e);
      }
      Assessment a = Assess(Kb(), fixtures::BuiltinModel(), denied, Patient{});
      EXPECT_FALSE(MoreUrgent(flag.level, a.triage.level)) << flag.id << " with everything else denied";
    }
  }
}

// An uncertain report of an emergency sign still escalates: safety first.
TEST(AssessTest, PossibleEmergencySignsStillEscalate) {
  for (const RedFlag& flag : Kb().red_flags) {
    if (flag.level != TriageLevel::kEmergencyAmbulance) continue;
    std::vector<Evidence> ev;
    for (int f : flag.when[0]) {
      Evidence e = Present(Kb().findings[f].id);
      e.status = EvidenceStatus::kPossible;
      ev.push_back(e);
    }
    EXPECT_EQ(Assess(Kb(), fixtures::BuiltinModel(), ev, Patient{}).triage.level, TriageLevel::kEmergencyAmbulance) << flag.id;
  }
}

// Unknown is not absent: marking every other finding unknown changes nothing.
TEST(AssessTest, UnknownAnswersAreNeutral) {
  std::vector<Evidence> ev = {Present(Kb().findings[0].id)};
  Assessment base = Assess(Kb(), fixtures::BuiltinModel(), ev, Patient{40, Sex::kMale});
  for (size_t f = 1; f < Kb().findings.size(); ++f) {
    Evidence e = Present(Kb().findings[f].id);
    e.status = EvidenceStatus::kUnknown;
    ev.push_back(e);
  }
  Assessment with_unknowns = Assess(Kb(), fixtures::BuiltinModel(), ev, Patient{40, Sex::kMale});
  ASSERT_EQ(base.conditions.size(), with_unknowns.conditions.size());
  for (size_t i = 0; i < base.conditions.size(); ++i) {
    EXPECT_EQ(base.conditions[i].condition, with_unknowns.conditions[i].condition);
    EXPECT_NEAR(base.conditions[i].probability, with_unknowns.conditions[i].probability, 1e-12);
  }
  EXPECT_EQ(base.triage.level, with_unknowns.triage.level);
}

TEST(AssessTest, ResultsAreRankedProbabilitiesAndDeterministic) {
  std::vector<Evidence> ev;
  for (size_t f = 0; f < Kb().findings.size(); f += 7) ev.push_back(Present(Kb().findings[f].id));
  Assessment a = Assess(Kb(), fixtures::BuiltinModel(), ev, Patient{50, Sex::kFemale});
  Assessment b = Assess(Kb(), fixtures::BuiltinModel(), ev, Patient{50, Sex::kFemale});
  EXPECT_EQ(AssessReportJson(BuildAssessReport(Kb(), BuildReportTexts(Kb()), a, Patient{}, nullptr, true)),
            AssessReportJson(BuildAssessReport(Kb(), BuildReportTexts(Kb()), b, Patient{}, nullptr, true)));
  for (size_t i = 0; i < a.conditions.size(); ++i) {
    EXPECT_GE(a.conditions[i].probability, 0.0);
    EXPECT_LE(a.conditions[i].probability, 1.0);
    if (i) {
      EXPECT_GE(a.conditions[i - 1].probability, a.conditions[i].probability);
    }
  }
}

// A present finding's explanation weight has the sign of its effect on the cause alone.
TEST(AssessTest, SupportingAndConflictingEvidenceHaveTheirSigns) {
  const Condition& c = Kb().conditions[0];
  std::vector<Evidence> ev;
  Evidence yes = Present(Kb().findings[c.links[0].finding].id);
  ev.push_back(yes);
  if (c.links.size() > 1) {
    Evidence no = Present(Kb().findings[c.links[1].finding].id);
    no.status = EvidenceStatus::kAbsent;
    ev.push_back(no);
  }
  Assessment a = Assess(Kb(), fixtures::BuiltinModel(), ev, Patient{});
  for (const ConditionResult& r : a.conditions) {
    for (const Contribution& s : r.supporting) EXPECT_GE(s.weight, 0);
    for (const Contribution& s : r.conflicting) EXPECT_LT(s.weight, 0);
  }
}

TEST(AssessTest, AgeAndSexFactorsOnlyApplyWhenKnown) {
  for (const Condition& c : Kb().conditions) EXPECT_NEAR(AdjustedPrior(c, Patient{}), c.prior, 1e-12) << c.id;
}

}  // namespace
}  // namespace twitchcheck
