#pragma once
// Word-level data for the text reader, from kb/lexicon.yaml (format: docs/text-reader.md,
// "Attributes"): spelling variants, number words, duration units, the vocabularies of
// attribute mentions (sites, sides, onset, frequency, time of day, progression, spread),
// drinks and smokes, people words, and the cue words around numbers. Loading turns it into
// lookup tables keyed by match key (the stem of the spelling-corrected word), so reading a
// text costs a few hash lookups per token and nothing else.
#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "text/word_table.h"
#include "twitchcheck/types.h"

namespace twitchcheck {

// The lexicon's compact code for a sex (its word tables keep one byte): 0 none, 1 female,
// 2 male; the names are SexName's.
inline int8_t SexCode(std::string_view s) {
  const std::optional<Sex> sex = ParseSex(s);
  return !sex ? 0 : *sex == Sex::kFemale ? 1 : 2;
}
inline const char* SexCodeName(int code) { return SexName(code == 1 ? Sex::kFemale : Sex::kMale); }

// Hashing that accepts std::string_view, so lookups need no temporary std::string.
struct LexHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const noexcept {
    return std::hash<std::string_view>{}(s);
  }
};
template <class V>
using LexMap = std::unordered_map<std::string, V, LexHash, std::equal_to<>>;

using LexWordId = uint32_t;
inline constexpr LexWordId kNoLexWord = 0xFFFFFFFFu;

// The numbers the attribute reader sets (attributes.h), in this order.
enum class LexAttribute : uint8_t {
  kDuration, kCaffeine, kSleep, kAlcohol, kCigarettes, kAge, kNone
};
inline constexpr size_t kLexAttributeCount = 6;
// "duration_days", "caffeine_drinks_per_day", ... ; kNone -> "none".
std::string_view LexAttributeName(LexAttribute a);

// Cue lists of lexicon.yaml `cues:`; the reader knows what each is for (the words are data).
enum class LexCue : uint8_t {
  kFiller,           // skipped inside multi-word phrases: my, the, ...
  kDurationBefore,   // make "a week" a duration: for, past, about, ...
  kDurationAfter,    // ... as do these after the unit: ago, now, or so
  kAgo,              // the duration counts back from now: ago, back
  kEpisodeAfter,     // a single episode's length: at a time, each time
  kNotDuration,      // "<n> <unit> pregnant": not how long the complaint lasted
  kStart,            // "<start cue> yesterday": since, started, noticed, ...
  kSince,            // since (months, weekdays, years)
  kLast,             // "since last March"
  kRate,             // "a day", "per day", "every day": a, per, each, every, /
  kTimes,            // "3 times a day": times, x
  kEvery,            // "every 2 hours"
  kRange,            // "2-3", "2 to 3", "2 or 3"
  kAndAHalf,         // "a year and a half"
  kOf,               // "a couple of weeks", "cups of coffee"
  kQuantityAdjective,// "3 large coffees": skipped between number and noun
  kSleepBefore,      // "slept 4 hours"
  kSleepAfter,       // "4 hours of sleep", "4 hours a night"
  kPastHabit,        // "used to drink 10 coffees": not a current amount
  kSmokeVerb,        // "I smoke 10 a day": a bare count means cigarettes
  kSelf,             // "i am 29", "i turned 40"
  kAgeBefore,        // "aged 29", "age 29"
  kAgeAfter,         // "29 years old", "29 yo"
  kNotAgeAfter,      // "i am 100 %", "i am 5 foot": not an age
  kAsA,              // "as a woman"
  kHere,             // "male here"
  kDecadeIn,         // "in my forties": in
  kSelfPossessive,   // my
  kOtherPossessive,  // his, her (decades of a relative)
  kFirstPerson,      // me, my, myself: a sentence about the writer
  kReportVerb,       // "my wife says I twitch": the relative only reports
  kSubjectVerb,      // "my son has ...": the relative is the subject
  kFamilyHistory,    // also, too, runs in: a relative's history, not the patient
  kSidePrep,         // "on the left": a side word after these needs no site
  kOld,              // "my 18 month old": old
  kComplaint,        // twitch, spasm, ...: a sentence about someone's complaint
  kWriter,           // i, me, my: the writer speaks of themself
  kBareAgeEnd,       // "my son is 10 and ...": words that may follow a bare age
  kBareUnitBefore,   // "the past week", "the whole month": one unit without a number
  kSexBefore,        // "sex: m", "gender: female"
  kNotDurationBefore,// "after two years off": a number after these dates something else
  kClauseBreak,      // but, and now: where a clause ends (besides punctuation)
  kForSomeone,       // "asking for my brother": the relative after it is the patient
  kActedOn,          // "when I try to move them": him, her, them after a verb the writer does
  kWriterReports,    // "should I report the twitching to the team": the writer passes it on
  kPhraseSkip,       // "can't really feel": skipped between two words of a finding phrase
  kRecoveryBefore,   // "back to normal within 20 minutes": how long recovery took, not an episode
  kCarerWriter,      // "I'm a support worker": the writer writes about someone they care for
  kWriterFright,     // "I'm shaking" (typing this): the writer's fright, not their complaint
  kWriterWorry,      // "or am I overthinking": the writer's worry; its "I" owns no complaint
  kAgeLink,          // "my son is 10", "my mum who turned 82": words between a relation and its age
  kCount
};
inline constexpr size_t kLexCueCount = static_cast<size_t>(LexCue::kCount);
static_assert(kLexCueCount <= 64, "LexWord::cue_mask holds one bit per cue list");

