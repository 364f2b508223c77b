#pragma once
// ConText (Harkema, Chapman et al. 2009), in the style of medspaCy: modifier rules are
// data (kb/context_rules.yaml, documented in docs/text-reader.md "Context rules"); this
// engine is generic. Given a sentence's tokens and a target phrase inside it, it says
// whether the target is negated, uncertain, in the past, hypothetical, or about someone
// other than the person it is about, and which cue words said so.
#include <array>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "text/token.h"

namespace twitchcheck {

enum class ContextCategory {
  kNegated,           // NEGATED_EXISTENCE
  kPossible,          // POSSIBLE_EXISTENCE
  kHistorical,        // HISTORICAL
  kHypothetical,      // HYPOTHETICAL
  kFamily,            // FAMILY (a relative's own condition: family history)
  kOtherExperiencer,  // OTHER_EXPERIENCER
  kPseudo,            // PSEUDO: looks like a cue, is not one ("no increase")
  kTerminate,         // TERMINATE: ends the scope of cues ("but", "however")
};
constexpr size_t kContextCategoryCount = 8;

enum class ContextDirection { kForward, kBackward, kBidirectional, kTerminate, kPseudo };

// The YAML spelling of a category ("NEGATED_EXISTENCE"), and back. Unknown -> false.
std::string_view ContextCategoryName(ContextCategory c);
bool ParseContextCategory(std::string_view name, ContextCategory* out);

struct ContextRule {
  std::string literal;              // as written in the file (after class expansion)
  std::vector<std::string> tokens;  // what is matched: token norms, or stems if match_stems
  bool match_stems = false;
  ContextCategory category = ContextCategory::kNegated;
  ContextDirection direction = ContextDirection::kForward;
  int max_scope = 0;                // words (punctuation not counted); 0 = category default
  // TERMINATE rules: the categories whose scope they end; empty = every category.
  std::vector<ContextCategory> terminates;
  // When not empty: the rule only applies if the target contains a word of this word
  // class (e.g. a relative "has" a *disease*, not a symptom they are having now).
  std::string target_class;
  // `when: target_alone`: the rule has no literal and applies when the target is alone in
  // its sentence (only punctuation around it), as in a list of diagnoses.
  bool target_alone = false;
  int line = 0;                     // line in the rules file, for messages
};

struct ContextCategorySettings {
  int max_scope = 12;  // words
  // Cues of these categories also end this category's scope (besides TERMINATE rules).
  std::vector<ContextCategory> terminated_by;
};

struct ContextRules {
  std::string file_name;
  std::vector<ContextRule> rules;
  std::array<ContextCategorySettings, kContextCategoryCount> categories;
  // Word classes: name -> words (norms and stems both match). Used by `{name}` in
  // literals and by target_class.
  std::unordered_map<std::string, std::vector<std::string>> word_classes;
};

// Parses a context rules file (format: docs/text-reader.md "Context rules").
// Returns false and sets *err to "file:line: what is wrong" for the first error: YAML
// syntax, unknown key, unknown category / direction / word class, empty literal, scope
// out of 1..100, a literal given twice for one category. Never throws. On failure *out is unspecified.
bool LoadContextRules(std::string_view yaml_text, std::string_view file_name, ContextRules* out,
                      std::string* err);

// Why a target got a modifier: the cue's tokens and the rule it matched.
struct ContextCue {
  ContextCategory category = ContextCategory::kNegated;
  size_t first = 0, last = 0;        // token indices [first, last) in the tokens classified
  size_t begin = 0, end = 0;         // byte span of the cue in the original text
  std::string literal;               // the rule's literal
};

struct ContextResult {
  bool negated = false;
  bool possible = false;             // uncertain ("maybe", "might be", "possible")
  bool historical = false;
  bool hypothetical = false;
  bool other_experiencer = false;    // a relative's or someone else's (family included)
  bool family = false;               // ... and it is family history in particular
  std::vector<ContextCue> cues;      // every cue that set a flag above, in text order
};

// The labels of the ConText annotation scheme, as `twitchcheck context --jsonl` prints them:
// negation "negated" | "affirmed"; temporality "hypothetical" (wins over the others: a
// condition about the past is still a condition), "historical" (family history counts as
// history), or "recent"; experiencer "other" | "patient".
struct ContextLabels {
  const char* negation;
  const char* temporality;
  const char* experiencer;
};
ContextLabels LabelsFor(const ContextResult& r);

class ContextEngine {
 public:
  // Builds the matcher from validated rules (the output of LoadContextRules).
  explicit ContextEngine(const ContextRules& rules);
  ~ContextEngine();
  ContextEngine(const ContextEngine&) = delete;
  ContextEngine& operator=(const ContextEngine&) = delete;

