#pragma once
// The text reader: a person's own words -> evidence the engine can trust, each piece
// with the spans that led to it. Pipeline: tokenise -> match knowledge-base phrasings ->
// context (negated, uncertain, past, hypothetical, someone else) -> attributes (how
// long, how much, age, sex) -> evidence.
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "twitchcheck/types.h"
#include "text/attributes.h"
#include "text/token.h"

namespace twitchcheck {

struct Knowledge;
struct Lexicon;
class PhraseMatcher;
struct PhraseMatch;

// A phrase that was recognised but is not evidence about this person now, and why.
struct SetAside {
  std::string id;      // finding id
  Span span;
  std::string why;     // "hypothetical", "someone else", "in the past"
};

struct Reading {
  std::vector<Evidence> evidence;     // what the text says about this person now
  std::vector<SetAside> set_aside;    // recognised, but not evidence (see SetAside)
  TextAttributes attributes;          // durations, quantities, sites, sides, age, sex, ...
  Patient patient;                    // age and sex read from the text, if stated
  std::vector<Token> tokens;
  // Words (not numbers or punctuation) in the text, and how many of them are common small
  // words of English and of other languages (context_rules.yaml word classes english_common
  // and foreign_common). More foreign than English ones in a long text: another language
  // (SPEC §4).
  size_t words = 0, english_words = 0, foreign_words = 0;
};

class TextReader {
 public:
  // Builds the reader's tables from the knowledge base's phrasings, lexicon.yaml and
  // context_rules.yaml. Returns nullptr and sets *err when those files are invalid.
  // Messages name the files as `prefix` + name ("kb/lexicon.yaml" for the built-in copy).
  // `kb` must outlive the reader.
  static std::unique_ptr<TextReader> Create(const Knowledge& kb, const std::string& prefix, std::string* err);
  ~TextReader();

  // Never fails: any bytes are accepted; text with nothing recognisable gives no evidence.
  // `today` is the date that "since Monday" counts from. Thread-safe.
  Reading Read(std::string_view text, const Date& today) const;

  // The context engine the reader judges phrases with (context_rules.yaml).
  const ContextEngine& context() const { return *context_; }

 private:
  struct Words;       // what the reader knows of each token (reader.cc)
  struct Judgement;   // what one recognised phrase is (reader.cc)
  class Overlaps;     // the matches that overlap a match (reader.cc)

  TextReader() = default;
  // Read's steps, in order.
  void LookUp(const std::vector<Token>& tokens, Words* words) const;
  std::vector<PhraseMatch> FindPhrases(std::string_view text, const std::vector<Token>& tokens, const Words& words) const;
  Judgement Judge(const std::vector<Token>& tokens, const Words& words, const TextAttributes& attributes,
                  const PhraseMatch& m, const Overlaps& overlaps, ContextEngine::WordIds* masked_ids) const;
  void FromNumbers(std::string_view text, const TextAttributes& attributes,
                   std::map<int, Evidence>* found) const;
  bool NamesPatient(const ContextResult& ctx, const Words& words, const TextAttributes& attributes) const;

  const Knowledge* kb_ = nullptr;
  std::unique_ptr<Lexicon> lexicon_;
  std::unique_ptr<ContextEngine> context_;
  std::unique_ptr<PhraseMatcher> matcher_;
  // Per finding: an emergency sign on its own (an emergency red flag of that one finding,
  // or a sign of the emergency screen): a sign that must never be lost.
  std::vector<char> emergency_sign_;
  // Per finding: part of some emergency red flag (with other findings or alone).
  std::vector<char> emergency_part_;
};


}  // namespace twitchcheck
