#pragma once
// The knowledge base in memory: what kb/*.yaml says, resolved to indices and validated.
// Built once by LoadKnowledge(); immutable afterwards and safe to share between threads.
#include <array>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "kb/yaml.h"
#include "twitchcheck/env.h"
#include "twitchcheck/types.h"

namespace twitchcheck {

struct Source {
  std::string id;
  std::string title;
  std::string file;  // set for the shared documents; empty for named references
  std::string kind;  // "document" | "reference"
  std::string url;   // optional
  std::string publisher;  // optional ("NHS", "NICE", "StatPearls Publishing")
  std::string year;       // optional, as written ("2023")
};

// The numbers the text reader reads from a person's words, which `from_attribute` findings
// turn into evidence: the one name table, for the loader and the reader alike.
// The first six are the lexicon's attributes, in its order; "episode_days" is how long one
// episode has gone on ("jerking for forty minutes"), which the lexicon does not limit apart;
// "shortest_duration_days" the shortest duration stated ("twitching for months ... since
// Tuesday"), where duration_days is the longest; "stated_duration_days" the longest said as
// a length ("for twenty minutes"), not counted back ("an hour ago").
inline constexpr std::array<std::string_view, 9> kNumericAttributeNames = {
    "duration_days",          "caffeine_drinks_per_day", "sleep_hours",
    "alcohol_drinks_per_day", "cigarettes_per_day",      "age_years", "episode_days",
    "shortest_duration_days", "stated_duration_days"};
// The index of `name` in kNumericAttributeNames, or -1.
inline int NumericAttributeIndex(std::string_view name) {
  for (size_t i = 0; i < kNumericAttributeNames.size(); ++i)
    if (kNumericAttributeNames[i] == name) return static_cast<int>(i);
  return -1;
}

struct AttributeRange {
  std::string attribute;    // e.g. "duration_days"
  std::optional<double> min;  // inclusive
  std::optional<double> max;  // inclusive
};

inline constexpr size_t kMaxPhraseParts = 4;

enum class FindingCategory { kSymptom, kSign, kExposure, kHistory, kRiskFactor, kAttribute };
// "symptom", "sign", "exposure", "history", "risk_factor", "attribute".
const char* FindingCategoryName(FindingCategory c);
// Inverse of FindingCategoryName; nullopt for an unknown name.
std::optional<FindingCategory> ParseFindingCategory(std::string_view name);

struct Finding {
  std::string id;
  std::string name;
  FindingCategory category = FindingCategory::kSymptom;
  double leak = 0.01;
  std::string question;  // empty = never asked
  // The question when the words are about someone else; {subject} ("your husband") and
  // {their} ("his") are filled from meta.yaml interview.texts. Empty: `question` as it is.
  std::string question_other;
  // The mention itself is the finding (a worry: "what if it's ALS?"), so it counts even
  // when said as a hypothetical, a possibility or about the past; not when denied.
  bool mention_counts = false;
  // A conditional mention still counts ("if it is ALS I have my tablets saved up"): the
  // condition is about something else, the thought or the plan is real. Not when denied,
  // past or someone else's.
  bool hypothetical_counts = false;
  // Its words are also words of the context rules ("worried", "scared" in "scared it is a
  // fit"), so the context engine sees them when it judges other phrases.
  bool cue_words = false;
  // Whether a past mention ("back in the 80s", "as a kid") still sets it: unset, by the
  // category (history, exposures and risk factors count, symptoms and signs do not); false
  // for an exposure that matters only when recent (a bite, a poison).
  std::optional<bool> past_counts;
  // Lay phrasings, lower case; "..." separates parts that may have up to four other words
  // between them (at most kMaxPhraseParts parts).
  std::vector<std::string> phrases;
  // Combinations of lexicon concepts (lexicon.yaml `concepts`) that name the finding when
  // one clause holds a word of each, in any order: [unable, lift, arm] reads "can't raise
  // my left arm" and "my arm, I can't lift it". At most kMaxPhraseParts concepts each.
  std::vector<std::vector<std::string>> combos;
  std::vector<int> implies;  // finding indices
  // The question is about a part of the body or a feature that only some stories have
  // ("Is only one eye affected?"): the interview asks it for information only when one of
  // these findings is present or possible. Empty: always relevant. Red-flag questions are
  // asked whenever a rule needs them, whatever this says.
  std::vector<int> asked_if;  // finding indices
  // Findings whose phrases, where they overlap one of this finding's matches, are not read:
  // "bum cheek" (a buttock twitch) masks the facial cheek twitch inside it.
  std::vector<int> masks;    // finding indices
  std::optional<AttributeRange> from_attribute;
  // The patient's age in whole years, when it is known, sets the finding present (a
  // baby under one is `infant` whatever the words say). Both ends inclusive.
  std::optional<int> from_age_min, from_age_max;
  // The ages at which the finding can be the patient's at all (pregnancy from 10): words
  // that give it to a patient of another known age are about someone else ("our daughter
  // is 3 weeks old, born at 39 weeks"), and are dropped. Both ends inclusive.
  std::optional<int> possible_age_min, possible_age_max;
  // How a report names it in a reason, lower case ("no weakness" is "no " + said_as);
  // empty: the name, its first letter lower-cased.
  std::string said_as;
  std::vector<int> sources;
  std::string file;  // where it was defined, for messages
  int line = 0;
};

struct PriorFactor {
  std::optional<int> min_age, max_age;
  std::optional<Sex> sex;  // nullopt = any
  double factor = 1.0;
};

struct Link {
  int finding = -1;
  double strength = 0;  // P(finding | this cause alone), noisy-OR
  std::vector<int> sources;
};

struct Condition {
  std::string id;
  std::string name;
  std::string description;
  std::string mechanism;
  std::string typical_course;
  double prior = 0.01;
  std::vector<PriorFactor> prior_factors;
  std::string seriousness;  // benign | moderate | serious | critical
  TriageLevel urgency = TriageLevel::kSelfCare;
  // Findings that, reported present, keep this cause's likelihood from setting the level
  // (its red flags still do): someone with epilepsy back to normal after a usual seizure.
  std::vector<int> urgency_unless;
  std::string specialist;
  std::vector<int> advice;
  std::vector<int> sources;
  std::vector<Link> links;
  std::string file;
  int line = 0;
};

struct RedFlag {
  std::string id;
  TriageLevel level = TriageLevel::kConsultation;
  std::string specialist;
  std::string reason;
  std::vector<std::vector<int>> when;  // alternatives of conjunctions of finding indices
  // Findings that, when reported present (not merely possible), keep the flag from firing:
  // a drooping face that has lasted for months is not a stroke happening now.
  std::vector<int> unless;
  std::vector<int> sources;
};

struct Advice {
  std::string id;
  std::string kind;  // lifestyle | diet | sun | medical | test | treatment
  std::string title;
  std::string text;
  std::vector<std::string> foods;
  std::vector<int> when_conditions;
  std::vector<int> when_findings;
  // Where the item applies at all: when non-empty, one of `requires_findings` must be
  // reported; none of `unless_findings` may be (the phase of an illness: botulinum toxin is
  // for the synkinesis of recovery, not for a face that has just drooped).
  std::vector<int> requires_findings;
  std::vector<int> unless_findings;
  bool always = false;
  std::vector<int> sources;
};

// What a report shows by default (meta.yaml `report`; docs/report.md). Defaults are the
// values a knowledge base without the key gets.
struct ReportPolicy {
  int causes_max = 4;
  int causes_max_details = 10;
  double cause_min_odds_ratio = 2.0;  // posterior odds / prior odds for a cause to be listed
  double cause_min_probability = 0.10;
  double number_min_probability = 0.20;  // below: words, not a number
  double number_max = 0.95;              // above: "over 95 %"
  int number_step = 5;                   // percent
  std::vector<std::pair<double, std::string>> likelihood_words;  // (min, word), highest min first
  double reason_min_weight = 0.4;        // log odds a finding must add to be named as a reason
  int reasons_per_cause = 3;
  int advice_max = 3;
  int sources_max = 4;
  double treatment_min_probability = 0.5;
  // advice_kinds[level]: the advice kinds that fit the level, in order; empty: none.
  std::vector<std::string> advice_kinds[5];
  std::string numbers_mean;
  std::string not_enough_information;
  std::string safety_net;
  std::vector<int> safety_net_sources;
  std::string conflict_note;
};

// meta.yaml `dispositions`: a level in plain words.
struct DispositionText {
  std::string headline;
  std::string how_soon;
};

// meta.yaml `routing` (docs/report.md): whom a report names.
struct RoutingPolicy {
  std::string self_care;      // the route for self care (a pharmacist)
  std::string first_contact;  // whom most see first (a GP)
  std::vector<std::string> direct;  // routes named as they are
  std::vector<std::string> prefer;  // order among the routes the level's reasons name
  std::vector<int> specialist_flags;  // red flags that call for their specialist directly
  double specialist_min_probability = 0.5;
  std::string specialist_min_seriousness = "moderate";
};

// meta.yaml `emergency_steps`, per emergency level: what an emergency report says.
struct EmergencySteps {
  std::string do_now;
  std::vector<std::string> tell;    // what to tell the call handler
  std::vector<std::string> do_not;  // what not to do (and what to note)
  std::vector<int> sources;
};
// The interview's policy (meta.yaml interview.policy); the defaults are the built-in
// knowledge base's values.
struct InterviewPolicy {
  size_t max_questions = 12;           // stop after this many questions (the screen is one)
  double min_gain = 0.1;               // stop when no question is expected to teach more (nats)
  double screen_probability = 0.03;    // ask about an emergency sign at least this likely
  double settled_probability = 0.6;    // stop once the leading cause is this likely ...
  double settled_gain = 0.2;           // ... and no question is worth more than this ...
  double open_cause_probability = 0.25;  // ... unless another cause is this likely (and unsettled)
};

// The interview's words (meta.yaml interview): why it stopped, choice labels, the words a
// person may type for each answer (lower case), and the interactive interview's texts.
// Every key of kInterview* below is present after a successful load.
struct InterviewWords {
  std::map<std::string, std::string> stop_reasons;   // kInterviewStopReasons
  std::map<std::string, std::string> answer_labels;  // kInterviewAnswerLabels
  std::map<std::string, std::vector<std::string>> answer_words;  // kInterviewAnswerWords
  std::map<std::string, std::string> texts;          // kInterviewTexts
  // The entry for `key`, or an empty string when there is none.
  const std::string& StopReason(const std::string& key) const;
};
extern const std::vector<const char*> kInterviewStopReasons, kInterviewAnswerLabels, kInterviewAnswerWords,
    kInterviewTexts;

struct Knowledge {
  std::string version;
  std::string population;
  std::string disclaimer;  // shown with every assessment: what this is and is not
  std::vector<Source> sources;
  std::vector<Finding> findings;
  std::vector<Condition> conditions;
  std::vector<RedFlag> red_flags;
  std::vector<Advice> advice;
  // Raw text of the reader's data files (context_rules.yaml, lexicon.yaml), kept so the
  // text stages can build their own tables from the same copy of the knowledge base.
  std::map<std::string, std::string> text_files;

