#pragma once
// What the engine answers: reports carrying ids *and* the text to show (names, reasons,
// advice, sources), so a report outlives the engine that made it and can be rendered or
// serialised without the knowledge base. Every renderer (terminal, JSON, later HTML and
// the web page) works from these types alone. The knowledge base's own wording (a cause's
// description, an advice item, a source) is not copied into each report: items point into
// one immutable ReportTexts that every report shares with the engine and keeps alive.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "twitchcheck/types.h"

namespace twitchcheck {

// A source that a report cites: one of the knowledge base's references.
struct SourceInfo {
  std::string id;
  std::string title;
  std::string kind;  // "document" | "reference"
  std::string file;  // the shared document's file name; empty for named references
  std::string url;   // empty when the knowledge base gives none
  std::string publisher;  // empty when unknown ("NHS", "NICE")
  std::string year;       // empty when unknown
};
using SourceList = std::vector<const SourceInfo*>;

// A finding named in a report: its id and its name for a person.
struct FindingRef {
  std::string id;
  std::string name;
  std::string said_as;  // how a reason names it, lower case ("weakness"): never empty in a report
};

// A cause as the knowledge base describes it.
struct ConditionInfo {
  std::string id;
  std::string name;
  std::string description;
  std::string seriousness;  // benign | moderate | serious | critical
  TriageLevel urgency = TriageLevel::kSelfCare;
  std::string specialist;
  SourceList sources;
};

// An item of advice as the knowledge base words it.
struct AdviceInfo {
  std::string id;
  std::string kind;  // lifestyle | diet | sun | medical | test | treatment
  std::string title;
  std::string text;
  std::vector<std::string> foods;
  bool always = false;  // shown with every assessment (the safety net)
  SourceList sources;
};

// The text of the knowledge base that reports show, immutable once the engine is open.
// Every report holds a reference to it (AssessReport::texts), so the pointers in a report
// stay valid for as long as the report lives, whether or not the engine does.
struct ReportTexts {
  std::vector<SourceInfo> sources;
  std::vector<FindingRef> findings;
  std::vector<ConditionInfo> conditions;
  std::vector<AdviceInfo> advice;
  // Per condition, per link: the link's sources (the evidence for that cause-finding pair).
  std::vector<std::vector<SourceList>> link_sources;
};

// One piece of evidence as the engine used it.
struct EvidenceItem {
  std::string id;    // finding id
  std::string name;  // the finding's name (the id when the finding is unknown)
  EvidenceStatus status = EvidenceStatus::kPresent;
  Origin origin = Origin::kInput;
  std::vector<Span> spans;        // byte offsets into the text read; empty for answers
  std::string text;               // the words that matched, as written
  std::vector<std::string> cues;  // context cues that changed the status ("no", "maybe")
};

// A phrase that was recognised in the text but is not evidence about this person now.
struct SetAsideItem {
  std::string id;    // finding id
  std::string name;  // the finding's name
  Span span;
  std::string why;   // "hypothetical", "someone else", "in the past"
};

// A value read from the text: a duration, a quantity, a site, a side, an age, a sex.
struct AttributeItem {
  std::string kind;   // "duration", "site", "side", "quantity", "age", "sex", ...
  std::string value;  // as the reader normalised it ("21 days", "left")
  Span span;
};

// One finding's share in a cause's probability (natural log likelihood ratio).
struct ContributionItem {
  const FindingRef* finding = nullptr;  // never null in a report
  EvidenceStatus status = EvidenceStatus::kPresent;
  double weight = 0;                    // > 0 supports, < 0 argues against
  const SourceList* sources = nullptr;  // the link's sources; never null in a report
};

// A cause, as likely as the evidence makes it.
struct ConditionItem {
  const ConditionInfo* info = nullptr;  // never null in a report
  double probability = 0;  // posterior P(cause present | evidence); causes can act at once
  double prior = 0;        // after age and sex
  std::vector<ContributionItem> supporting;   // strongest first
  std::vector<ContributionItem> conflicting;  // strongest first
  std::vector<const FindingRef*> unexplained;  // present findings it does not produce
};

// A reason for the triage level: a red flag that fired, or a cause likely enough.
struct TriageReasonItem {
  TriageLevel level = TriageLevel::kSelfCare;
  std::string text;                   // the reason, for a person
  std::string rule;                   // red flag id, or condition id
  std::vector<std::string> findings;  // ids of the findings that fired a red flag
  SourceList sources;
};

struct TriageReport {
  TriageLevel level = TriageLevel::kSelfCare;
  std::string action;      // what to do at this level, for a person
  std::string specialist;  // whom to see; empty for self care
  std::vector<TriageReasonItem> reasons;  // most urgent first
};

// What the text said, as read (`parse`).
struct ReadingReport {
  std::vector<EvidenceItem> evidence;
  std::vector<SetAsideItem> set_aside;
  std::vector<AttributeItem> attributes;
  Patient patient;          // age and sex read from the text, if stated
  bool names_complaint = false;  // some present or possible symptom or sign was read
};

// A structured answer (--evidence, an API request) that disagrees with the text about
// one finding, and which reading the assessment used.
struct ConflictItem {
  FindingRef finding;
  EvidenceStatus given = EvidenceStatus::kAbsent;  // the structured answer
  EvidenceStatus read = EvidenceStatus::kPresent;  // what the text says
  std::string text;                                // the words of the text
  EvidenceStatus used = EvidenceStatus::kAbsent;   // what the assessment used
  bool emergency_sign = false;  // an emergency sign: the more urgent reading stands
};

// The disposition: what the person should do, in plain words, for the level decided.
struct DispositionReport {
  TriageLevel level = TriageLevel::kSelfCare;
  std::string headline;  // "Call an ambulance now"
  std::string do_now;    // emergency levels: the knowledge base's instruction; else empty
  std::string see;       // whom to see, in plain words; never an id
  std::string see_id;    // the route it names ("general_practice", "prescriber")
  std::string how_soon;  // "within 24 hours"
  // The reasons for this level only, most important first (no milder reason under an
  // emergency). Causes' reasons are reworded ("Stroke is possible (about 35 %)").
  std::vector<TriageReasonItem> reasons;
  // Emergency levels: the findings that set the level (the signs), what to tell the call
  // handler, what not to do; the sources of that wording.
  std::vector<FindingRef> signs;
  std::vector<std::string> signs_said;  // per sign: the words of the text, or empty
  std::vector<std::string> tell;
  std::vector<std::string> do_not;
  SourceList sources;
};

// A cause as a report shows it.
struct CauseView {
  size_t condition = 0;  // index into AssessReport::conditions
  bool moved = false;    // the evidence moved it (odds ratio past the policy's bar)
  double odds_ratio = 1;  // posterior odds / prior odds
  bool numeric = false;  // the probability is worth a number
  std::string likelihood;  // "about 90 %", "over 95 %", or words ("possible")
  std::vector<std::string> why;      // plain reasons, one fact each ("6 coffees a day")
  std::vector<std::string> against;  // "no weakness"
};

// The assessment (`assess`).
struct AssessReport {
  // False when a text was given, no structured evidence, and nothing in the text names a
  // symptom it can read (SPEC §4): then no level is to be shown, only `not_understood`,
  // `emergency_help` and `emergency_signs`. The other fields are filled all the same.
  bool understood = true;
  std::string not_understood;
  std::string emergency_help;
  std::vector<FindingRef> emergency_signs;