// What a phrase of the phrase table is.
enum class LexRole : uint8_t {
  kMention,      // index: mention kind (mention_kinds); value: canonical value
  kSubstance,    // index: substances
  kContainer,    // index: containers
  kRelative,     // "yesterday", "last week": days since then
  kVague,        // "ages", "a long time": days, after a duration cue
  kCue,          // index: LexCue
  kSpreadTo,     // "spread to", "now also"
  kSpreadOrigin, // "started in"
  kSpreadThen,   // "now" (after an origin)
};
inline constexpr size_t kLexRoleCount = static_cast<size_t>(LexRole::kSpreadThen) + 1;

struct LexPhrase {
  std::vector<LexWordId> words;
  LexRole role = LexRole::kMention;
  uint16_t index = 0;
  std::string value;        // kMention: canonical value
  double days = 0;          // kRelative, kVague
  bool needs_site = false;  // kMention: only next to a body site or a side noun
  bool needs_owner = false; // kMention: only after an owner word ("my back", not "came back")
  int line = 0;             // in lexicon.yaml, for messages
};

struct LexWord {
  std::string key;
  double number = -1;          // value of a number word; < 0 when not one
  bool approximate = false;    // a, few, several: needs a cue to be a duration
  int16_t unit = -1;           // duration unit: index into Lexicon::units
  double rate_days = 0;        // daily = 1, weekly = 7
  int frequency_count = 0;     // once = 1, twice = 2
  int month = 0;               // 1..12
  int weekday = -1;            // 0 = Sunday .. 6 = Saturday
  double decade = 0;           // "forties" = 45
  double decade_shift = 0;     // early = -3, late = +3
  bool decade_modifier = false;  // early, mid, late
  int8_t sex = 0;              // sex word: 1 female, 2 male
  int8_t sex_letter = 0;       // "f" / "m" next to an age: 1 female, 2 male
  int16_t relation = -1;       // index into relations
  int8_t pronoun_sex = 0;      // "she" 1, "he" 2: a third person ("she is 34")
  bool side_noun = false;      // "side", "one": lets a needs_site side word count
  std::array<bool, kLexCueCount> single_cue{};  // one-word cue of each list
  bool joins_next = false;     // first word of a two-word spelling ("eye" of "eye lid")
  // Quick rejection for phrase matching: which roles, cue lists and mention kinds have a
  // phrase that starts with this word.
  uint32_t role_mask = 0;      // bit (1 << LexRole)
  uint64_t cue_mask = 0;       // bit (1 << LexCue)
  uint64_t cue_end_mask = 0;   // ... of cue phrases that end with this word
  uint32_t kind_mask = 0;      // bit (1 << mention kind index)
  std::vector<uint32_t> phrases;  // phrases starting with this word, by role, longest first
  // phrases[role_begin[r] .. role_begin[r + 1]) are those of role r.
  std::array<uint16_t, kLexRoleCount + 1> role_begin{};
};

