#pragma once
// Internals of the attribute reader, shared by attributes.cc (pieces, numbers, mentions,
// the result), attributes_amounts.cc (durations, frequencies, drinks, sleep) and
// attributes_people.cc (age, sex, whom the text is about). Not a public interface.
#include <chrono>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "text/attributes.h"
#include "text/lexicon.h"
#include "text/token.h"

namespace twitchcheck::attr {

inline constexpr size_t kNone = std::numeric_limits<size_t>::max();

// A token, or part of one: "35m" -> "35" "m", "f/42" -> "f" "/" "42". Two-word spelling
// variants ("eye lid") are joined into one piece.
// 32-bit offsets keep a piece in 48 bytes; texts are far below 4 GB.
struct Piece {
  std::string_view norm;       // views a token's norm or the lexicon's storage
  double num = -1;             // value when written in digits, else < 0
  uint32_t begin = 0, end = 0; // byte span in the text
  uint32_t sentence = 0;
  uint32_t token = 0, token_last = 0;  // tokens [token, token_last] it came from
  LexWordId id = kNoLexWord;
  bool punct = false;
  bool glued = false;          // no space between this piece and the one before
  bool filler = false;         // a `cues.filler` word, skippable inside phrases
};

// A number read from one or more pieces: "6", "six", "a couple of", "2-3", "twenty one".
struct Num {
  double value = 0;
  size_t first = 0;        // first piece, article included ("a 35 ...")
  size_t value_first = 0;  // first piece that says the value (after an article)
  size_t last = 0;         // one past the last piece
  bool approximate = false;  // a, few, several: not on its own a duration
  bool digits = false;
  std::string_view word;   // the number word itself ("few"), for frequency text
};

// A number the result may take, with the mention it came from.
struct Candidate {
  LexAttribute attribute = LexAttribute::kNone;
  int substance = -1;      // quantities: which drink or smoke
  double value = 0;
  size_t mention = 0;      // index into mentions
  size_t first = 0, last = 0;  // pieces, for the context engine
  bool past_habit = false;
  bool episode = false;    // a single episode's length, not the complaint's
  bool counted_back = false;  // "an hour ago": when something began, not a stated length
  // "took it an hour ago", "came round within 15 mins": when another event happened; neither
  // the complaint's length nor an episode's
  bool dated_elsewhere = false;
};

// Someone the writer names: "my son", "my 10-year-old", "a 35 year old daughter".
struct Relation {
  size_t first = 0, last = 0;   // pieces of the phrase ("my" .. relation word / age)
  size_t anchor = 0;            // the relation word, or the age when there is none
  bool other = false;           // "her 40-year-old ...": never the patient
  int sex = 0;                  // 1 female, 2 male, 0 not said
  double age = -1;
  size_t age_mention = kNone, sex_mention = kNone;
  bool candidate = false;       // may be the person the text is about
  bool patient = false;         // is the person the text is about
};

// Per-thread buffers reused from text to text, so reading allocates little.
struct Scratch {
  std::vector<Piece> pieces;
  std::vector<uint8_t> used, relation_word;
};

class Reader {
 public:
  Reader(std::string_view text, const std::vector<Token>& tokens, const Lexicon& lex,
         const ContextEngine* ctx, const TokenIds* ids, std::chrono::sys_days today);
  TextAttributes Run();

 private:
  // --- attributes.cc: pieces, words, cues, numbers, mentions ----------------------------
  void BuildPieces();
  // Adds a piece; its lexicon id is looked up unless `id_known` (then p.id is used).
  void AddPiece(const Piece& p, bool id_known = false);
  // The context of the token span of pieces [first_piece, last_piece). REQUIRES ctx_.
  ContextResult Context(size_t first_piece, size_t last_piece) const;
  const LexWord* W(size_t i) const {
    return i < p_.size() && p_[i].id != kNoLexWord ? &lex_.words[p_[i].id] : nullptr;
  }
  bool Same(size_t a, size_t b) const {
    return a < p_.size() && b < p_.size() && p_[a].sentence == p_[b].sentence;
  }
  bool Word(size_t i) const { return i < p_.size() && !p_[i].punct; }
  bool IsCue(size_t i, LexCue c) const {
    const LexWord* w = W(i);
    return w && w->single_cue[static_cast<size_t>(c)];
  }
  // End (exclusive) of the longest phrase of `role` (and `index`, unless < 0) starting at
  // piece i, or 0. Filler words may sit inside it; with `free_only`, no used piece may.
  size_t Match(size_t i, LexRole role, int index, const LexPhrase** out,
               bool free_only = false) const;
  size_t CueAt(size_t i, LexCue c) const;  // end of a cue starting at i, or 0
  size_t CueBefore(size_t end, LexCue c) const;  // start of a cue ending at `end`, or kNone
  bool CueInRange(size_t from, size_t to, LexCue c) const;  // a cue starts in [from, to)
  size_t SentenceStart(size_t i) const;
  size_t SentenceEnd(size_t i) const;  // one past the last piece of i's sentence
  bool ParseNumber(size_t i, Num* n) const;
  bool ParseSimpleNumber(size_t i, Num* n) const;
  void Use(size_t first, size_t last) {
    for (size_t k = first; k < last && k < used_.size(); ++k) used_[k] = 1;
  }
  bool Free(size_t first, size_t last) const {
    for (size_t k = first; k < last; ++k)
      if (k >= used_.size() || used_[k]) return false;
    return true;
  }
  size_t AddMention(std::string_view kind, std::string value, size_t first, size_t last);
  void ReadVocabulary();
  bool SideAnchored(size_t first, size_t end) const;
  void ResolveSpread();
  bool AboutOtherRelative(size_t first) const;
  void Finish();