  TriageReport triage;
  // The causes worth listing: every cause down to the knowledge base's listing threshold,
  // and at least the first few; most probable first.
  std::vector<ConditionItem> conditions;
  std::vector<EvidenceItem> evidence;  // as used, after implications
  std::vector<const AdviceInfo*> advice;  // most relevant first
  Patient patient;                     // as assessed (given, else read from the text)
  bool exact = true;                   // false if inference had to leave findings out
  std::vector<const FindingRef*> dropped;  // the findings left out
  bool has_reading = false;            // a text was read: set_aside and attributes apply
  std::vector<SetAsideItem> set_aside;
  std::vector<AttributeItem> attributes;
  // The sources the report as a whole cites: the triage reasons', the leading causes',
  // the advice's; in the knowledge base's order.
  SourceList cited;
  std::string knowledge_version;
  std::string disclaimer;

  // ---- The report as a person reads it (docs/report.md); policy from meta.yaml `report`.
  DispositionReport disposition;
  // The causes a short report shows: moved by the evidence, likely enough, at most
  // causes_max; empty when nothing moved any cause (then `not_enough_information`).
  std::vector<CauseView> causes;
  std::vector<CauseView> causes_details;  // --details: the first causes_max_details
  bool enough_information = true;
  std::string not_enough_information;
  std::string numbers_mean;  // what the numbers mean; several causes can act at once
  // The evidence as understood, one fact per line in plain words ("no weakness",
  // "for about 5 days", "eyelid twitching (\"my left eyelid twitches\")").
  std::vector<std::string> understood_lines;
  // The advice that fits the level (none for an emergency), at most advice_max, without
  // the always-shown items; the safety net in short.
  std::vector<const AdviceInfo*> advice_shown;
  std::string safety_net;
  SourceList safety_net_sources;
  std::vector<ConflictItem> conflicts;
  std::string conflict_note;
  SourceList sources_shown;  // what a short report cites, at most sources_max
  // What the pointers above point into: shared with the engine, kept alive by the report.
  std::shared_ptr<const ReportTexts> texts;
};

// One question of the interview.
struct QuestionReport {
  enum class Type {
    kFreeText,       // "describe": the person's own words, added to the request's text
    kGroupMultiple,  // the emergency screen: one answer per item
    kSingle,         // yes / no / don't know about one finding
  };
  std::string id;      // "describe", "emergency_screen", or the finding id
  Type type = Type::kSingle;
  std::string text;    // the question, for a person
  std::string reason;  // "describe", "emergency_screen", "red_flag" or "information_gain"
  double gain = 0;     // expected information gain (nats) or, for red flags, P(present)
  std::vector<FindingRef> items;  // the findings the answers are about (empty for free text)
};
// "free_text", "group_multiple", "single".
const char* QuestionTypeName(QuestionReport::Type t);

// One step of the stateless interview.
struct InterviewStepReport {
  std::optional<QuestionReport> question;  // nullopt when the interview should stop
  bool should_stop = false;
  std::string stop_reason;  // why it stopped, for a person
  AssessReport assessment;  // on everything known so far
};

}  // namespace twitchcheck