  // Policy numbers from meta.yaml: how likely a cause must be before its urgency sets
  // the triage level (per level), before its advice is offered, and how much an
  // uncertain report ("maybe", "I think") counts (see PositiveObservation::weight).
  double triage_threshold[5] = {0.10, 0.15, 0.25, 0.35, 1.0};
  double advice_threshold = 0.25;
  double uncertain_weight = 0.6;
  // How much the interview values settling a cause of each seriousness (benign, moderate,
  // serious, critical): missing a serious cause costs more than a benign one.
  std::map<std::string, double> interview_weight;
  // The interview's request for a description in the person's own words, asked once when
  // nothing they said names a symptom yet. Empty: never asked.
  std::string describe_question;
  // What to say when nothing in a text names a symptom (SPEC §4: exit 3), and how to get
  // emergency help, shown with the emergency screen's signs (meta.yaml not_understood).
  std::string not_understood;
  // A text of at least foreign_min_words words with more common words of other languages
  // than of English is mostly in another language: below an emergency it gets no level,
  // with not_understood_foreign as its message (meta.yaml not_understood.foreign). 0: off.
  size_t foreign_min_words = 0;
  std::string not_understood_foreign;
  std::string emergency_help;
  // The emergency screen: signs the interview asks about together, once, early, whatever
  // else was said (meta.yaml emergency_screen: question text and finding ids).
  std::string screen_question;
  std::vector<int> screen;
  // Findings that say the complaint is old (recency_old) and that something is new
  // (recency_new), meta.yaml recency. An old one in a red flag's or a cause's `unless` does
  // not hold the level down while a new one is reported too: a sign on top of a twitch of
  // months may itself be days old.
  std::vector<int> recency_old;
  std::vector<int> recency_new;
  // The report: what it shows, how it names levels and whom to see, what an emergency
  // report says (meta.yaml report, dispositions, specialists, routing, emergency_steps).
  ReportPolicy report;
  DispositionText disposition[5];
  std::map<std::string, std::string> specialist_names;  // id -> words for a person
  RoutingPolicy routing;
  EmergencySteps emergency_steps[2];  // [0] emergency_ambulance, [1] emergency
  InterviewPolicy interview_policy;
  InterviewWords interview_words;
  // Where it twitches (meta.yaml interview.where): asked together, once, when nothing said
  // places the twitching on the body. Empty: never asked.
  std::string where_question;
  std::vector<int> where;         // asked
  std::vector<int> where_places;  // also place it (with `where`) when present or possible
  double InterviewWeight(const Condition& c) const {
    auto it = interview_weight.find(c.seriousness);
    return it == interview_weight.end() ? 1.0 : it->second;
  }

