#include "text/reader.h"

#include <algorithm>
#include <future>
#include <map>
#include <mutex>

#include "kb/knowledge.h"
#include "text/context.h"
#include "text/lexicon.h"
#include "text/matcher.h"
#include "text/word_table.h"

namespace twitchcheck {

TextReader::~TextReader() = default;

std::unique_ptr<TextReader> TextReader::Create(const Knowledge& kb, const std::string& prefix, std::string* err) {
  std::unique_ptr<TextReader> r(new TextReader());
  r->kb_ = &kb;
  auto file = [&](const char* name) -> const std::string* {
    auto it = kb.text_files.find(name);
    if (it == kb.text_files.end()) {
      *err = prefix + name + ": file is missing";
      return nullptr;
    }
    return &it->second;
  };
  const std::string* rules_text = file("context_rules.yaml");
  if (!rules_text) return nullptr;
  const std::string* lex_text = file("lexicon.yaml");
  if (!lex_text) return nullptr;
  // The context engine is built on another thread while the lexicon and the phrase
  // matcher are built here: they share nothing, and together they are most of the
  // reader's start-up.
  struct Built {
    std::unique_ptr<ContextEngine> engine;
    std::string err;
  };
  const std::string rules_name = prefix + "context_rules.yaml";
  std::future<Built> context = std::async(std::launch::async | std::launch::deferred, [rules_text, &rules_name] {
    Built b;
    ContextRules rules;
    if (LoadContextRules(*rules_text, rules_name, &rules, &b.err))
      b.engine = std::make_unique<ContextEngine>(rules);
    return b;
  });
  r->lexicon_ = std::make_unique<Lexicon>();
  std::string lex_err;
  const bool lex_ok = LoadLexicon(*lex_text, prefix + "lexicon.yaml", r->lexicon_.get(), &lex_err);
  if (lex_ok) r->matcher_ = std::make_unique<PhraseMatcher>(kb, r->lexicon_.get());
  Built built = context.get();
  if (built.engine && lex_ok && !r->matcher_->error().empty()) {
    *err = r->matcher_->error();
    return nullptr;
  }
  if (!built.engine) {  // the rules' error first, as when they were loaded first
    *err = built.err;
    return nullptr;
  }
  if (!lex_ok) {
    *err = lex_err;
    return nullptr;
  }
  r->context_ = std::move(built.engine);
  r->emergency_sign_.assign(kb.findings.size(), 0);
  r->emergency_part_.assign(kb.findings.size(), 0);
  for (const RedFlag& flag : kb.red_flags) {
    if (flag.level != TriageLevel::kEmergency && flag.level != TriageLevel::kEmergencyAmbulance) continue;
    for (const std::vector<int>& alt : flag.when) {
      if (alt.size() == 1 && alt[0] >= 0) r->emergency_sign_[alt[0]] = 1;
      for (int f : alt)
        if (f >= 0) r->emergency_part_[f] = 1;
    }
  }
  for (int f : kb.screen)
    if (f >= 0) r->emergency_sign_[f] = 1;
  return r;
}

namespace {

// Categories whose past mention is still evidence now: a history ("I had Bell's palsy"),
// an exposure ("I started prednisone last month") or a risk factor stays true.
bool PastStillCounts(const Finding& f) {
  if (f.past_counts) return *f.past_counts;
  return f.category == FindingCategory::kHistory || f.category == FindingCategory::kExposure ||
         f.category == FindingCategory::kRiskFactor;
}

// How a forward denial reaches a target that lies past a comma. Lists are denied whole
// when an "or" closes them ("no fever, chills or cough"); a comma followed by words that
// carry a clause of their own ("no fever, slurred speech since this morning", "no
// numbness, twitching for 3 months") ends the denial; anything else ("no weakness,
// slurred speech.", "no fever, cough and cold") leaves it open, and an open question
// about a sign is never settled as "absent".
enum class ListReach { kNoComma, kDenied, kOpen, kEnded };

// The context rules' word classes the reader's own rules ask about, as bits per token
// (looked up once per word and remembered with it).
using WordClasses = uint32_t;
enum WordClassBit : WordClasses {
  kListOr = 1, kListAnd = 2, kClauseContinuation = 4, kThirdPerson = 8, kFirstPerson = 16,
  kOtherPeople = 32,   // a relative, another person or an animal
  kSelfSubject = 64,   // the writer as subject or object ("I", "me"), not "my"
  kStranger = 128,     // another person who is not family, or an animal
  kOwnerPronoun = 256, // his, her, she: whose a phrase is ("the worst headache of her life")
  kKnownPerson = 512,  // a relative or someone the writer is with (relative, close_other)
  kAnimal = 1024,
  kResolvedWord = 2048,  // it is over or explained: "fine", "usual", "after the pub"
  kNowStrict = 4096,     // "currently": happening as the writer writes
  kBeforeNow = 8192,     // "just", "right" before "now"
  kSpeechVerb = 16384,   // "said", "thinks": after "she", she speaks rather than owns
  kNowAfterJust = 32768, // "came", "noticed": after "just", it is happening now
  kWriterAddresses = 65536,  // "tell", "asked": the writer speaks to the person after it
  kCommonWord = 131072,      // a common English word (english_common)
  kForeignWord = 262144,     // a common word of another language (foreign_common)
  kAnswerNo = 524288,        // "no", "none": a checklist's bare answer (answer_no)
  kInabilityModal = 1048576, // "can", "could" before a "not" (inability_modal)
};
WordClasses WordClassBits(const ContextEngine& ctx, const std::string& norm) {
  WordClasses bits = 0;
  if (ctx.InWordClass("list_or", norm)) bits |= kListOr;
  if (ctx.InWordClass("list_and", norm)) bits |= kListAnd;
  if (ctx.InWordClass("clause_continuation", norm)) bits |= kClauseContinuation;
  if (ctx.InWordClass("third_person", norm)) bits |= kThirdPerson;
  if (ctx.InWordClass("first_person", norm)) bits |= kFirstPerson;
  if (ctx.InWordClass("self_subject", norm)) bits |= kSelfSubject;
  if (ctx.InWordClass("relative", norm) || ctx.InWordClass("other_person", norm) ||
      ctx.InWordClass("animal", norm))
    bits |= kOtherPeople;
  if (ctx.InWordClass("other_person", norm) || ctx.InWordClass("animal", norm)) bits |= kStranger;
  if (ctx.InWordClass("owner_pronoun", norm)) bits |= kOwnerPronoun;
  if (ctx.InWordClass("relative", norm) || ctx.InWordClass("close_other", norm)) bits |= kKnownPerson;
  if (ctx.InWordClass("animal", norm)) bits |= kAnimal;
  if (ctx.InWordClass("resolved_word", norm)) bits |= kResolvedWord;
  if (ctx.InWordClass("happening_now_strict", norm)) bits |= kNowStrict;
  if (ctx.InWordClass("happening_now_before_now", norm)) bits |= kBeforeNow;
  if (ctx.InWordClass("speech_verb", norm)) bits |= kSpeechVerb;
  if (ctx.InWordClass("happening_now_after_just", norm)) bits |= kNowAfterJust;
  if (ctx.InWordClass("writer_addresses", norm)) bits |= kWriterAddresses;
  if (ctx.InWordClass("english_common", norm)) bits |= kCommonWord;
  if (ctx.InWordClass("foreign_common", norm)) bits |= kForeignWord;
  if (ctx.InWordClass("answer_no", norm)) bits |= kAnswerNo;
  if (ctx.InWordClass("inability_modal", norm)) bits |= kInabilityModal;
  return bits;
}

ListReach ReachAcrossCommas(const std::vector<Token>& tokens, const std::vector<WordClasses>& cls,
                            size_t cue_last, size_t first, size_t last) {
  size_t comma = first;
  for (size_t t = cue_last; t < first; ++t)
    if (tokens[t].norm == ",") comma = t;
  if (comma == first) return ListReach::kNoComma;
  bool closed_by_or = false;
  for (size_t t = comma + 1; t < first; ++t) {
    if (cls[t] & kClauseContinuation) return ListReach::kEnded;
    closed_by_or = closed_by_or || (cls[t] & kListOr);
  }
  // The rest of the target's own list item, then the items after it up to the coordinator
  // that closes the list (a bounded look: lists are short).
  const size_t sentence = tokens[first].sentence;
  bool own_item = true;
  for (size_t t = last; t < tokens.size() && t < last + 60 && tokens[t].sentence == sentence; ++t) {
    const std::string& w = tokens[t].norm;
    if (w == ";" || w == ":") break;
    if (w == ",") { own_item = false; continue; }
    if (cls[t] & kListOr) return ListReach::kDenied;
    if (cls[t] & kListAnd) break;
    if (own_item && (cls[t] & kClauseContinuation)) return ListReach::kEnded;
  }
  return closed_by_or ? ListReach::kDenied : ListReach::kOpen;
}

// A third-person pronoun ("his", "she") among the few words before a phrase, within its
// clause: "his speech was slurred", "she could not lift her arm".
// Or the clause is about another person from its start: "My brother took an overdose in
// 2015", "The dog had a long seizure today" (no "I" or "my" between them and the phrase).
// Back from `first` to the start of its clause (within 24 tokens, no "I" or "me" on the
// way): a word with any of `bits` ("The dog had a long seizure today").
bool ClauseOpensWith(const std::vector<Token>& tokens, const std::vector<WordClasses>& cls, size_t first,
                     WordClasses bits) {
  const size_t sentence = first < tokens.size() ? tokens[first].sentence : 0;
  for (size_t t = first, steps = 0; t-- > 0 && steps < 24; ++steps) {
    if (tokens[t].sentence != sentence || tokens[t].norm == ";" || tokens[t].norm == ",") return false;
    if (cls[t] & kSelfSubject) return false;
    // "I was trying to tell my wife about the car and the words ...": the one the writer
    // speaks to is not whom the clause is about.
    const bool addressed = (t > 0 && (cls[t - 1] & kWriterAddresses)) ||
                           (t > 1 && (cls[t - 2] & kWriterAddresses) && tokens[t - 2].sentence == sentence);
    if ((cls[t] & bits) && !addressed) return true;
  }
  return false;
}

bool ThirdPersonOwns(const std::vector<Token>& tokens, const std::vector<WordClasses>& cls, size_t first) {
  // A clause about someone who is not family, from its start: "a passenger on my train had
  // a seizure" (the "my" of the train does not make it the writer's).
  if (ClauseOpensWith(tokens, cls, first, kStranger)) return true;
  const size_t sentence = first < tokens.size() ? tokens[first].sentence : 0;
  for (size_t t = first, words = 0; t-- > 0 && words < 4;) {
    if (tokens[t].sentence != sentence || tokens[t].kind == TokenKind::kPunct) break;
    // "the GP ... she said Bell's palsy": she tells what it is, it is not hers.
    if ((cls[t] & kThirdPerson) && !(t + 1 < first && (cls[t + 1] & kSpeechVerb))) return true;
    if (cls[t] & kFirstPerson) return false;
    ++words;
  }
  return ClauseOpensWith(tokens, cls, first, kOtherPeople);
}

// Whether the words around `m` in its sentence (at most 30 tokens either side, so that a
// text without full stops costs no more per sign) name a relative or a friend
// (context_rules.yaml word classes `relative`, `close_other`), say it is happening as the
// writer writes ("right now", "just now", "currently", "at the moment", "as we speak",
// "just came in"),
// and name no animal and nothing that says it is over or explained (`resolved_word`).
bool KnownPersonNow(const std::vector<Token>& tokens, const std::vector<WordClasses>& cls,
                    const PhraseMatch& m) {
  constexpr size_t kReach = 30;
  bool now = false, known = false;
  const size_t sentence = tokens[m.first].sentence;
  size_t t = m.first;
  while (t > 0 && m.first - t < kReach && tokens[t - 1].sentence == sentence) --t;
  for (; t < tokens.size() && t < m.last + kReach && tokens[t].sentence == sentence; ++t) {
    if (cls[t] & kAnimal) return false;
    // "he says he's fine" is what the person says, not that it is over.
    if (cls[t] & kResolvedWord) {
      bool told = false;
      for (size_t k = t; k > 0 && t - k < 3 && tokens[k - 1].sentence == sentence && !told; --k)
        told = (cls[k - 1] & kSpeechVerb) != 0;
      if (!told) return false;
    }
    const std::string& w = tokens[t].norm;
    const bool prev_in = t > 0 && tokens[t - 1].sentence == sentence;
    const bool prev2_in = prev_in && t > 1 && tokens[t - 2].sentence == sentence;
    const std::string& prev = prev_in ? tokens[t - 1].norm : w;
    const std::string& prev2 = prev2_in ? tokens[t - 2].norm : w;
    now = now || (cls[t] & kNowStrict) || (w == "now" && prev_in && (cls[t - 1] & kBeforeNow)) ||
          ((cls[t] & kNowAfterJust) && prev == "just") ||
          (w == "moment" && prev == "the" && prev2 == "at") ||
          (w == "speak" && prev == "we" && prev2 == "as");
    known = known || (cls[t] & kKnownPerson);
  }
  return now && known;
}

// The words of a phrase name the person it belongs to: "the worst headache of her life",
// "lost all his strength" (context_rules.yaml word class owner_pronoun; "they" in "pills
// at a party dont know what they were" is not an owner).
bool PhraseNamesThirdPerson(const std::vector<WordClasses>& cls, const PhraseMatch& m) {
  for (size_t t = m.first; t < m.last && t < cls.size(); ++t)
    if (cls[t] & kOwnerPronoun) return true;
  return false;
}

}  // namespace

struct TextReader::Words {
  std::vector<int> keys;         // phrase keys (PhraseMatcher::KeyOf)
  std::vector<WordClasses> classes;  // WordClassBits
  TokenIds ids;                  // context engine ids and lexicon surface ids
};

struct TextReader::Judgement {
  bool evidence = false;  // false: set aside, for `why`
  const char* why = "";
  EvidenceStatus status = EvidenceStatus::kPresent;
  std::vector<std::string> cues;
};

// The matches that overlap one match. Matches come in order of their first token and none
// is longer than `widest` tokens, so the ones overlapping a match lie in a short stretch of
// the list: finding them costs the same however long the text is.
class TextReader::Overlaps {
 public:
  explicit Overlaps(const std::vector<PhraseMatch>& matches) : matches_(matches) {
    for (const PhraseMatch& m : matches) widest_ = std::max(widest_, m.last - m.first);
  }
  // Calls fn(o) for each match o overlapping m (m itself included) until fn returns true.
  template <typename Fn>
  bool Each(const PhraseMatch& m, Fn&& fn) const {
    const size_t from = m.first > widest_ ? m.first - widest_ : 0;
    auto it = std::lower_bound(matches_.begin(), matches_.end(), from,
                               [](const PhraseMatch& a, size_t f) { return a.first < f; });
    for (; it != matches_.end() && it->first < m.last; ++it)
      if (m.first < it->last && fn(*it)) return true;
    return false;
  }
  // Every match overlapping m (m included). Valid until the next call; one reader pass
  // uses an Overlaps on one thread.
  const std::vector<const PhraseMatch*>& All(const PhraseMatch& m) const {
    all_.clear();
    Each(m, [&](const PhraseMatch& o) {
      all_.push_back(&o);
      return false;
    });
    return all_;
  }

