#pragma once
// Finds every knowledge-base phrasing in a tokenised text in one pass: phrases are
// indexed by their first stem, so each token looks up only the phrases that can start
// there. Phrases match on stems of spelling-corrected tokens, so inflections and common
// misspellings match too. A phrase "eyelid ... jump" allows up to kMaxGap other tokens
// between its parts, within one sentence and without crossing punctuation.
#include <array>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "kb/knowledge.h"
#include "text/token.h"

namespace twitchcheck {

struct Lexicon;

// The token ranges [first, second) of a match's parts, gaps excluded: at most
// kMaxPhraseParts, kept inline so that a match costs no allocation.
class MatchParts {
 public:
  using Range = std::pair<size_t, size_t>;
  void push_back(Range r) { ranges_[size_++] = r; }  // REQUIRES size() < kMaxPhraseParts
  void clear() { size_ = 0; }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  const Range& operator[](size_t i) const { return ranges_[i]; }
  const Range& back() const { return ranges_[size_ - 1]; }
  const Range* begin() const { return ranges_.data(); }
  const Range* end() const { return ranges_.data() + size_; }

 private:
  std::array<Range, kMaxPhraseParts> ranges_{};
  size_t size_ = 0;
};

struct PhraseMatch {
  int finding = -1;
  int phrase = -1;        // index into the matcher's phrase table
  size_t first = 0;       // first token of the match
  size_t last = 0;        // one past the last token of the match
  MatchParts parts;       // token ranges of each part (gaps excluded)
};

class PhraseMatcher {
 public:
  static constexpr size_t kMaxGap = 4;

  // Builds the phrase index from every finding's phrases. `lex` (may be null) corrects
  // spellings in the phrases exactly as in texts. The matcher keeps no reference to kb.
  PhraseMatcher(const Knowledge& kb, const Lexicon* lex);

  // The match key of one word: the id of its spelling-corrected stem among the stems
  // that phrases use, or -1 when no phrase uses it. Not memoised: the reader remembers
  // each word's key.
  int KeyOf(const std::string& norm) const;

  // Every phrase occurrence, in order of its first token. keys[i] is KeyOf(tokens[i].norm).
  // Overlapping matches of different findings are all kept; for one finding, a match
  // inside another is dropped. A gap never crosses punctuation, nor a token marked in
  // `breaks` (may be empty; else one entry per token: ContextEngine::ClauseBreaks, 1 a
  // clause break, 2 a comma or colon combos read across, 3 a sentence start combos read
  // across).
  std::vector<PhraseMatch> Match(const std::vector<Token>& tokens, const std::vector<int>& keys,
                                 const std::vector<uint8_t>& breaks = {}) const;

  // Empty when every finding's combos name concepts the lexicon defines; else what is wrong
  // ("kb/findings.yaml:120: finding 'arm_weakness': unknown concept 'lift'").
  const std::string& error() const { return error_; }

  // The words a combo's concepts may spread over, within one clause (kMaxGap-free).
  static constexpr size_t kComboSpan = 12;

  size_t phrase_count() const { return phrases_.size(); }
  const std::string& phrase_text(int p) const { return phrases_[p].text; }

 private:
  struct Phrase {
    int finding;
    std::string text;
    std::vector<std::vector<int>> parts;  // stem ids of each part
    // WindowBit() of the first stem of the second part (0 for one part): a cheap test
    // that the second part can start near the end of the first.
    uint64_t next_bit = 0;
  };
  std::string Key(const std::string& norm) const;
  // While building: the stem id of a phrase or concept word, each distinct word corrected
  // and stemmed once (`ids` caches them by the word as written).
  int StemIdWhileBuilding(const std::string& norm, std::unordered_map<std::string, int>* ids);
  static uint64_t WindowBit(int stem) { return uint64_t{1} << (static_cast<unsigned>(stem) & 63); }

  const Lexicon* lex_;
  std::vector<Phrase> phrases_;
  std::unordered_map<std::string, int> stem_id_;  // every stem a phrase uses
  // A trie over the stem ids of phrases' first parts: matching at a token walks it as far
  // as the text allows, instead of trying every phrase that starts with the same word.
  struct TrieNode {
    std::vector<std::pair<int, int>> next;  // (stem id, child node), sorted by stem id
    std::vector<int> whole;                 // one-part phrases that end here
    std::vector<int> first_parts;           // phrases with more parts whose first ends here
  };
  std::vector<TrieNode> trie_{1};
  // skip_[stem]: a lexicon `phrase_skip` word ("really", "suddenly"), which may sit between
  // two words of a phrase's first part ("can't really feel" is "can't feel").
  std::vector<uint8_t> skip_;
  // Combos (Finding::combos): each concept's words as stem sequences, indexed by their
  // first stem; each combo indexed by the concepts it needs.
  struct ConceptWords {
    int id;  // the concept
    std::vector<int> stems;
  };
  struct Combo {
    int finding;
    int phrase;  // its entry in phrases_ (text only, no parts), for phrase_text
    std::vector<int> concepts;
  };
  std::vector<ConceptWords> concept_words_;
  std::unordered_map<int, std::vector<int>> concept_words_by_first_;
  std::vector<Combo> combos_;
  std::vector<std::vector<int>> combos_by_concept_;
  std::string error_;
  void AddCombos(const Knowledge& kb, std::unordered_map<std::string, int>* ids);
  void MatchCombos(const std::vector<Token>& tokens, const std::vector<int>& keys,
                   const std::vector<uint8_t>& breaks, std::vector<PhraseMatch>* out) const;
  std::vector<int> root_child_;  // stem id -> child of the root, or -1 (the widest node)
  int Child(int node, int stem) const;
};

}  // namespace twitchcheck
