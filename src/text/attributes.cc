// The attribute reader's frame: tokens -> pieces with lexicon ids, numbers, the phrase
// vocabularies (site, side, onset, ...), spread, and the final numbers with their context.
// Durations and amounts are in attributes_amounts.cc, people in attributes_people.cc.
#include "text/attributes.h"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <cmath>

#include <fmt/format.h>

#include "text/attributes_internal.h"
#include "text/context.h"
#include "kb/knowledge.h"
#include "text/lexicon.h"

namespace twitchcheck {

bool TextAttributes::Numeric(std::string_view name, double* value) const {
  const std::optional<double>* d = nullptr;
  const int index = NumericAttributeIndex(name);
  if (index >= static_cast<int>(kLexAttributeCount)) {
    // The reader's own numbers, in kNumericAttributeNames' order after the lexicon's.
    const std::optional<double>* own[] = {&episode_days, &shortest_duration_days, &stated_duration_days};
    static_assert(sizeof(own) / sizeof(own[0]) == kNumericAttributeNames.size() - kLexAttributeCount);
    const std::optional<double>& v = *own[index - static_cast<int>(kLexAttributeCount)];
    if (!v) return false;
    *value = *v;
    return true;
  }
  switch (index < 0 ? LexAttribute::kNone : static_cast<LexAttribute>(index)) {
    case LexAttribute::kDuration: d = &duration_days; break;
    case LexAttribute::kCaffeine: d = &caffeine_drinks_per_day; break;
    case LexAttribute::kSleep: d = &sleep_hours; break;
    case LexAttribute::kAlcohol: d = &alcohol_drinks_per_day; break;
    case LexAttribute::kCigarettes: d = &cigarettes_per_day; break;
    case LexAttribute::kAge:
      if (!age_years) return false;
      *value = *age_years;
      return true;
    case LexAttribute::kNone: break;
  }
  if (!d || !*d) return false;
  *value = **d;
  return true;
}

namespace attr {
namespace {
Scratch& ThreadScratch() {
  thread_local Scratch scratch;
  return scratch;
}
}  // namespace

// Up to three decimals ("182.625", "21"); below 1, three significant digits without an
// exponent ("0.000231"). std::to_chars: no locale, no allocation beyond the result.
std::string FormatNumber(double v) {
  char buf[64];
  if (!std::isfinite(v) || std::fabs(v) > 1e15) return "0";
  std::to_chars_result r;
  if (v != 0 && std::fabs(v) < 1) {
    const int digits = 2 - static_cast<int>(std::floor(std::log10(std::fabs(v))));
    r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, std::min(digits, 20));
    char* end = r.ptr;
    while (end > buf && end[-1] == '0') --end;  // "0.250" -> "0.25"
    if (end > buf && end[-1] == '.') --end;
    return std::string(buf, end);
  }
  r = std::to_chars(buf, buf + sizeof buf, std::round(v * 1000) / 1000);
  return std::string(buf, r.ptr);
}

Reader::Reader(std::string_view text, const std::vector<Token>& tokens, const Lexicon& lex,
               const ContextEngine* ctx, const TokenIds* ids, std::chrono::sys_days today)
    : text_(text), tokens_(tokens), lex_(lex), ctx_(ctx), ids_(ids), today_(today), scratch_(ThreadScratch()),
      p_(scratch_.pieces), used_(scratch_.used), relation_word_(scratch_.relation_word) {
  p_.clear();
  for (size_t k = 0; k < lex_.mention_kinds.size(); ++k) {
    if (lex_.mention_kinds[k] == "site") site_kind_ = static_cast<int>(k);
    if (lex_.mention_kinds[k] == "side") side_kind_ = static_cast<int>(k);
  }
}

namespace {
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsSplitter(char c) { return c == '-' || c == '/' || c == '~'; }

// Digits with inner "." or ",": "2.5" -> 2.5, "1,000" -> 1000. Anything else -> -1.
double ParseDigits(std::string_view s) {
  char buf[32];
  size_t n = 0;
  for (char c : s) {
    if (c == ',') continue;
    if (n + 1 >= sizeof buf) return -1;
    buf[n++] = c;
  }
  double v = -1;
  auto [ptr, ec] = std::from_chars(buf, buf + n, v);
  if (ec != std::errc() || ptr != buf + n) return -1;
  return v;
}
}  // namespace

ContextResult Reader::Context(size_t first_piece, size_t last_piece) const {
  const size_t first = p_[first_piece].token, last = p_[last_piece - 1].token_last + 1;
  return ids_ ? ctx_->Classify(tokens_, ids_->context, first, last)
              : ctx_->Classify(tokens_, first, last);
}

void Reader::AddPiece(const Piece& piece, bool id_known) {
  if (!p_.empty()) {
    Piece& prev = p_.back();
    // Two-word spellings ("eye lid" -> "eyelid") become one piece.
    if (!piece.punct && !prev.punct && prev.sentence == piece.sentence && prev.id != kNoLexWord &&
        lex_.words[prev.id].joins_next) {
      auto it = lex_.joined_spelling.find(prev.norm);
      if (it != lex_.joined_spelling.end()) {
        for (const auto& [second, canon] : it->second) {
          if (second != piece.norm) continue;
          prev.norm = canon;
          prev.end = piece.end;
          prev.token_last = piece.token_last;
          prev.id = lex_.FindSurface(canon);
          return;
        }
      }
    }
  }
  Piece& p = p_.emplace_back(piece);
  p.glued = p_.size() > 1 && p_[p_.size() - 2].end == p.begin;
  if (!id_known) p.id = lex_.FindSurface(p.norm);
  p.filler = p.id != kNoLexWord &&
             lex_.words[p.id].single_cue[static_cast<size_t>(LexCue::kFiller)];
}

void Reader::BuildPieces() {
  p_.reserve(tokens_.size() + tokens_.size() / 4 + 1);
  const size_t limit = std::min<size_t>(text_.size(), UINT32_MAX);
  for (size_t t = 0; t < tokens_.size(); ++t) {
    const Token& tok = tokens_[t];
    Piece base;
    const size_t begin = std::min(tok.begin, limit);
    base.begin = static_cast<uint32_t>(begin);
    base.end = static_cast<uint32_t>(std::clamp(tok.end, begin, limit));
    base.sentence = static_cast<uint32_t>(std::min<size_t>(tok.sentence, UINT32_MAX));
    base.token = base.token_last = static_cast<uint32_t>(t);
    const std::string_view norm = tok.norm;
    if (norm.empty()) continue;
    if (tok.kind == TokenKind::kPunct) {
      base.norm = norm;
      base.punct = true;
      if (ids_) base.id = ids_->surface[t];
      AddPiece(base, ids_ != nullptr);
      continue;
    }
    // Most tokens are one piece: a word without digits, or a number.
    const bool number = tok.kind == TokenKind::kNumber;
    bool whole = true;
    for (char c : norm) {
      if (IsSplitter(c) || (!number && IsDigit(c))) {
        whole = false;
        break;
      }
    }
    if (whole) {
      base.norm = norm;
      if (number) base.num = ParseDigits(norm);
      if (ids_) base.id = ids_->surface[t];
      AddPiece(base, ids_ != nullptr);
      continue;
    }
    // Offsets inside the token are exact only when its norm spells it byte for byte.
    const bool exact = base.end - base.begin == norm.size();
    size_t pos = 0;
    while (pos < norm.size()) {
      size_t j = pos + 1;
      Piece p = base;
      if (IsSplitter(norm[pos])) {
        p.punct = true;
      } else if (IsDigit(norm[pos])) {
        while (j < norm.size() && (IsDigit(norm[j]) || ((norm[j] == '.' || norm[j] == ',') &&
                                                         j + 1 < norm.size() && IsDigit(norm[j + 1]))))
          ++j;
        p.num = ParseDigits(norm.substr(pos, j - pos));
      } else {
        while (j < norm.size() && !IsDigit(norm[j]) && !IsSplitter(norm[j])) ++j;
      }
      p.norm = norm.substr(pos, j - pos);
      if (exact) {
        p.begin = static_cast<uint32_t>(base.begin + pos);
        p.end = static_cast<uint32_t>(base.begin + j);
      }
      AddPiece(p);
      pos = j;
    }
  }
  used_.assign(p_.size(), 0);
}

size_t Reader::Match(size_t i, LexRole role, int index, const LexPhrase** out,
                     bool free_only) const {
  const LexWord* w = W(i);
  if (!w || (free_only && used_[i]) || !(w->role_mask & (1u << static_cast<unsigned>(role))))
    return 0;
  if (role == LexRole::kCue && index >= 0 && !(w->cue_mask & (uint64_t{1} << index))) return 0;
  if (role == LexRole::kMention && index >= 0 && index < 32 && !(w->kind_mask & (1u << index)))
    return 0;
  const size_t r = static_cast<size_t>(role);
  for (size_t k = w->role_begin[r]; k < w->role_begin[r + 1]; ++k) {  // longest first
    const LexPhrase& ph = lex_.phrases[w->phrases[k]];
    if (index >= 0 && ph.index != index) continue;
    size_t j = i + 1;
    bool ok = true;
    for (size_t k = 1; k < ph.words.size() && ok; ++k) {
      for (int skips = 0;; ++skips) {
        if (!Same(i, j) || (free_only && used_[j])) { ok = false; break; }
        if (p_[j].id == ph.words[k]) break;
        if (skips < 2 && p_[j].filler) { ++j; continue; }
        ok = false;
        break;
      }
      ++j;
    }
    if (ok) {
      if (out) *out = &ph;
      return j;
    }
  }
  return 0;
}

size_t Reader::CueAt(size_t i, LexCue c) const {
  return Match(i, LexRole::kCue, static_cast<int>(c), nullptr);
}

size_t Reader::CueBefore(size_t end, LexCue c) const {
  const LexWord* last = end > 0 ? W(end - 1) : nullptr;
  if (!last || !(last->cue_end_mask & (uint64_t{1} << static_cast<unsigned>(c)))) return kNone;
  // Cue phrases are short; look back a few pieces for one that ends exactly at `end`.
  for (size_t len = 1; len <= 4 && len <= end; ++len) {
    const size_t start = end - len;
    if (!Same(start, end - 1) || (end < p_.size() && !Same(start, end))) break;
    if (CueAt(start, c) == end) return start;
  }
  return kNone;
}

bool Reader::CueInRange(size_t from, size_t to, LexCue c) const {
  for (size_t k = from; k < to && k < p_.size(); ++k)
    if (CueAt(k, c)) return true;
  return false;
}

size_t Reader::SentenceStart(size_t i) const {
  while (i > 0 && Same(i - 1, i)) --i;
  return i;
}

size_t Reader::SentenceEnd(size_t i) const {
  while (i + 1 < p_.size() && Same(i, i + 1)) ++i;
  return i + 1;
}

bool Reader::ParseSimpleNumber(size_t i, Num* n) const {
  if (i >= p_.size() || used_[i]) return false;
  n->first = n->value_first = i;
  if (p_[i].num >= 0) {
    n->value = p_[i].num;
    n->digits = true;
    n->last = i + 1;
    return true;
  }
  const LexWord* w = W(i);
  if (!w || w->number < 0 || p_[i].punct) return false;
  const LexWord* next = Same(i, i + 1) && !used_[i + 1] ? W(i + 1) : nullptr;
  const bool next_is_number = (next && next->number >= 0) || (Same(i, i + 1) && p_[i + 1].num >= 0);
  // An article before another number: "a 35-year-old", "a couple", "a few", "a half".
  if (w->approximate && w->number == 1 && next_is_number && !(next && next->number == 1)) {
    if (!ParseSimpleNumber(i + 1, n)) return false;
    n->first = i;
    if (!n->digits) n->value_first = i;  // "a few" says the value; "a 35-year-old" does not
    return true;
  }
  n->value = w->number;
  n->approximate = w->approximate;
  n->word = p_[i].norm;
  n->last = i + 1;
  n->digits = false;
  // "half a pack", "half an hour".
  if (w->number == 0.5 && next && next->approximate && next->number == 1) {
    n->last = i + 2;
    return true;
  }
  // "twenty one"; "two hundred"; "two dozen".
  if (next && !next->approximate && w->number >= 20 && w->number < 100 &&
      std::fmod(w->number, 10) == 0 && next->number >= 1 && next->number <= 9) {
    n->value += next->number;
    n->last = i + 2;
  } else if (next && (next->number == 100 || next->number == 12) && w->number < next->number &&
             w->number >= 1) {
    n->value *= next->number;
    n->last = i + 2;
  }
  return true;
}

bool Reader::ParseNumber(size_t i, Num* n) const {
  if (!ParseSimpleNumber(i, n)) return false;
  // "two and a half", "2 or 3", "2-3", "20~29".
  if (size_t e = CueAt(n->last, LexCue::kAndAHalf); e && Same(i, n->last)) {
    n->value += 0.5;
    n->last = e;
  }
  if (Same(i, n->last) && IsCue(n->last, LexCue::kRange)) {
    Num second;
    if (Same(i, n->last + 1) && ParseSimpleNumber(n->last + 1, &second) &&
        !second.approximate && second.value >= n->value) {
      n->value = (n->value + second.value) / 2;
      n->last = second.last;
      n->approximate = false;
    }
  }
  return true;
}

size_t Reader::AddMention(std::string_view kind, std::string value, size_t first, size_t last) {
  AttributeMention m;
  m.kind = std::string(kind);
  m.value = std::move(value);
  if (kind == "age") m.attribute = LexAttributeName(LexAttribute::kAge);
  if (first < p_.size() && last > first) {
    m.begin = p_[first].begin;
    m.end = std::max<size_t>(m.begin, p_[std::min(last, p_.size()) - 1].end);  // offsets may be odd
    m.sentence = p_[first].sentence;
  }
  out_.mentions.push_back(std::move(m));
  return out_.mentions.size() - 1;
}

// "My dad smokes 20 a day": a relative who is not the patient is the sentence's subject,
// and the writer does not speak between them and the number.
bool Reader::AboutOtherRelative(size_t first) const {
  for (const Relation& r : relations_) {
    if (r.patient || r.anchor >= first || !Same(r.anchor, first)) continue;
    bool writer = false;
    for (size_t k = r.last; k < first && !writer; ++k)
      writer = !relation_word_[k] && IsCue(k, LexCue::kWriter);
    if (!writer) return true;
  }
  return false;
}

void Reader::Finish() {
  ResolvePerson();
  // Context: a number counts only when it is affirmed, real and about the patient.
  for (Candidate& c : candidates_) {
    AttributeMention& m = out_.mentions[c.mention];
    m.attribute = LexAttributeName(c.attribute);
    // An episode's length ("each one lasts a few seconds", "jerking for forty minutes") is
    // not how long the complaint has lasted; the longest affirmed one is kept apart.
    bool episode = c.episode && c.attribute == LexAttribute::kDuration && !c.past_habit &&
                   !c.dated_elsewhere && !AboutOtherRelative(c.first);
    if (c.past_habit || c.episode || c.dated_elsewhere || AboutOtherRelative(c.first)) m.asserted = false;
    if ((!m.asserted && !episode) || !ctx_ || c.first >= c.last) continue;
    const ContextResult r = Context(c.first, c.last);
    // "I can't sleep more than 4 hours" still says 4 hours.
    const bool negated = r.negated && c.attribute != LexAttribute::kSleep;
    const bool other = r.other_experiencer && !patient_is_relation_;
    if (negated || r.hypothetical || other) m.asserted = episode = false;
    if (episode && (!out_.episode_days || c.value > *out_.episode_days)) out_.episode_days = c.value;
  }
  // Per attribute: durations the longest; sleep the shortest night; drinks summed over
  // substances, the largest statement per substance (a repeated "5 coffees" is not 10).
  std::vector<std::pair<int, double>> per_substance;
  for (const Candidate& c : candidates_) {
    if (!out_.mentions[c.mention].asserted) continue;
    switch (c.attribute) {
      case LexAttribute::kDuration:
        if (!out_.duration_days || c.value > *out_.duration_days) out_.duration_days = c.value;
        if (!out_.shortest_duration_days || c.value < *out_.shortest_duration_days) out_.shortest_duration_days = c.value;
        if (!c.counted_back && (!out_.stated_duration_days || c.value > *out_.stated_duration_days))
          out_.stated_duration_days = c.value;
        break;
      case LexAttribute::kSleep:
        if (!out_.sleep_hours || c.value < *out_.sleep_hours) out_.sleep_hours = c.value;
        break;
      case LexAttribute::kCaffeine:
      case LexAttribute::kAlcohol:
      case LexAttribute::kCigarettes: {
        auto it = std::find_if(per_substance.begin(), per_substance.end(),
                               [&](const auto& s) { return s.first == c.substance; });
        if (it == per_substance.end()) per_substance.emplace_back(c.substance, c.value);
        else it->second = std::max(it->second, c.value);
        break;
      }
      default:
        break;
    }
  }
  for (const auto& [sub, value] : per_substance) {
    std::optional<double>* slot = nullptr;
    LexAttribute a = lex_.substances[sub].attribute;
    if (a == LexAttribute::kCaffeine) slot = &out_.caffeine_drinks_per_day;
    else if (a == LexAttribute::kAlcohol) slot = &out_.alcohol_drinks_per_day;
    else if (a == LexAttribute::kCigarettes) slot = &out_.cigarettes_per_day;
    if (!slot) continue;
    const double total = slot->value_or(0) + value;
    if (total <= lex_.limits[static_cast<size_t>(a)]) *slot = total;
  }
  // Text order; stable, so mentions of one span keep the order they were found in. (An
  // insertion sort was quadratic on long texts whose mentions arrive out of order.)
  auto before = [](const AttributeMention& x, const AttributeMention& y) {
    return x.begin != y.begin ? x.begin < y.begin : x.end < y.end;
  };
  std::vector<AttributeMention>& ms = out_.mentions;
  if (!std::is_sorted(ms.begin(), ms.end(), before)) std::stable_sort(ms.begin(), ms.end(), before);
}

TextAttributes Reader::Run() {
  out_.mentions.reserve(32);
  candidates_.reserve(16);
  BuildPieces();
  FindRelations();
  constexpr uint32_t kStartRoles = (1u << static_cast<unsigned>(LexRole::kRelative)) |
                                   (1u << static_cast<unsigned>(LexRole::kVague));
  constexpr uint64_t kStartCues = (uint64_t{1} << static_cast<unsigned>(LexCue::kDecadeIn)) |
                                  (uint64_t{1} << static_cast<unsigned>(LexCue::kEvery)) |
                                  (uint64_t{1} << static_cast<unsigned>(LexCue::kSince));
  for (size_t i = 0; i < p_.size(); ++i) {
    if (used_[i]) continue;
    // Only numbers and a few kinds of words can start an attribute.
    const LexWord* w = W(i);
    if (p_[i].num < 0 &&
        !(w && (w->number >= 0 || w->sex_letter || w->frequency_count || w->month ||
                w->weekday >= 0 || w->unit >= 0 || (w->role_mask & kStartRoles) ||
                (w->cue_mask & kStartCues))))
      continue;
    Num n;
    if (TryCompact(i) || TryDecade(i) || TryEvery(i) ||
        (ParseNumber(i, &n) && TryNumberLed(n)) || TryFrequencyWord(i) || TrySince(i) ||
        TryStartDate(i) || TryRelative(i) || TryVague(i) || TryBareUnit(i))
      continue;
  }
  ReadSexWords();
  ReadVocabulary();
  ResolveSpread();
  Finish();
  return std::move(out_);
}

}  // namespace attr

namespace {
}  // namespace

TextAttributes ExtractAttributes(std::string_view text, const std::vector<Token>& tokens,
                                 const Lexicon& lex, const ContextEngine* ctx,
                                 std::chrono::sys_days today) {
  attr::Reader reader(text, tokens, lex, ctx, nullptr, today);
  return reader.Run();
}

TextAttributes ExtractAttributes(std::string_view text, const std::vector<Token>& tokens,
                                 const Lexicon& lex, const ContextEngine* ctx, const TokenIds& ids,
                                 std::chrono::sys_days today) {
  const bool usable = ctx && ids.surface.size() == tokens.size() &&
                      ids.context.norm.size() == tokens.size();
  attr::Reader reader(text, tokens, lex, ctx, usable ? &ids : nullptr, today);
  return reader.Run();
}

}  // namespace twitchcheck