 private:
  const std::vector<PhraseMatch>& matches_;
  size_t widest_ = 0;
  mutable std::vector<const PhraseMatch*> all_;  // All()'s answer, reused from match to match
};

// Each word's phrase key, context ids and lexicon id, remembered per thread and reader:
// stemming and spelling correction cost far more than one lookup, and people reuse their
// words.
void TextReader::LookUp(const std::vector<Token>& tokens, Words* out) const {
  struct WordInfo {
    int key, norm_id, stem_id;
    LexWordId surface;
    WordClasses classes;
  };
  struct Memo {
    const TextReader* owner = nullptr;
    WordTable<WordInfo> words;
  };
  thread_local Memo memo;
  if (memo.owner != this || memo.words.size() > 100000) {
    memo.owner = this;
    memo.words.Clear();
  }
  out->keys.resize(tokens.size());
  out->classes.resize(tokens.size());
  ContextEngine::WordIds& ids = out->ids.context;
  ids.norm.resize(tokens.size());
  out->ids.surface.resize(tokens.size());
  const bool stems = context_->UsesStems();
  if (stems) ids.stem.resize(tokens.size());
  for (size_t i = 0; i < tokens.size(); ++i) {
    bool fresh;
    WordInfo* w = memo.words.FindOrInsert(tokens[i].norm, &fresh);
    if (fresh) {
      const auto [norm_id, stem_id] = context_->IdsOf(tokens[i].norm);
      *w = {matcher_->KeyOf(tokens[i].norm), norm_id, stem_id,
            lexicon_->FindSurface(tokens[i].norm), WordClassBits(*context_, tokens[i].norm)};
    }
    out->keys[i] = w->key;
    ids.norm[i] = w->norm_id;
    if (stems) ids.stem[i] = w->stem_id;
    out->ids.surface[i] = w->surface;
    out->classes[i] = w->classes;
  }
}

// The phrases and concept combinations of the text, less those another finding's phrase
// masks where they overlap: "bum cheek" is a buttock, not a facial cheek; "my mum has
// restless legs" is family history only.
std::vector<PhraseMatch> TextReader::FindPhrases(std::string_view text, const std::vector<Token>& tokens, const Words& w) const {
  std::vector<PhraseMatch> matches = matcher_->Match(tokens, w.keys, context_->ClauseBreaks(tokens, w.ids.context, text));
  const Overlaps overlaps(matches);
  std::vector<uint8_t> drop(matches.size(), 0);
  bool any_dropped = false;
  for (size_t k = 0; k < matches.size(); ++k) {
    const PhraseMatch& m = matches[k];
    drop[k] = overlaps.Each(m, [&](const PhraseMatch& o) {
      for (int f : kb_->findings[o.finding].masks)
        if (f == m.finding) return true;
      return false;
    });
    any_dropped = any_dropped || drop[k];
  }
  if (any_dropped) {
    size_t kept = 0;
    for (size_t k = 0; k < matches.size(); ++k)
      if (!drop[k]) matches[kept++] = matches[k];
    matches.resize(kept);
  }
  return matches;
}

// A family-history cue that names the relative the text is about ("my husband had a stroke
// last year; now his hand jerks") does not make the finding someone else's; other-person
// cues ("my friend's eyelid") still do. A third-person pronoun ("he has epilepsy") in a text
// about a relative who is the patient, written by someone with no complaint of their own,
// is that relative.
bool TextReader::NamesPatient(const ContextResult& ctx, const Words& w, const TextAttributes& a) const {
  if (!a.patient_relation) return false;
  const bool pronouns_name_patient = !a.writer_has_complaint;
  auto only_pronouns = [&](const ContextCue& c) {
    if (c.first >= c.last) return false;
    for (size_t t = c.first; t < c.last; ++t) {
      const LexWordId id = w.ids.surface[t];
      if (id == kNoLexWord || lexicon_->words[id].pronoun_sex == 0) return false;
    }
    return true;
  };
  bool any = false;
  for (const ContextCue& c : ctx.cues) {
    if (c.category == ContextCategory::kOtherExperiencer) {
      if (pronouns_name_patient && only_pronouns(c)) {
        any = true;
        continue;
      }
      return false;
    }
    if (c.category != ContextCategory::kFamily) continue;
    bool names = false;
    for (size_t t = c.first; t < c.last && !names; ++t) {
      const LexWordId id = w.ids.surface[t];
      const int rel = id == kNoLexWord ? -1 : lexicon_->words[id].relation;
      names = rel >= 0 && lexicon_->relations[rel].name == *a.patient_relation;
    }
    if (!names) return false;
    any = true;
  }
  return any;
}

// The context of one recognised phrase: negated, possible, past, hypothetical or someone
// else's. `masked` has every recognised phrase's words
// hidden; this match's overlapping phrases are revealed while it is judged, and hidden
// again before returning.
TextReader::Judgement TextReader::Judge(const std::vector<Token>& tokens, const Words& w,
                                        const TextAttributes& attributes, const PhraseMatch& m,
                                        const Overlaps& overlaps, ContextEngine::WordIds* masked) const {
  ContextEngine::WordIds& masked_ids = *masked;
  const ContextEngine::WordIds& ids = w.ids.context;
  const std::vector<WordClasses>& classes = w.classes;
  const Finding& f = kb_->findings[m.finding];
  auto set_masked = [&](size_t t, bool hide) {
    masked_ids.norm[t] = hide ? -1 : ids.norm[t];
    if (!ids.stem.empty()) masked_ids.stem[t] = hide ? -1 : ids.stem[t];
  };
  // For a phrase with parts ("face ... weak"), the last part is the target, so a cue in
  // the gap still applies ("my face isn't weak"), while the phrase's own words stay
  // masked ("can't move ... side of" is not negated by its own "not").
  // Phrases that share a word with this one stay visible: in "my dad had ALS" the
  // family-history phrase's "dad" is what says that "ALS" is not about the writer.
  const size_t target_first = m.parts.back().first, target_last = m.parts.back().second;
  const std::vector<const PhraseMatch*>& overlapping = overlaps.All(m);
  auto reveal = [&](bool on) {
    for (const PhraseMatch* o : overlapping) {
      if (kb_->findings[o->finding].cue_words) continue;  // never hidden
      for (const auto& [b, e] : o->parts)
        for (size_t t = b; t < e; ++t) set_masked(t, !on);
    }
  };
  reveal(true);
  // The phrase's own earlier parts stay hidden ("can't move ... side" is not negated by
  // its own "not"); only its last part is the target.
  for (size_t p = 0; p + 1 < m.parts.size(); ++p)
    for (size_t t = m.parts[p].first; t < m.parts[p].second; ++t) set_masked(t, true);
  ContextResult ctx = context_->Classify(tokens, masked_ids, target_first, target_last);
  // A checklist answer that ends its line with no full stop ("headaches: no", "fever? no"):
  // the rules read "headaches: no." and "fever - no,"; the end of the sentence does as well.
  if (!ctx.negated && target_last + 1 < tokens.size() &&
      (tokens[target_last].norm == ":" || tokens[target_last].norm == "-" || tokens[target_last].norm == "?") &&
      tokens[target_last].sentence == tokens[target_first].sentence &&
      tokens[target_last + 1].sentence == tokens[target_last].sentence &&
      (classes[target_last + 1] & kAnswerNo) &&
      (target_last + 2 == tokens.size() || tokens[target_last + 2].sentence != tokens[target_last].sentence)) {
    ContextCue cue;
    cue.category = ContextCategory::kNegated;
    cue.first = target_last;
    cue.last = target_last + 2;
    cue.begin = tokens[target_last].begin;
    cue.end = tokens[target_last + 1].end;
    cue.literal = tokens[target_last].norm + " " + tokens[target_last + 1].norm;
    ctx.negated = true;
    ctx.cues.push_back(std::move(cue));
  }
  // A phrase whose first part is denied is denied whole, even when a word in its gap ends
  // the denial before the last part: "no swelling just lip twitching" names no swollen lip.
  if (!ctx.negated && m.parts.size() > 1) {
    for (size_t p = 1; p < m.parts.size(); ++p)
      for (size_t t = m.parts[p].first; t < m.parts[p].second; ++t) set_masked(t, true);
    for (size_t t = m.parts[0].first; t < m.parts[0].second; ++t) set_masked(t, false);
    const ContextResult head = context_->Classify(tokens, masked_ids, m.parts[0].first, m.parts[0].second);
    for (const ContextCue& c : head.cues)
      if (head.negated && c.category == ContextCategory::kNegated && c.last <= m.parts[0].first &&
          ReachAcrossCommas(tokens, classes, c.last, m.parts[0].first, m.parts[0].second) == ListReach::kNoComma) {
        ctx.negated = true;
        ctx.cues.push_back(c);
        break;
      }
  }
  reveal(false);
  if (ctx.negated) {
    bool denied = false, open = false;
    for (const ContextCue& c : ctx.cues) {
      if (c.category != ContextCategory::kNegated) continue;
      if (c.last > target_first) {  // a cue after the target ("... was ruled out")
        denied = true;
        continue;
      }
      // "dropped my toothbrush and can't do up shirt buttons": a "not" after a modal in the
      // gap of a sign's phrase says what the person cannot do, not that the sign is absent.
      // A sign of an emergency rule is then possible, never absent.
      const bool after_modal = c.first > 0 && (classes[c.first - 1] & kInabilityModal);
      if (after_modal && emergency_part_[m.finding] && m.parts.size() > 1 && c.first >= m.parts[0].second) {
        open = true;
        continue;
      }
      // "my hand won't grip properly since this morning": the "not" of an inability reaches
      // the verb after it and two words more, not a time or a sign further on.
      if (after_modal) {
        size_t words = 0;
        for (size_t t = c.last; t < target_first; ++t) words += tokens[t].kind != TokenKind::kPunct;
        if (words > 2) continue;
      }
      // "not sweating at all and talking gibberish": past an "and", a denial may have
      // ended; a sign of an emergency rule is then possible, never absent.
      if (emergency_part_[m.finding] &&
          std::any_of(classes.begin() + c.last, classes.begin() + target_first,
                      [](WordClasses b) { return (b & kListAnd) != 0; })) {
        open = true;
        continue;
      }
      switch (ReachAcrossCommas(tokens, classes, c.last, target_first, target_last)) {
        case ListReach::kNoComma:
        case ListReach::kDenied: denied = true; break;
        case ListReach::kOpen: open = true; break;
        case ListReach::kEnded: break;
      }
    }
    if (!denied) {
      ctx.negated = false;
      ctx.possible = ctx.possible || open;
    }
  }
  // "No history of migraines, no fever, explosive headache on the toilet": a history or
  // past-tense cue does not carry an emergency sign into the past across denials of their
  // own ("no fever") that lie between. (A new clause alone does not end it: "Last year I
  // reacted to a drug, my neck twisted" is all in the past.)
  if (ctx.historical && emergency_part_[m.finding]) {
    bool carried = false;
    for (const ContextCue& c : ctx.cues) {
      if (c.category != ContextCategory::kHistorical) continue;
      if (c.last > target_first) {  // after the target ("... years ago")
        carried = true;
        continue;
      }
      const bool statements_between = std::any_of(ctx.cues.begin(), ctx.cues.end(), [&](const ContextCue& n) {
        return n.category == ContextCategory::kNegated && n.first >= c.last && n.last <= target_first;
      });
      if (!statements_between) carried = true;
    }
    if (!carried) ctx.historical = false;
  }
  if (ctx.other_experiencer && NamesPatient(ctx, w, attributes)) ctx.other_experiencer = ctx.family = false;
  // Someone writing for a friend or a colleague ("my coworker's face suddenly drooped"),
  // with no complaint of their own, is asking about them: an emergency sign is the
  // patient's. (Other findings of someone else stay set aside: "my friend has twitching
  // in her eyelid too".)
  if (ctx.other_experiencer && !attributes.writer_has_complaint && emergency_sign_[m.finding])
    ctx.other_experiencer = ctx.family = false;
  // "My dad had a stroke: his face dropped. My eyelid twitches." When the writer has a
  // complaint of their own and writes about no relative as the patient, a sign that
  // belongs to "his" or "her" is someone else's.
  if (!ctx.other_experiencer && attributes.writer_has_complaint && !attributes.patient_relation &&
      (ThirdPersonOwns(tokens, classes, m.first) || PhraseNamesThirdPerson(classes, m)))
    ctx.other_experiencer = true;
  // "My eyelid twitches. Right now my wife is jerking on the floor and won't answer": an
  // emergency sign of a relative, friend or colleague happening as the writer writes is an
  // emergency in front of them. It is kept as possible, never set aside (SPEC §7); a past,
  // feared, denied, hypothetical or explained one, a stranger's or an animal's still is.
  if (ctx.other_experiencer && !ctx.family && !ctx.historical && !ctx.hypothetical && !ctx.negated &&
      emergency_sign_[m.finding] && f.category != FindingCategory::kRiskFactor && KnownPersonNow(tokens, classes, m)) {
    ctx.other_experiencer = false;
    ctx.possible = true;
  }
  if (f.mention_counts) ctx.hypothetical = ctx.historical = ctx.possible = false;
  if (f.hypothetical_counts) ctx.hypothetical = false;
  Judgement j;
  if (ctx.hypothetical) {
    j.why = "hypothetical";
  } else if (ctx.other_experiencer && f.category != FindingCategory::kRiskFactor) {
    j.why = "about someone else";
  } else if (ctx.historical && !ctx.negated && !PastStillCounts(f)) {
    j.why = "in the past";
  } else {
    j.evidence = true;
    j.status = ctx.negated ? EvidenceStatus::kAbsent : ctx.possible ? EvidenceStatus::kPossible : EvidenceStatus::kPresent;
    for (const ContextCue& c : ctx.cues) j.cues.push_back(c.literal);
  }
  return j;
}

// Findings derived from numbers the text states ("six cups a day", "for three weeks"): a
// stated number makes a range finding present or absent, unless a phrase already said.
void TextReader::FromNumbers(std::string_view text, const TextAttributes& attributes,
                             std::map<int, Evidence>* found) const {
  for (size_t f = 0; f < kb_->findings.size(); ++f) {
    const Finding& finding = kb_->findings[f];
    if (!finding.from_attribute || found->count(static_cast<int>(f))) continue;
    double value;
    if (!attributes.Numeric(finding.from_attribute->attribute, &value)) continue;
    bool in = (!finding.from_attribute->min || value >= *finding.from_attribute->min) &&
              (!finding.from_attribute->max || value <= *finding.from_attribute->max);
    Evidence e;
    e.id = finding.id;
    e.status = in ? EvidenceStatus::kPresent : EvidenceStatus::kAbsent;
    e.origin = Origin::kAttribute;
    // The spans of the statements that set the number; the text of the first.
    for (const AttributeMention& m : attributes.mentions) {
      if (!m.asserted || m.attribute != finding.from_attribute->attribute) continue;
      e.spans.push_back({m.begin, m.end});
      if (e.text.empty()) e.text = std::string(text.substr(m.begin, m.end - m.begin));
    }
    found->emplace(static_cast<int>(f), e);
  }
}

Reading TextReader::Read(std::string_view text, const Date& today) const {
  Reading out;
  out.tokens = Tokenize(text);
  const std::vector<Token>& tokens = out.tokens;
  Words words;
  LookUp(tokens, &words);
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].kind != TokenKind::kWord) continue;
    ++out.words;
    if (words.classes[i] & kCommonWord) ++out.english_words;
    if (words.classes[i] & kForeignWord) ++out.foreign_words;
  }
  out.attributes = ExtractAttributes(text, tokens, *lexicon_, context_.get(), words.ids, ToSysDays(today));
  if (out.attributes.age_years) out.patient.age = *out.attributes.age_years;
  if (out.attributes.sex) out.patient.sex = ParseSex(*out.attributes.sex);

  const std::vector<PhraseMatch> matches = FindPhrases(text, tokens, words);
  const Overlaps overlaps(matches);
  // The context engine sees the words of other recognised phrases masked: the "not" of
  // "could not talk" is part of that symptom, not a denial of the next one. Masking is by
  // word id: cue matching sees only ids, so no token is copied.
  // (A finding whose words are also cues, "scared" in "scared it is a fit", stays seen.)
  ContextEngine::WordIds masked_ids = words.ids.context;
  for (const PhraseMatch& m : matches)
    if (!kb_->findings[m.finding].cue_words)
      for (const auto& [b, e] : m.parts)
        for (size_t t = b; t < e; ++t) {
          masked_ids.norm[t] = -1;
          if (!masked_ids.stem.empty()) masked_ids.stem[t] = -1;
        }
  // Evidence per finding, merged across mentions (MergeReport: present beats denied).
  std::map<int, Evidence> found;
  for (const PhraseMatch& m : matches) {
    const Finding& f = kb_->findings[m.finding];
    const Span span{tokens[m.first].begin, tokens[m.last - 1].end};
    Judgement j = Judge(tokens, words, out.attributes, m, overlaps, &masked_ids);
    if (!j.evidence) {
      out.set_aside.push_back({f.id, span, j.why});
      continue;
    }
    Evidence e;
    e.id = f.id;
    e.status = j.status;
    e.spans.push_back(span);
    e.text = std::string(text.substr(span.begin, span.end - span.begin));
    e.origin = Origin::kText;
    e.cues = std::move(j.cues);
    auto it = found.find(m.finding);
    if (it == found.end()) found.emplace(m.finding, std::move(e));
    else MergeReport(&it->second, std::move(e));
  }
  FromNumbers(text, out.attributes, &found);
  for (auto& [f, e] : found) out.evidence.push_back(std::move(e));
  return out;
}

}  // namespace twitchcheck