  // implied_by[f]: the findings whose `implies` lists f.
  std::vector<std::vector<int>> implied_by;

  int FindingIndex(const std::string& id) const;    // -1 when unknown
  int ConditionIndex(const std::string& id) const;  // -1 when unknown
  int SourceIndex(const std::string& id) const;     // -1 when unknown

  std::unordered_map<std::string, int> finding_index, condition_index, source_index,
      advice_index, red_flag_index;
};

// A problem found while loading: file (its path as given: "DIR/findings.yaml", or
// "kb/findings.yaml" for the built-in copy), line (1-based, 0 = whole file) and what is wrong.
struct KbIssue {
  std::string file;
  int line = 0;
  std::string message;
  std::string ToString() const;
};

// Loads the knowledge base from `dir` (a folder of *.yaml files, read through `env`;
// null: Env::Default()), or from the copy
// compiled into the program when `dir` is empty. Returns nullptr and fills `errors` when
// anything is invalid; every problem found is reported, not just the first.
// Every file must be a regular file within the limits of kb/kb_files.h (docs/limits.md).
std::unique_ptr<Knowledge> LoadKnowledge(Env* env, const std::string& dir, std::vector<KbIssue>* errors);

// As LoadKnowledge, from files already in memory (file name -> text, e.g. "findings.yaml");
// messages name each file as `prefix` + name. Used by LoadKnowledge and the fuzzer.
// `parsed` (optional) holds files already parsed with KnowledgeYamlLimits() (kb/kb_files.h),
// by name, which are then not parsed again. REQUIRES: each is the parse of files[name].
std::unique_ptr<Knowledge> LoadKnowledgeFiles(std::map<std::string, std::string> files,
                                              const std::string& prefix, std::vector<KbIssue>* errors,
                                              const std::map<std::string, YamlNode>* parsed = nullptr);

}  // namespace twitchcheck
