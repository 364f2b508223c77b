#pragma once
// The attribute reader: how long, how much, how often, where, which side, since when, and
// who (age, sex) — read from a person's own words. Every word list it uses is data in
// kb/lexicon.yaml (see lexicon.h); the code only knows the shapes of the phrases
// ("<number> <unit> [ago]", "<number> <container> of <substance> a <unit>", ...).
// Documented in docs/text-reader.md, "Attributes".
#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "text/context.h"
#include "text/lexicon.h"
#include "text/token.h"

namespace twitchcheck {

struct AttributeMention {
  // "site", "side", "onset", "duration", "frequency", "time_of_day", "spread",
  // "progression", "quantity", "age", "sex".
  std::string kind;
  // Canonical value: "lower_eyelid", "left", "sudden", "21 days", "twice a day",
  // "falling_asleep", "6 cups coffee", "29", "female". For "spread": the site it spread
  // to ("cheek"), or "unspecified".
  std::string value;
  // The number this mention may set, by TextAttributes::Numeric's name ("sleep_hours",
  // "caffeine_drinks_per_day", "duration_days", "age_years", ...), or empty.
  std::string attribute;
  size_t begin = 0, end = 0;  // byte span in the original text
  size_t sentence = 0;
  // False when the mention was recognised but may not set a number: negated, hypothetical
  // or about someone else (by the context engine), a past habit ("used to smoke 20 a
  // day"), a single episode's length ("lasts a few seconds at a time"), or a person who is
  // not the one the text is about.
  bool asserted = true;
};

struct TextAttributes {
  // How long one episode has gone on, in days, when the text says ("jerking for forty
  // minutes now"): the longest affirmed episode length about the patient.
  std::optional<double> episode_days;
  std::optional<double> duration_days;  // how long the complaint has lasted (the longest
                                        // duration stated for it)
  // The shortest duration stated: a new part of the story ("twitching for months, and since
  // Tuesday my feet are numb") when it differs from duration_days.
  std::optional<double> shortest_duration_days;
  // The longest duration said as a length ("for twenty minutes", "ten minutes now"), not
  // counted back to when something began ("half an hour ago his hand started shaking").
  std::optional<double> stated_duration_days;
  std::optional<double> caffeine_drinks_per_day;  // summed over drinks (coffee + cola ...)
  std::optional<double> sleep_hours;              // the shortest night stated
  std::optional<double> alcohol_drinks_per_day;
  std::optional<double> cigarettes_per_day;
  std::optional<int> age_years;    // of the person the text is about
  std::optional<std::string> sex;  // "female" | "male", of the person the text is about
  // The relative the text is about when that is not the writer, by lexicon relation name
  // ("husband", "son"): "my husband's hand is jerking".
  std::optional<std::string> patient_relation;
  // The writer speaks of a complaint of their own ("my eyelid twitches"): then "he" and
  // "his" in the text are someone else, not the person the text is about.
  bool writer_has_complaint = false;
  std::vector<AttributeMention> mentions;  // every recognised attribute, in text order

  // Looks up a numeric attribute by name: "duration_days", "caffeine_drinks_per_day",
  // "sleep_hours", "alcohol_drinks_per_day", "cigarettes_per_day", "age_years".
  // Returns false (and leaves *value alone) for an unknown name or an unset attribute.
  bool Numeric(std::string_view name, double* value) const;
};

// Reads the attributes of `text`.
// REQUIRES: `tokens` is Tokenize(text) (offsets into `text`; other offsets are clamped,
// never read past the end). `lex` outlives the call. `ctx` may be null: then no context
// filtering (negated or hypothetical numbers count). `today` is the reference date for
// "since March" / "since Monday" (the library never reads the clock: the caller's Env does).
// Never throws on any input; absurd numbers (age 150, 300 cups) are ignored by the
// limits in lexicon.yaml.
TextAttributes ExtractAttributes(std::string_view text, const std::vector<Token>& tokens,
                                 const Lexicon& lex, const ContextEngine* ctx, std::chrono::sys_days today);

// What a caller already knows of every token, computed once per distinct word (the text
// reader remembers them per word): the context engine's ids (ContextEngine::IdsOf) and
// the lexicon's surface ids (Lexicon::FindSurface). They spare the reader those lookups.
struct TokenIds {
  ContextEngine::WordIds context;
  std::vector<LexWordId> surface;
};

// As above, with `ids` for `tokens` (REQUIRES: one entry per token in each vector, from
// the `ctx` and `lex` given; ctx must not be null).
TextAttributes ExtractAttributes(std::string_view text, const std::vector<Token>& tokens,
                                 const Lexicon& lex, const ContextEngine* ctx, const TokenIds& ids,
                                 std::chrono::sys_days today);

// The day `d` names, for ExtractAttributes and TextReader::Read.
inline std::chrono::sys_days ToSysDays(const Date& d) {
  using namespace std::chrono;
  return sys_days{year{d.year} / month{static_cast<unsigned>(d.month)} / day{static_cast<unsigned>(d.day)}};
}

}  // namespace twitchcheck
