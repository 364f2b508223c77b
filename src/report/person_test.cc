// The report as a person reads it: the disposition's reasons, the conflict rule, the
// policy's formatting (docs/report.md).
#include "report/person.h"

#include <gtest/gtest.h>

#include <memory>

#include "twitchcheck/engine.h"

namespace twitchcheck {
namespace {

std::unique_ptr<Engine> Open() {
  Options options;
  options.today = Date{2026, 6, 15};
  std::unique_ptr<Engine> engine;
  EXPECT_TRUE(Engine::Open(options, &engine).ok());
  return engine;
}

AssessReport AssessText(const Engine& e, const std::string& text, std::vector<Evidence> given = {}) {
  AssessRequest req;
  req.text = text;
  req.evidence = std::move(given);
  req.patient.age = 45;
  AssessReport r;
  EXPECT_TRUE(e.Assess(req, &r).ok());
  return r;
}

TEST(PersonReportTest, TextEmergencySignStandsAgainstAStructuredDenial) {
  auto e = Open();
  Evidence denied;
  denied.id = "facial_droop";
  denied.status = EvidenceStatus::kAbsent;
  const AssessReport r = AssessText(*e, "my face suddenly drooped", {denied});
  EXPECT_TRUE(r.triage.level == TriageLevel::kEmergencyAmbulance || r.triage.level == TriageLevel::kEmergency);
  ASSERT_EQ(r.conflicts.size(), 1u);
  EXPECT_TRUE(r.conflicts[0].emergency_sign);
  EXPECT_EQ(r.conflicts[0].used, EvidenceStatus::kPresent);
}

TEST(PersonReportTest, NonEmergencyConflictKeepsTheAnswerAndIsShown) {
  auto e = Open();
  Evidence denied;
  denied.id = "eyelid_twitch";
  denied.status = EvidenceStatus::kAbsent;
  const AssessReport r = AssessText(*e, "my eyelid twitches", {denied});
  ASSERT_EQ(r.conflicts.size(), 1u);
  EXPECT_FALSE(r.conflicts[0].emergency_sign);
  EXPECT_EQ(r.conflicts[0].used, EvidenceStatus::kAbsent);
}

TEST(PersonReportTest, EmergencyReasonsAreOnlyThoseOfTheLevelAndNoAdvice) {
  auto e = Open();
  const AssessReport r = AssessText(*e, "my face suddenly drooped on one side and my speech is slurred");
  ASSERT_EQ(r.disposition.level, TriageLevel::kEmergencyAmbulance);
  for (const TriageReasonItem& reason : r.disposition.reasons) EXPECT_EQ(reason.level, r.disposition.level);
  EXPECT_TRUE(r.advice_shown.empty());
  EXPECT_FALSE(r.disposition.do_now.empty());
  EXPECT_FALSE(r.disposition.do_not.empty());
  EXPECT_FALSE(r.disposition.signs.empty());
}

TEST(PersonReportTest, RoutesAsPrimaryCare) {
  auto e = Open();
  EXPECT_EQ(AssessText(*e, "my calf has twitched for three weeks, scared it's ALS, no weakness").disposition.see_id,
            "general_practice");
  EXPECT_EQ(AssessText(*e, "since I started a new antipsychotic two weeks ago my face keeps twitching").disposition.see_id,
            "prescriber");
  const AssessReport r = AssessText(*e, "eyelid twitch for 5 years");
  EXPECT_EQ(r.disposition.see.find('_'), std::string::npos);  // words, never an id
  for (const AdviceInfo* a : r.advice) EXPECT_NE(a->id, "microvascular_decompression_option");
}

TEST(PersonReportTest, NoBotulinumToxinForAFaceThatHasJustDrooped) {
  auto e = Open();
  const AssessReport r = AssessText(*e, "yesterday the right side of my face started drooping, I can't close my eye");
  for (const AdviceInfo* a : r.advice) {
    EXPECT_NE(a->id, "botulinum_toxin_option");
    EXPECT_NE(a->id, "botulinum_toxin_synkinesis");
  }
}

TEST(PersonReportTest, OnlyCausesTheEvidenceMoved) {
  auto e = Open();
  const AssessReport r = AssessText(*e, "my left eyelid has twitched for 5 days, 6 coffees a day");
  ASSERT_FALSE(r.causes.empty());
  for (const CauseView& v : r.causes) EXPECT_TRUE(v.moved);
}

TEST(PersonReportTest, Formatting) {
  ReportPolicy p;
  p.likelihood_words = {{0.7, "likely"}, {0.0, "less likely"}};
  bool numeric = false;
  EXPECT_EQ(FormatLikelihood(p, 0.999, &numeric), "over 95 %");
  EXPECT_EQ(FormatLikelihood(p, 0.43, &numeric), "about 45 %");
  EXPECT_TRUE(numeric);
  EXPECT_EQ(FormatLikelihood(p, 0.05, &numeric), "less likely");
  EXPECT_FALSE(numeric);
  EXPECT_EQ(DurationWords(5), "5 days");
  EXPECT_EQ(DurationWords(21), "3 weeks");
  EXPECT_EQ(DurationWords(400), "1 year");
  EXPECT_EQ(QuoteOf("exams all week, so tired", Span{0, 9}), "exams all week");
}

}  // namespace
}  // namespace twitchcheck