  // --- attributes_amounts.cc ------------------------------------------------------------
  bool TryEvery(size_t i);
  bool TryNumberLed(const Num& n);
  bool TryTimes(const Num& n);
  bool TryUnit(const Num& n);
  bool TryQuantity(const Num& n);
  bool TryFrequencyWord(size_t i);
  bool TrySince(size_t i);
  bool TryStartDate(size_t i);  // "started Tuesday", "began in March"
  // A date word at piece k ("March", "March 3rd", "Monday", "2019"): days from it to today.
  bool DateAt(size_t k, bool last, double* days, size_t* end) const;
  bool TryRelative(size_t i);
  bool TryVague(size_t i);
  bool TryBareUnit(size_t i);
  // "a day", "per week", "daily", "every 2 hours" at piece i: its length in days, the end
  // piece and canonical text ("a day").
  bool ParseRate(size_t i, double* days, size_t* end, std::string* text) const;
  void AddDuration(double days, size_t first, size_t last, bool episode, bool counted_back = false,
                   bool dated_elsewhere = false);
  bool ComplaintRightAfter(size_t e, size_t s1) const;
  std::string CountText(const Num& n) const;  // "once", "twice", "3 times", "a few times"

  // --- attributes_people.cc -------------------------------------------------------------
  void FindRelations();
  void AddRelation(Relation r);  // decides r.candidate, adds its mentions
  bool ComplaintIn(size_t sentence_piece) const;  // the piece's sentence names a complaint
  // The clause around piece i (punctuation and `clause_break` cues end it) names a
  // complaint or its start: "my eye started twitching 3 weeks ago", not "I had Bell's
  // palsy two years ago and now ...".
  bool ComplaintOrStartInClause(size_t i) const;
  bool AgeAt(size_t k, bool bare_ok, double* age, size_t* end) const;
  bool BareAgeBeforeWord(size_t k, double* age, size_t* end) const;
  bool TryAge(const Num& n);
  bool TryCompact(size_t i);
  bool TryDecade(size_t i);
  void ReadSexWords();
  bool SelfSexContext(size_t i) const;
  void SetSelfAge(double age, size_t first, size_t last);
  void SetSelfSex(int sex, size_t first, size_t last);
  void ResolvePerson();  // sets age/sex of the person the text is about

  std::string_view text_;
  const std::vector<Token>& tokens_;
  const Lexicon& lex_;
  const ContextEngine* ctx_;
  const TokenIds* ids_;  // may be null: then ids are looked up here
  std::chrono::sys_days today_;
  int site_kind_ = -1, side_kind_ = -1;

  Scratch& scratch_;
  std::vector<Piece>& p_;
  std::vector<uint8_t>& used_;
  TextAttributes out_;
  std::vector<Candidate> candidates_;
  std::vector<Relation> relations_;
  double self_age_ = -1;
  int self_sex_ = 0;
  size_t self_age_first_ = kNone, self_age_last_ = kNone;  // pieces of the self age
  std::vector<size_t> self_mentions_;   // age/sex mentions about the writer
  std::vector<uint8_t>& relation_word_;  // pieces that belong to a relation phrase
  bool patient_is_relation_ = false;
  size_t amount_end_ = kNone;  // one past the last quantity read, for habit durations
  // Spread cues found by ReadVocabulary: [first, end) pieces.
  std::vector<std::pair<size_t, size_t>> spread_to_, spread_origin_, spread_then_;
};

// "%g" without trailing noise: 21 -> "21", 0.5 -> "0.5".
std::string FormatNumber(double v);

}  // namespace twitchcheck::attr
