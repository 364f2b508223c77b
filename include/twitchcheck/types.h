#pragma once
// twitchcheck's core value types: the words of the domain that every layer and every face
// (command line, HTTP, an embedding app) shares. Plain data, no third-party types; each
// enum has one name table (the *Name / Parse* pairs below), the names of SPEC.md.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace twitchcheck {

// The five triage levels of SPEC.md §3, most urgent first.
enum class TriageLevel {
  kEmergencyAmbulance = 0,
  kEmergency = 1,
  kConsultation24 = 2,
  kConsultation = 3,
  kSelfCare = 4,
};

// "emergency_ambulance", "emergency", "consultation_24", "consultation", "self_care".
std::string_view TriageName(TriageLevel level);
// Inverse of TriageName; nullopt for an unknown name.
std::optional<TriageLevel> ParseTriage(std::string_view name);
// True when `a` is more urgent than `b`.
inline bool MoreUrgent(TriageLevel a, TriageLevel b) { return static_cast<int>(a) < static_cast<int>(b); }
// Plain words for a person: what to do at this level.
std::string_view TriageAction(TriageLevel level);

enum class EvidenceStatus {
  kPresent,   // reported
  kPossible,  // reported with doubt ("maybe", "I think"): counts partly, fires red flags
  kAbsent,    // denied ("no weakness")
  kUnknown,   // asked but not known: neutral, exactly like never asked
};

// "present" | "possible" | "absent" | "unknown".
const char* EvidenceStatusName(EvidenceStatus s);
// Inverse of EvidenceStatusName; false (and *out untouched) for an unknown name.
bool ParseEvidenceStatus(std::string_view name, EvidenceStatus* out);
// How strongly a status reports a finding, for merging reports of it: present 3, possible
// 2, absent 1, unknown 0 (a symptom reported anywhere is never lost to a denial elsewhere).
int StatusRank(EvidenceStatus s);

// Where a piece of evidence came from.
enum class Origin {
  kText,       // the person's words (a phrase)
  kAttribute,  // a number or attribute in their words ("for 3 weeks", "6 coffees")
  kAnswer,     // an answer to an interview question
  kInput,      // structured input (--evidence, an API request)
  kImplied,    // implied by another finding (knowledge base `implies`)
  kDiary,      // what the diary shows
  kAge,        // the patient's age (knowledge base `from_age`: a baby under one is an infant)
};
// "text", "attribute", "answer", "input", "implied", "diary", "age".
const char* OriginName(Origin o);

enum class Sex { kFemale, kMale };
// "female" | "male".
const char* SexName(Sex s);
// Inverse of SexName: exactly "female" or "male"; nullopt otherwise.
std::optional<Sex> ParseSex(std::string_view name);

struct Patient {
  std::optional<int> age;  // whole years, 0..120 (kMaxAgeYears)
  std::optional<Sex> sex;
};

// The oldest age accepted anywhere (structured input, text, knowledge base).
inline constexpr int kMaxAgeYears = 120;

struct Span {
  size_t begin = 0;  // byte offsets into the text the evidence was read from
  size_t end = 0;
};

// What is known about one finding for one person, from their words, their answers or
// structured input.
struct Evidence {
  std::string id;  // finding id
  EvidenceStatus status = EvidenceStatus::kPresent;
  std::vector<Span> spans;         // where in the text (empty for answers)
  std::string text;                // the words that matched, as written
  Origin origin = Origin::kInput;
  std::vector<std::string> cues;   // context cues that changed the status ("no", "maybe")
};

// Folds another report of the same finding into `have`: the stronger status wins
// (present > possible > absent > unknown: a symptom reported anywhere is never lost to a
// denial elsewhere), and the spans of both are kept.
void MergeReport(Evidence* have, Evidence other);

// `given` (answers, structured input) first, then each item of `read` (from the text)
// whose finding `given` does not already cover: what a person states outright overrides
// what was read from their words.
std::vector<Evidence> CombineEvidence(const std::vector<Evidence>& given,
                                      const std::vector<Evidence>& read);

// A calendar date (proleptic Gregorian), the reference for "since Monday".
struct Date {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31
  friend bool operator==(const Date&, const Date&) = default;
};
// Parses YYYY-MM-DD (a real date, years 1900..9999); nullopt otherwise.
std::optional<Date> ParseDate(std::string_view s);
// YYYY-MM-DD.
std::string FormatDate(const Date& d);

}  // namespace twitchcheck