struct LexSubstance {
  std::string name;                       // "coffee", "energy drink", "cigarette"
  LexAttribute attribute = LexAttribute::kNone;
};

struct LexContainer {
  std::string name, plural;               // "cup", "cups"
  int default_substance = -1;             // when no "of <substance>" follows; -1 none
  bool needs_substance = false;           // "shot", "bottle": only with a substance
  double each = 1;                        // pack = 20 cigarettes
  std::vector<std::pair<int, double>> each_for;  // bottle of wine = 4 drinks
};

struct LexUnit {
  std::string name;         // "week"
  double days = 0;          // 7
  std::string article = "a";  // "a week", "an hour"
};

struct LexRelation {
  std::string name;  // "son"
  std::string sex;   // "male", "female" or "" (child, partner)
};

struct Lexicon {
  std::string file_name;

  // Canonical spelling of one normalised word ("twiching" -> "twitching", "diarrhoea" ->
  // "diarrhea"), or `norm` itself when it is not a known variant. The result views either
  // `norm` or this lexicon's storage.
  std::string_view Correct(std::string_view norm) const;

  // The key words are matched by: Stem(Correct(norm)); when `norm` is not a known variant
  // its stem is corrected too ("twiches" -> "twich" -> "twitch").
  std::string MatchKey(std::string_view norm) const;

  // Id of a match key, or kNoLexWord.
  LexWordId Find(std::string_view key) const;

  // Builds `surfaces` from `written` (every word as a file writes it),
  // the spelling variants and the regular inflections of every word, keeping only forms
  // whose MatchKey is a lexicon word. Called by LoadLexicon once the words are known.
  void BuildSurfaceTable(const std::vector<std::string>& written);

  // Id of a normalised word as it appears in a text ("slept", "cups", "twiching"), or
  // kNoLexWord. Equals Find(MatchKey(norm)) for every word the lexicon can know (its own
  // words, their regular inflections, `irregular_forms`, spelling variants), without
  // stemming at reading time: one hash lookup.
  LexWordId FindSurface(std::string_view norm) const;

  // Two-word variants spelled as one word ("eye lid" -> "eyelid"): first word -> pairs of
  // (second word, canonical).
  LexMap<std::vector<std::pair<std::string, std::string>>> joined_spelling;

  LexMap<std::string> spelling;  // variant -> canonical
  LexMap<LexWordId> ids;         // match key -> index into words
  WordTable<LexWordId> surfaces;  // surface form -> index into words (see FindSurface)
  std::vector<LexWord> words;
  std::vector<LexPhrase> phrases;
  std::vector<std::string> mention_kinds;  // "site", "side", ...
  std::vector<LexSubstance> substances;
  std::vector<LexContainer> containers;
  std::vector<LexUnit> units;
  std::vector<LexRelation> relations;
  double vague_plural_count = 2;  // "for years" = 2 years
  // Concepts for findings' `combos`: name -> words or short phrases (lower case), e.g.
  // unable -> [cannot, unable, struggle]. Matched by the phrase matcher, not by Find.
  std::map<std::string, std::vector<std::string>> concepts;
  std::array<double, kLexAttributeCount> limits{};  // largest believable value of each
};

// Parses lexicon.yaml text. Returns false and sets *err to "file:line: what is wrong" for
// the first error (YAML syntax, unknown section, wrong type, unknown mention kind,
// attribute or substance, a non-positive unit, a duplicate). Never throws.
// REQUIRES: out != nullptr, err != nullptr. On failure *out is unspecified.
bool LoadLexicon(std::string_view yaml_text, std::string_view file_name, Lexicon* out,
                 std::string* err);

// The lexicon built from the embedded kb/lexicon.yaml, once, on first use (thread-safe).
// The built-in file is tested; if it were ever invalid this aborts with the loader's
// message, since no text could be read correctly without it.
const Lexicon& DefaultLexicon();

}  // namespace twitchcheck
