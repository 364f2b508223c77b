// Age and sex, and whom the text is about. A parent writing "my 10-year-old son keeps
// blinking" is asking about the son; "my mother also had this" is family history. The
// writer's own statements ("I'm 29", "35 yo female", "F/42", "in my forties") count unless
// a relative turns out to be the patient.
#include <algorithm>
#include <cmath>

#include "text/attributes_internal.h"

namespace twitchcheck::attr {
namespace {
constexpr double kDaysPerYear = 365.25;
}  // namespace

bool Reader::ComplaintIn(size_t i) const {
  if (i >= p_.size()) return false;
  return CueInRange(SentenceStart(i), SentenceEnd(i), LexCue::kComplaint);
}

bool Reader::ComplaintOrStartInClause(size_t i) const {
  if (i >= p_.size()) return false;
  const size_t s0 = SentenceStart(i), s1 = SentenceEnd(i);
  size_t from = s0, to = s1;
  for (size_t k = s0; k < i; ++k) {
    if (p_[k].punct) {
      from = k + 1;
    } else if (const size_t e = CueAt(k, LexCue::kClauseBreak); e && e <= i) {
      from = e;
    }
  }
  for (size_t k = i + 1; k < s1; ++k) {
    if (p_[k].punct || CueAt(k, LexCue::kClauseBreak)) {
      to = k;
      break;
    }
  }
  return CueInRange(from, to, LexCue::kComplaint) || CueInRange(from, to, LexCue::kStart);
}

// An age at piece k: "35 years old", "35yo", "18 month old"; with `bare_ok` also "35"
// alone when nothing that makes it another quantity follows.
bool Reader::AgeAt(size_t k, bool bare_ok, double* age, size_t* end) const {
  Num n;
  if (!ParseNumber(k, &n) || n.approximate) return false;
  const size_t j = n.last;
  const bool more = Same(k, j);
  const LexWord* w = more ? W(j) : nullptr;
  if (size_t e = more ? CueAt(j, LexCue::kAgeAfter) : 0) {
    *age = n.value;
    *end = e;
  } else if (w && w->unit >= 0 && Same(k, j + 1) && IsCue(j + 1, LexCue::kOld)) {
    *age = std::floor(n.value * lex_.units[w->unit].days / kDaysPerYear);  // "18 month old"
    *end = j + 2;
  } else if (bare_ok && (!more || IsCue(j, LexCue::kBareAgeEnd) ||
                         (!Word(j) && !CueAt(j, LexCue::kNotAgeAfter)))) {
    *age = n.value;
    *end = j;
    if (more && IsCue(j, LexCue::kBareAgeEnd) && W(j)->unit >= 0) *end = j + 1;  // "29 years"
  } else {
    return false;
  }
  return *age >= 0 && *age <= lex_.limits[static_cast<size_t>(LexAttribute::kAge)];
}

// A whole number straight after a relation word and before a word that is no unit and no
// counted thing: "my brother 19 started on a new tablet" (not "my son 2 weeks", "my mum
// 3 times").
bool Reader::BareAgeBeforeWord(size_t k, double* age, size_t* end) const {
  Num n;
  if (!ParseNumber(k, &n) || n.approximate || n.value < 1 || n.value != std::floor(n.value)) return false;
  const size_t j = n.last;
  if (!Same(k, j) || !Word(j) || CueAt(j, LexCue::kNotAgeAfter)) return false;
  if (const LexWord* w = W(j); w && (w->unit >= 0 || w->number >= 0)) return false;
  if (n.value > lex_.limits[static_cast<size_t>(LexAttribute::kAge)]) return false;
  *age = n.value;
  *end = j;
  return true;
}

void Reader::FindRelations() {
  relation_word_.assign(p_.size(), 0);
  for (size_t i = 0; i < p_.size(); ++i) {
    const LexWord* w = W(i);
    if (!w || p_[i].punct || used_[i]) continue;
    if (w->pronoun_sex && w->relation < 0) {  // "she is 34": only with an age
      Relation r;
      r.first = r.anchor = i;
      r.sex = w->pronoun_sex;
      for (size_t k = i + 1; k <= i + 3 && Same(i, k); ++k) {
        const LexWord* kw = W(k);
        if (p_[k].num < 0 && !(kw && kw->number >= 0 && !kw->approximate)) continue;
        size_t end = 0;
        if (AgeAt(k, true, &r.age, &end)) {
          // "my son has epilepsy, he's 9": the age of the relative just named, not of a
          // second person.
          Relation* named = relations_.empty() ? nullptr : &relations_.back();
          if (named && named->age < 0 && !named->other && named->sex == r.sex &&
              p_[i].sentence <= p_[named->anchor].sentence + 1) {
            named->age = r.age;
            named->age_mention = AddMention("age", FormatNumber(std::lround(r.age)), k, end);
            Use(k, end);
            relation_word_[i] = 1;
            break;
          }
          r.last = end;
          r.age_mention = AddMention("age", FormatNumber(std::lround(r.age)), k, end);
          r.sex_mention = AddMention("sex", SexCodeName(r.sex), i, i + 1);
          Use(k, end);
          relation_word_[i] = 1;
          relations_.push_back(r);
        }
        break;
      }
      continue;
    }
    if (w->relation < 0) continue;
    size_t my = kNone;
    for (size_t k = i; k-- > 0 && i - k <= 5 && Same(k, i);) {
      if (IsCue(k, LexCue::kSelfPossessive)) { my = k; break; }
      const LexWord* kw = W(k);
      if (p_[k].punct || (kw && kw->relation >= 0)) break;
    }
    // A relation word and an age that open the text speak for someone the writer knows, as
    // "my" does: "brother 19 started a new tablet", "Mum, 82, keeps jerking".
    if (my == kNone && i == 0) my = i;
    if (my == kNone) continue;  // "a friend", "the boy": not someone the writer speaks for
    Relation r;
    r.first = my;
    r.last = r.anchor = i;
    r.sex = SexCode(lex_.relations[w->relation].sex);
    double age = -1;
    size_t age_first = kNone, age_end = 0;
    for (size_t k = my + 1; k < i; ++k)  // "my 10-year-old son"
      if (AgeAt(k, false, &age, &age_end) && age_end <= i) { age_first = k; break; }
    if (age_first == kNone) {  // "my son (10)", "my son, 10,", "my son is 10"
      // (A relation word without "my" takes only an age next to it: "brother 19", "mum,
      // 82,". Words between a relation and its age must link them: "is", "who's", "turned".)
      const size_t reach = my == i ? 2 : 4;
      for (size_t k = i + 1; k <= i + reach && Same(i, k); ++k) {
        const LexWord* kw = W(k);
        if (kw && kw->relation >= 0) break;
        if (my == i && k == i + 2 && !p_[i + 1].punct) break;
        if (p_[k].num < 0 && !(kw && kw->number >= 0 && !kw->approximate)) {
          // "my son is 10", not "my dad's had dementia 5 years": only linking words between.
          if (!p_[k].punct && !CueAt(k, LexCue::kAgeLink)) break;
          continue;
        }
        // "my mum had a stroke 10 years ago": a date, not her age.
        if (AgeAt(k, true, &age, &age_end) && !(age_end < p_.size() && Same(k, age_end) &&
                                                 CueAt(age_end, LexCue::kAgo)))
          age_first = k;
        else if (k == i + 1 && BareAgeBeforeWord(k, &age, &age_end))  // "my brother 19 started"
          age_first = k;
        else
          age = -1;
        break;
      }
    }
    if (my == i && age_first == kNone) continue;  // "dad's had dementia": as before, no relation
    for (size_t k = my; k <= i; ++k) relation_word_[k] = 1;
    Use(i, i + 1);
    if (age_first != kNone) {
      r.age = age;
      r.age_mention = AddMention("age", FormatNumber(std::lround(age)), age_first, age_end);
      Use(age_first, age_end);
      r.last = std::max(r.last, age_end);
    }
    if (r.sex) r.sex_mention = AddMention("sex", SexCodeName(r.sex), i, i + 1);
    relations_.push_back(r);
  }
}

bool Reader::TryAge(const Num& n) {
  const size_t b = n.first;
  // "I'm 29", "aged 29", "age: 29", "Female, 61", "male 35".
  size_t before = b;
  if (before > 0 && Same(before - 1, b) && p_[before - 1].punct &&
      (p_[before - 1].norm == ":" || p_[before - 1].norm == ","))
    --before;
  const LexWord* prev = before > 0 && Same(before - 1, b) ? W(before - 1) : nullptr;
  bool self_cue = CueBefore(b, LexCue::kSelf) != kNone ||
                  CueBefore(before, LexCue::kAgeBefore) != kNone ||
                  (prev && prev->sex && !p_[before - 1].punct);
  double age = -1;
  size_t end = 0;
  if (!self_cue && (b == 0 || !Same(b - 1, b)) && AgeAt(b, true, &age, &end)) {
    // "21 years, male, eyelid twitching": a sentence that opens with a number and a sex word
    // states the writer's age, not how long anything has lasted.
    size_t k = end;
    if (k < p_.size() && Same(b, k) && p_[k].punct && (p_[k].norm == "," || p_[k].norm == "/"))
      ++k;
    const LexWord* w = k < p_.size() && Same(b, k) ? W(k) : nullptr;
    self_cue = w && w->sex && w->relation < 0;
  }
  if (!AgeAt(b, self_cue, &age, &end)) return false;
  if (!self_cue) {
    // "a 10 year old son", "my 10-year-old", "her 40-year-old husband": someone else.
    size_t rel = kNone;
    for (size_t k = end; k < end + 3 && Same(b, k) && Word(k); ++k) {
      const LexWord* w = W(k);
      if (w && w->relation >= 0) { rel = k; break; }
    }
    const bool mine = b > 0 && Same(b - 1, b) && IsCue(b - 1, LexCue::kSelfPossessive);
    const bool theirs = b > 0 && Same(b - 1, b) && IsCue(b - 1, LexCue::kOtherPossessive);
    if (rel != kNone || mine || theirs) {
      Relation r;
      r.first = mine || theirs ? b - 1 : b;
      r.anchor = rel != kNone ? rel : n.value_first;
      r.last = rel != kNone ? rel + 1 : end;
      r.other = theirs;
      r.age = age;
      r.age_mention = AddMention("age", FormatNumber(std::lround(age)), n.value_first, end);
      if (rel != kNone) {
        r.sex = SexCode(lex_.relations[W(rel)->relation].sex);
        if (r.sex) r.sex_mention = AddMention("sex", SexCodeName(r.sex), rel, rel + 1);
      }
      for (size_t k = r.first; k < r.last; ++k) relation_word_[k] = 1;
      Use(b, r.last);
      relations_.push_back(r);
      return true;
    }
  }
  SetSelfAge(age, n.value_first, end);
  Use(b, end);
  return true;
}

void Reader::SetSelfAge(double age, size_t first, size_t last) {
  self_mentions_.push_back(AddMention("age", FormatNumber(std::lround(age)), first, last));
  if (self_age_ >= 0) return;  // the first statement wins
  self_age_ = age;
  self_age_first_ = first;
  self_age_last_ = last;
}

void Reader::SetSelfSex(int sex, size_t first, size_t last) {
  self_mentions_.push_back(AddMention("sex", SexCodeName(sex), first, last));
  if (!self_sex_) self_sex_ = sex;
}

// "35M", "35/f", "M35", "F/42", "(35 m)": an age and a sex letter written together.
bool Reader::TryCompact(size_t i) {
  auto letter = [&](size_t k) -> int {
    const LexWord* w = Word(k) ? W(k) : nullptr;
    return w && p_[k].num < 0 ? w->sex_letter : 0;
  };
  // "/" or "," between the two: "F/42", "M, 58".
  auto slash = [&](size_t k) {
    return k < p_.size() && p_[k].punct && (p_[k].norm == "/" || p_[k].norm == ",");
  };
  auto isolated = [&](size_t first, size_t last) {  // nothing but punctuation around
    const bool before = first == 0 || !Same(first - 1, first) || !Word(first - 1);
    const bool after = last >= p_.size() || !Same(first, last) || !Word(last);
    return before && after;
  };
  size_t num = kNone, let = kNone, last = 0;
  bool glued = true;
  auto is = [&](size_t k, std::string_view s) { return k < p_.size() && p_[k].punct && p_[k].norm == s; };
  if (p_[i].num >= 0) {
    size_t k = i + 1;
    if (is(k, "(") && Same(i, k + 2) && letter(k + 1) && is(k + 2, ")")) {  // "16 (m)"
      num = i, let = k + 1, last = k + 3;
      glued = false;
      if (!isolated(i, i + 1) && !(i > 0 && Same(i - 1, i))) return false;
    } else {
      if (slash(k) && Same(i, k)) glued = glued && p_[k].glued, ++k;
      if (!Same(i, k) || !letter(k)) return false;
      glued = glued && p_[k].glued;
      num = i, let = k, last = k + 1;
    }
  } else if (letter(i)) {
    size_t k = i + 1;
    if (slash(k) && Same(i, k)) glued = glued && p_[k].glued, ++k;
    if (!Same(i, k) || p_[k].num < 0) return false;
    glued = glued && p_[k].glued;
    num = k, let = i, last = k + 1;
  } else {
    return false;
  }
  // A glued pair must stand alone as a word ("35m" but not "35mg"); a spaced one must
  // stand between punctuation ("(35 m)").
  if (glued ? (last < p_.size() && p_[last].glued && Word(last))
            : !is(last - 1, ")") && !isolated(i, last))
    return false;
  const double age = p_[num].num;
  if (age < 1 || age > lex_.limits[static_cast<size_t>(LexAttribute::kAge)] ||
      age != std::floor(age))
    return false;
  SetSelfAge(age, i, last);
  SetSelfSex(letter(let), i, last);
  Use(i, last);
  return true;
}

// "in my forties", "in my late 30s", "in her sixties".
bool Reader::TryDecade(size_t i) {
  if (!IsCue(i, LexCue::kDecadeIn) || !Same(i, i + 2)) return false;
  size_t k = i + 1;
  const bool mine = IsCue(k, LexCue::kSelfPossessive);
  if (!mine && !IsCue(k, LexCue::kOtherPossessive)) return false;
  ++k;
  double shift = 0;
  if (const LexWord* m = W(k); m && m->decade_modifier && Same(i, k + 1)) {
    shift = m->decade_shift;
    ++k;
  }
  double age = -1;
  size_t end = k + 1;
  const LexWord* w = W(k);
  if (w && w->decade > 0 && p_[k].num < 0) {
    age = w->decade + shift;
  } else if (p_[k].num >= 10 && p_[k].num <= 90 && std::fmod(p_[k].num, 10) == 0) {
    size_t s = k + 1;
    if (s < p_.size() && p_[s].punct && p_[s].norm == "'") ++s;  // "40's"
    if (!Same(k, s) || p_[s].norm != "s") return false;
    age = p_[k].num + 5 + shift;
    end = s + 1;
  } else {
    return false;
  }
  if (mine) {
    SetSelfAge(age, i, end);
  } else {
    // Another person's decade: give it to the relative just named, if they have no age.
    for (auto it = relations_.rbegin(); it != relations_.rend(); ++it) {
      if (p_[it->anchor].sentence + 1 < p_[i].sentence) break;
      if (it->age < 0 && it->anchor < i) {
        it->age = age;
        it->age_mention = AddMention("age", FormatNumber(age), i, end);
        break;
      }
    }
  }
  Use(i, end);
  return true;
}

// Sex words about the writer: "I'm a woman", "as a guy", "35 year old male", "male here",
// "Female, 42".
bool Reader::SelfSexContext(size_t i) const {
  if (CueAt(i + 1, LexCue::kHere) && Same(i, i + 1)) return true;
  if (i == 0 || (i == 1 && p_[0].punct)) return true;
  for (size_t k = i; k > 0 && i - k <= 5 && Same(k - 1, i);) {
    --k;
    if (CueBefore(k + 1, LexCue::kSelf) != kNone || CueBefore(k + 1, LexCue::kAsA) != kNone) return true;
    if (p_[k].punct && !used_[k]) break;
    const LexWord* w = W(k);
    if (w && (w->relation >= 0 || w->sex)) break;
  }
  if (self_age_first_ != kNone && Same(i, self_age_first_)) {
    size_t after = self_age_last_;
    if (after < i && p_[after].punct) ++after;  // "35, female"
    if (after == i) return true;
    size_t before = i + 1;
    if (before < self_age_first_ && p_[before].punct) ++before;  // "female, 42"
    if (before == self_age_first_) return true;
  }
  return false;
}

void Reader::ReadSexWords() {
  for (size_t i = 0; i < p_.size(); ++i) {
    const LexWord* w = W(i);
    if (!w || (!w->sex && !w->sex_letter) || used_[i] || p_[i].punct) continue;
    // "sex: m", "gender: female"
    size_t b = i;
    if (b > 0 && Same(b - 1, i) && p_[b - 1].punct && p_[b - 1].norm == ":") --b;
    const bool labelled = CueBefore(b, LexCue::kSexBefore) != kNone;
    const int sex = w->sex ? w->sex : labelled ? w->sex_letter : 0;
    if (!sex || (!labelled && !SelfSexContext(i))) continue;
    SetSelfSex(sex, i, i + 1);
    Use(i, i + 1);
  }
}

void Reader::ResolvePerson() {
  // Does the writer speak of their own complaint, in a sentence naming no relative?
  // Clause by clause (a sentence cut at commas and semicolons): "My mum had a stroke and
  // still slurs, I'm asking about my eyelid twitch" has a complaint of the writer's own.
  // Within a clause that also names a third person ("his", "she"), a complaint is the
  // writer's only when the person word nearest to it is the writer's: in "his arm keeps
  // jerking and he won't answer me" the jerking is his; in "my eyelid twitches and she says
  // it's stress" the twitching is the writer's.
  bool self_complaint = false;
  // Who each token names: 1 the writer, 2 someone else (a relative, "his", "she"), 0 no one.
  auto person = [&](size_t k) -> int {
    if (relation_word_[k]) return 2;
    // "is the twitch something to worry about or am i overthinking": the writer's worry
    // names no one whose complaint it is.
    for (size_t s = k >= 3 ? k - 3 : 0; s <= k; ++s)
      if (Same(s, k) && CueAt(s, LexCue::kWriterWorry) > k) return 0;
    if (IsCue(k, LexCue::kWriter)) return 1;
    const LexWord* w = W(k);
    if (IsCue(k, LexCue::kOtherPossessive) || (w && w->pronoun_sex)) return 3;
    return 0;
  };
  std::vector<int> who;               // person() of each token of the clause
  std::vector<size_t> next_person;    // see below
  // A writer who says they care for others ("I'm a support worker", "the lady I look
  // after") writes about that person: a complaint is theirs only beside "my" ("my own
  // eyelid twitches"), not in "... has had a twitchy eyelid and I wanted to know".
  const bool carer = CueInRange(0, p_.size(), LexCue::kCarerWriter);
  for (size_t s0 = 0; s0 < p_.size() && !self_complaint;) {
    const size_t s1 = SentenceEnd(s0);
    size_t c0 = s0;
    for (size_t k = s0; k <= s1 && !self_complaint; ++k) {
      const bool clause_end = k == s1 || (p_[k].punct && (p_[k].norm == "," || p_[k].norm == ";"));
      if (!clause_end) continue;
      bool writer = false, relative = false, third = false, mine = false;
      who.assign(k - c0, 0);
      for (size_t j = c0; j < k; ++j) {
        who[j - c0] = person(j);
        writer |= who[j - c0] == 1;
        relative |= who[j - c0] == 2;
        third |= who[j - c0] == 3;
        mine |= IsCue(j, LexCue::kSelfPossessive);
      }
      if (writer && !relative && (!carer || mine)) {
        // The next person word after each token of the clause (k: none), for the nearest
        // owner below in one backward pass rather than a search from every complaint.
        next_person.assign(k - c0, k);
        for (size_t j = k; j-- > c0 + 1;)
          next_person[j - 1 - c0] = who[j - c0] != 0 ? j : next_person[j - c0];
        size_t last_person = k;  // the nearest person word before j (k: none)
        // "should I report the twitching to his team": a complaint after a verb of passing
        // on is passed on, unless "my" comes between. Kept as the clause is walked, so a
        // long clause costs no more than reading it.
        bool passed_on = false;
        for (size_t j = c0; j < k && !self_complaint; ++j) {
          const bool after_passing_on = passed_on;
          if (IsCue(j, LexCue::kWriterReports)) passed_on = true;
          else if (passed_on && IsCue(j, LexCue::kWriter)) passed_on = false;
          const size_t before = last_person;
          if (who[j - c0] != 0) last_person = j;
          if (!IsCue(j, LexCue::kComplaint)) continue;
          // "when I try to move them", "I lift his arm": the writer acts on someone else.
          if (j + 1 < k && IsCue(j + 1, LexCue::kActedOn)) continue;
          // "sorry for spelling, I'm shaking": the writer's fright, not a complaint.
          if (CueBefore(j + 1, LexCue::kWriterFright) != kNone) continue;
          if (after_passing_on) continue;
          if (!third) {
            self_complaint = true;
            break;
          }
          // The nearest person word on either side; a tie goes to the one before.
          const size_t after = next_person[j - c0];
          int owner = 0;
          if (before < k && (after == k || j - before <= after - j)) owner = who[before - c0];
          else if (after < k) owner = who[after - c0];
          self_complaint = owner == 1;
        }
      }
      c0 = k + 1;
    }
    s0 = s1;
  }
  int asked_about = -1, with_age = -1, without_age = -1;
  for (size_t r = 0; r < relations_.size(); ++r) {
    Relation& rel = relations_[r];
    if (rel.other) continue;
    const size_t a = rel.anchor;
    const size_t s0 = SentenceStart(a), s1 = SentenceEnd(a);
    bool report = false, writer = false;
    // "my wife says I twitch": she only reports. "my husband says his calves twitch": he
    // speaks of himself, and is the one the text is about.
    for (size_t k = rel.last; k < rel.last + 3 && Same(a, k) && !report; ++k) {
      if (!IsCue(k, LexCue::kReportVerb)) continue;
      report = true;
      for (size_t j = k + 1; j <= k + 3 && Same(a, j); ++j) {
        if (IsCue(j, LexCue::kWriter)) break;
        const LexWord* w = W(j);
        if (IsCue(j, LexCue::kOtherPossessive) || (w && w->pronoun_sex)) {
          report = false;
          break;
        }
      }
      if (!report) break;
    }
    for (size_t k = s0; k < s1; ++k)
      if (!relation_word_[k] && IsCue(k, LexCue::kWriter)) writer = true;
    const bool complaint = ComplaintIn(a) || (s1 < p_.size() && ComplaintIn(s1));
    const bool family = CueInRange(s0, s1, LexCue::kFamilyHistory);
    // "asking for my dad": whatever else the sentence says, he is the one asked about.
    const bool asked_for = CueBefore(rel.first, LexCue::kForSomeone) != kNone;
    // "brother 19 started on a new tablet ...": a relative and an age that open the text
    // name whom it is about, wherever the complaint comes.
    const bool opens_text = rel.first == 0 && rel.age >= 0;
    rel.candidate = asked_for || (!family && !report && ((complaint && (rel.age >= 0 || !writer)) || opens_text));
    if (!rel.candidate) continue;
    int& slot = asked_for ? asked_about : rel.age >= 0 ? with_age : without_age;
    if (slot < 0) slot = static_cast<int>(r);
  }
  // A relative the writer says they ask for is the patient; then one with an age ("my
  // 10-year-old son"); one without is, unless the writer also speaks of their own complaint.
  out_.writer_has_complaint = self_complaint;
  const int best = asked_about >= 0 ? asked_about
                   : with_age >= 0 ? with_age
                   : self_complaint ? -1
                                    : without_age;
  patient_is_relation_ = best >= 0;
  for (size_t r = 0; r < relations_.size(); ++r) {
    const bool patient = static_cast<int>(r) == best;
    relations_[r].patient = patient;
    if (relations_[r].age_mention != kNone) out_.mentions[relations_[r].age_mention].asserted = patient;
    if (relations_[r].sex_mention != kNone) out_.mentions[relations_[r].sex_mention].asserted = patient;
  }
  for (size_t m : self_mentions_) out_.mentions[m].asserted = !patient_is_relation_;
  const int age_limit = static_cast<int>(lex_.limits[static_cast<size_t>(LexAttribute::kAge)]);
  double age = -1;
  int sex = 0;
  if (patient_is_relation_) {
    age = relations_[best].age;
    sex = relations_[best].sex;
    if (const LexWord* w = W(relations_[best].anchor); w && w->relation >= 0)
      out_.patient_relation = lex_.relations[w->relation].name;
  } else {
    age = self_age_;
    sex = self_sex_;
  }
  if (age >= 0 && std::lround(age) <= age_limit) out_.age_years = static_cast<int>(std::lround(age));
  if (sex) out_.sex = SexCodeName(sex);
}

}  // namespace twitchcheck::attr