  // Classifies the target tokens[target_first, target_last_exclusive). Only the tokens of
  // the target's sentence (Token::sentence of target_first) are considered, so `tokens`
  // may be a whole text, and of those only the ones a cue's scope can span (the widest
  // max_scope plus the longest literal, in words): the cost per target does not grow
  // with the sentence. Cues inside the target itself are ignored. Rule literals are
  // found in one left-to-right pass (longest match wins, matches do not overlap).
  // REQUIRES nothing: out-of-range or empty targets give an all-false result.
  // Thread-safe (const, no shared mutable state).
  ContextResult Classify(const std::vector<Token>& tokens, size_t target_first,
                         size_t target_last_exclusive) const;

  // The engine's ids of each token's word and stem (-1: no rule uses it). Computing them
  // once per text (the reader remembers them per word) saves every later Classify the
  // lookups; a caller that masks a token sets its ids to -1.
  struct WordIds {
    std::vector<int> norm, stem;  // stem is empty when UsesStems() is false
  };
  // The (word id, stem id) of one word; stem id is -1 when no rule matches on stems.
  std::pair<int, int> IdsOf(const std::string& norm) const;
  bool UsesStems() const;
  // Whether the word (a token's norm) is in the rules' word class `cls` (its norm or stem).
  // Unknown classes contain nothing.
  bool InWordClass(const std::string& cls, const std::string& norm) const;
  // Clause boundaries: 1 at each token where a TERMINATE cue that ends every category
  // begins ("but", "which", "and my", ";"), else 0. One entry per token. The phrase matcher
  // keeps its gaps from crossing them ("no tingling and my hand twitches" is not a hand
  // tingle); 1 also at the start of a labelled line of a form. 2 where concept
  // combinations read on: a comma between two words of the class `modifier_word` ("a very
  // stiff, painful neck"), before a short comparison or a resumptive pronoun ("my calf,
  // it's swollen"), a label's colon ("Left arm: no strength") and the commas of a labelled
  // line. 3 at the first token of a sentence that goes on with the one before it ("Tried
  // to lift my arm. Couldn't.", "Then the wrist.", "Calf. Hot. Swollen.").
  // `text` (optional) is what the tokens were read from: its line breaks matter in forms.
  std::vector<uint8_t> ClauseBreaks(const std::vector<Token>& tokens, const WordIds& ids,
                                    std::string_view text = {}) const;
  // As above, with `ids` for every token (REQUIRES: one entry per token).
  ContextResult Classify(const std::vector<Token>& tokens, const WordIds& ids,
                         size_t target_first, size_t target_last_exclusive) const;

  struct Impl;

 private:
  ContextResult ClassifyWindow(const std::vector<Token>& tokens, const std::vector<int>& norm_ids,
                               const std::vector<int>& stem_ids, size_t base, size_t lo, size_t hi,
                               size_t target_first, size_t target_last, bool alone) const;
  std::unique_ptr<Impl> impl_;
};

// Finds `target` in `sentence` (case-insensitive, token by token, so spacing and
// punctuation inside words may differ) and classifies it. When the target occurs more than
// once, the occurrence spelled exactly as `target` is preferred, then the last one written
// in capitals (corpus sentences mark the target so), then the first. Returns true when the whole target was found; otherwise classifies
// the best partial occurrence, or the whole sentence, and returns false.
bool ClassifyTargetInSentence(const ContextEngine& engine, std::string_view sentence,
                              std::string_view target, ContextResult* out);

// The engine built from the embedded kb/context_rules.yaml, built once on first use
// (thread-safe). The built-in rules are tested; if they were ever invalid this aborts with
// the loader's message, since no text could be read correctly without them.
const ContextEngine& DefaultContextEngine();

// Builds an engine from `dir`/context_rules.yaml, or from the embedded copy when `dir` is
// empty. Returns nullptr and sets *err when the file cannot be read or is invalid.
std::unique_ptr<ContextEngine> LoadContextEngine(const std::string& dir, std::string* err);

}  // namespace twitchcheck
