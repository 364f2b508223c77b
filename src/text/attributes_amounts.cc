// Durations ("for 3 weeks", "since March", "for years"), frequencies ("twice a day",
// "every few minutes"), drinks and smokes ("six cups of coffee a day", "a pack a day") and
// sleep ("slept 4 hours"). The shapes are here; every word is in lexicon.yaml.
#include <algorithm>
#include <chrono>
#include <cmath>

#include "text/attributes_internal.h"

namespace twitchcheck::attr {

std::string Reader::CountText(const Num& n) const {
  if (n.approximate) {
    std::string s;
    for (size_t k = n.first; k < n.last; ++k) {
      if (!s.empty()) s += ' ';
      s += p_[k].norm;
    }
    return s + " times";
  }
  if (n.value == 1) return "once";
  if (n.value == 2) return "twice";
  return FormatNumber(n.value) + " times";
}

bool Reader::ParseRate(size_t i, double* days, size_t* end, std::string* text) const {
  if (!Word(i) || used_[i]) return false;
  const LexWord* w = W(i);
  if (w && w->rate_days > 0) {
    *days = w->rate_days;
    *end = i + 1;
    *text = std::string(p_[i].norm);
    return true;
  }
  if (!IsCue(i, LexCue::kRate) || !Same(i, i + 1)) return false;
  size_t k = i + 1;
  double count = 1;
  Num n;
  if (IsCue(i, LexCue::kEvery) && ParseNumber(k, &n) && !n.approximate) {
    count = n.value;
    k = n.last;
  }
  const LexWord* u = Same(i, k) && !used_[k] ? W(k) : nullptr;
  if (!u || u->unit < 0 || count <= 0) return false;
  const LexUnit& unit = lex_.units[u->unit];
  *days = count * unit.days;
  *end = k + 1;
  *text = count == 1 ? unit.article + " " + unit.name
                     : "every " + FormatNumber(count) + " " + unit.name + "s";
  return true;
}

void Reader::AddDuration(double days, size_t first, size_t last, bool episode, bool counted_back,
                         bool dated_elsewhere) {
  if (!(days > 0) || days > lex_.limits[static_cast<size_t>(LexAttribute::kDuration)]) return;
  const size_t m =
      AddMention("duration", FormatNumber(days) + (days == 1 ? " day" : " days"), first, last);
  Candidate c;
  c.attribute = LexAttribute::kDuration;
  c.value = days;
  c.mention = m;
  c.first = first;
  c.last = last;
  c.episode = episode;
  c.counted_back = counted_back;
  c.dated_elsewhere = dated_elsewhere;
  candidates_.push_back(c);
  Use(first, last);
}

// "every 2 hours", "every few minutes", "every hour".
bool Reader::TryEvery(size_t i) {
  if (!IsCue(i, LexCue::kEvery) || !Same(i, i + 1)) return false;
  Num n;
  size_t k = i + 1;
  std::string count;
  if (ParseNumber(k, &n)) {
    if (n.approximate && n.value == 1) return false;
    k = n.last;
    if (IsCue(k, LexCue::kOf)) ++k;  // "every couple of minutes"
    if (!n.approximate) {
      count = FormatNumber(n.value);
    } else {  // "every few minutes": the words say it best
      for (size_t w = n.first; w < k; ++w) count += (count.empty() ? "" : " ") + std::string(p_[w].norm);
    }
  } else if (Match(i, LexRole::kMention, -1, nullptr, true)) {
    return false;  // "every day": a vocabulary phrase
  }
  const LexWord* u = Same(i, k) && !used_[k] ? W(k) : nullptr;
  if (!u || u->unit < 0) return false;
  const std::string& name = lex_.units[u->unit].name;
  std::string value = "every " + (count.empty() ? name : count + " " + name + "s");
  AddMention("frequency", std::move(value), i, k + 1);
  Use(i, k + 1);
  return true;
}

bool Reader::TryNumberLed(const Num& n) {
  return TryAge(n) || TryTimes(n) || TryUnit(n) || TryQuantity(n);
}

// "3 times a day", "twice a week" (via TryFrequencyWord), "5x a day", "a few times".
bool Reader::TryTimes(const Num& n) {
  const size_t j = n.last;
  if (!Same(n.first, j) || !IsCue(j, LexCue::kTimes)) return false;
  if (n.approximate && n.value == 1) return false;  // "at a time"
  std::string value = CountText(n);
  size_t end = j + 1;
  double days = 0;
  std::string rate;
  if (Same(j, end) && ParseRate(end, &days, &end, &rate)) value += " " + rate;
  AddMention("frequency", std::move(value), n.value_first, end);
  Use(n.first, end);
  return true;
}

bool Reader::TryFrequencyWord(size_t i) {
  const LexWord* w = W(i);
  if (!w || w->frequency_count <= 0 || !Same(i, i + 1)) return false;
  double days = 0;
  size_t end = 0;
  std::string rate;
  if (!ParseRate(i + 1, &days, &end, &rate)) return false;
  Num n;
  n.value = w->frequency_count;
  AddMention("frequency", CountText(n) + " " + rate, i, end);
  Use(i, end);
  return true;
}

// A number and a duration unit: sleep, "2 days a week", or a duration.
bool Reader::TryUnit(const Num& n) {
  size_t j = n.last;
  if (n.approximate && Same(n.first, j) && IsCue(j, LexCue::kOf)) ++j;  // "a couple of weeks"
  const LexWord* w = Same(n.first, j) && !used_[j] ? W(j) : nullptr;
  if (!w || w->unit < 0) return false;
  const LexUnit& u = lex_.units[w->unit];
  double days = n.value * u.days;
  size_t end = j + 1;
  const bool more = Same(j, end);
  if (size_t e = more ? CueAt(end, LexCue::kAndAHalf) : 0) {  // "a year and a half"
    days += 0.5 * u.days;
    end = e;
  }
  // Hours of sleep: "slept 4 hours", "5 hours of sleep", "about 4 hours a night".
  if (u.days < 0.5) {
    const size_t sleep_end = Same(j, end) ? CueAt(end, LexCue::kSleepAfter) : 0;
    const size_t from = std::max(SentenceStart(n.first), n.first >= 3 ? n.first - 3 : size_t{0});
    if (sleep_end || CueInRange(from, n.first, LexCue::kSleepBefore)) {
      const double hours = std::round(days * 24 * 100) / 100;  // units are in days
      const size_t last = sleep_end ? sleep_end : end;
      Use(n.first, last);
      if (!(hours > 0) || hours > lex_.limits[static_cast<size_t>(LexAttribute::kSleep)]) return true;
      Candidate c;
      c.attribute = LexAttribute::kSleep;
      c.value = hours;
      c.mention = AddMention("quantity", FormatNumber(hours) + " hours sleep", n.value_first, last);
      c.first = n.value_first;
      c.last = last;
      candidates_.push_back(c);
      amount_end_ = last;
      return true;
    }
  }
  // "2 days a week", "24 hours a day": how often, not how long.
  double rate_days = 0;
  size_t rate_end = 0;
  std::string rate;
  if (Same(j, end) && ParseRate(end, &rate_days, &rate_end, &rate) && rate_days > days) {
    AddMention("frequency",
               FormatNumber(n.value) + " " + u.name + (n.value == 1 ? " " : "s ") + rate,
               n.value_first, rate_end);
    Use(n.first, rate_end);
    return true;
  }
  const bool after = Same(j, end);
  if (after && CueAt(end, LexCue::kNotDuration)) return false;  // "20 weeks pregnant"
  const size_t ago = after ? CueAt(end, LexCue::kAgo) : 0;
  if (n.approximate && !ago && CueBefore(n.first, LexCue::kDurationBefore) == kNone &&
      !(after && CueAt(end, LexCue::kDurationAfter)))
    return false;  // "a day" alone says nothing about how long
  const size_t last = ago ? ago : end;
  // Seconds and minutes are how long one twitch lasts, unless counted back ("ago"); right
  // after an amount ("10 cigs a day for 5 years") it is how long the habit has lasted.
  const size_t episode_end = after ? CueAt(end, LexCue::kEpisodeAfter) : 0;
  const size_t cue = CueBefore(n.first, LexCue::kDurationBefore);
  const size_t lead = cue == kNone ? n.first : cue;
  const bool habit = (amount_end_ != kNone && Same(amount_end_, n.first) && amount_end_ == lead) ||
                     CueInRange(std::max(SentenceStart(lead), lead >= 3 ? lead - 3 : size_t{0}),
                                lead, LexCue::kPastHabit);  // "quit smoking 2 years ago"
  // "after two years off" dates something else; so does "two years ago" in a clause that
  // names neither a complaint nor its start ("I had Bell's palsy two years ago and now
  // ..."). Both are read, not taken as how long the complaint has lasted.
  // A time counted back in such a clause ("gave him Calpol 20 minutes ago") dates that event:
  // it is neither how long the complaint has lasted nor how long an episode has gone on.
  // So does the time a recovery took ("came round within 15 mins", "back to normal after
  // half an hour"): the episode ended before it.
  const bool dated_elsewhere = (ago && !ComplaintOrStartInClause(n.first)) ||
                               CueBefore(n.first, LexCue::kRecoveryBefore) != kNone;
  const bool elsewhere = CueBefore(n.first, LexCue::kNotDurationBefore) != kNone;
  const bool episode = episode_end || (u.days < 0.01 && !ago) || habit || elsewhere;
  AddDuration(days, n.value_first, last, episode, ago != 0, dated_elsewhere);
  Use(n.first, std::max(last, episode_end));
  return true;
}

// "six cups of coffee a day", "5 coffees", "a pack a day", "2 glasses of red wine",
// "3 espresso shots", "I smoke 10 a day".
bool Reader::TryQuantity(const Num& n) {
  size_t j = n.last;
  if (n.approximate && Same(n.first, j) && IsCue(j, LexCue::kOf)) ++j;
  for (int s = 0; s < 3 && Same(n.first, j); ++s) {
    const size_t e = CueAt(j, LexCue::kQuantityAdjective);
    if (!e) break;
    j = e;
  }
  const LexPhrase* ph = nullptr;
  int sub = -1, cont = -1;
  size_t end = 0;
  if (!Same(n.first, j)) {
    // nothing after the number in this sentence: only a bare count after "smoke"
  } else if (size_t e = Match(j, LexRole::kSubstance, -1, &ph, true)) {
    sub = ph->index;
    end = e;
    if (size_t e2 = Same(j, e) ? Match(e, LexRole::kContainer, -1, &ph, true) : 0) {
      cont = ph->index;  // "3 espresso shots"
      end = e2;
    }
  } else if (size_t e = Match(j, LexRole::kContainer, -1, &ph, true)) {
    cont = ph->index;
    end = e;
    size_t k = end;
    const bool of = Same(j, k) && IsCue(k, LexCue::kOf);
    if (of) ++k;
    for (int s = 0; s < 3 && Same(j, k); ++s) {
      const size_t a = CueAt(k, LexCue::kQuantityAdjective);
      if (!a) break;
      k = a;
    }
    if (size_t e2 = Same(j, k) ? Match(k, LexRole::kSubstance, -1, &ph, true) : 0) {
      sub = ph->index;
      end = e2;
    } else if (of) {
      return false;  // "a pack of gum": something we do not count
    } else if (!lex_.containers[cont].needs_substance) {
      sub = lex_.containers[cont].default_substance;
    }
    if (sub < 0) return false;
  }
  // "after a cigarette", "a coffee now and then": an article alone is not an amount unless
  // something measures it ("a cup of", "a pack a day").
  const bool article = n.approximate && n.value == 1 && n.last == n.value_first + 1;
  if (sub >= 0 && article && cont < 0) {
    double d = 0;
    size_t e = 0;
    std::string r;
    if (!(Same(n.first, end) && ParseRate(end, &d, &e, &r))) return false;
  }
  if (sub < 0) {
    // "I smoke 10 a day": the verb says what is counted.
    const size_t from = std::max(SentenceStart(n.first), n.first >= 3 ? n.first - 3 : size_t{0});
    for (size_t k = from; k < n.first && sub < 0; ++k)
      if (CueAt(k, LexCue::kSmokeVerb) && Match(k, LexRole::kSubstance, -1, &ph)) sub = ph->index;
    if (sub < 0 || n.approximate) return false;
    end = n.last;
    double d = 0;
    size_t e = 0;
    std::string r;
    if (Same(n.first, end) && Word(end) && !ParseRate(end, &d, &e, &r)) return false;
  }
  double each = 1;
  if (cont >= 0) {
    const LexContainer& c = lex_.containers[cont];
    each = c.each;
    for (const auto& [s, v] : c.each_for)
      if (s == sub) each = v;
  }
  double per = 1;
  std::string rate;
  size_t rate_end = 0;
  if (Same(n.first, end) && ParseRate(end, &per, &rate_end, &rate)) end = rate_end;
  const LexSubstance& s = lex_.substances[sub];
  Use(n.first, end);
  const double per_day = n.value * each / per;
  if (s.attribute == LexAttribute::kNone || !(per_day > 0) ||
      per_day > lex_.limits[static_cast<size_t>(s.attribute)])
    return true;  // water, decaf, or an absurd amount: read, not counted
  std::string value = FormatNumber(n.value) + " ";
  if (cont >= 0) {
    const LexContainer& c = lex_.containers[cont];
    value += (n.value <= 1 ? c.name : c.plural) + " ";
  }
  value += s.name;
  if (per != 1) value += " per " + FormatNumber(per) + " days";
  Candidate c;
  c.attribute = s.attribute;
  c.substance = sub;
  c.value = per_day;
  c.mention = AddMention("quantity", std::move(value), n.value_first, end);
  c.first = n.value_first;
  c.last = end;
  c.past_habit = CueInRange(SentenceStart(n.first), n.first, LexCue::kPastHabit);
  candidates_.push_back(c);
  amount_end_ = end;
  return true;
}

bool Reader::DateAt(size_t k, bool last, double* d, size_t* end) const {
  using namespace std::chrono;
  if (!Word(k) || used_[k]) return false;
  const LexWord* w = W(k);
  const year_month_day t{today_};
  const int this_year = static_cast<int>(t.year());
  sys_days start;
  *end = k + 1;
  if (w && w->month > 0 && p_[k].num < 0) {
    const unsigned m = static_cast<unsigned>(w->month);
    const unsigned now = static_cast<unsigned>(t.month());
    int y = this_year;
    if (m > now || (last && m == now)) --y;
    start = sys_days{year{y} / month{m} / day{1}};
    // "since March 3rd": the day, and its ordinal suffix.
    if (Same(k, *end) && p_[*end].num >= 1 && p_[*end].num <= 31) {
      start += days{static_cast<int>(p_[*end].num) - 1};
      ++*end;
      if (Same(k, *end) && p_[*end].glued && Word(*end) && p_[*end].num < 0) ++*end;
    }
  } else if (w && w->weekday >= 0 && p_[k].num < 0) {
    const int back = (static_cast<int>(weekday{today_}.c_encoding()) - w->weekday + 7) % 7;
    start = today_ - days{back == 0 ? 7 : back};
  } else if (p_[k].num >= 1900 && p_[k].num <= this_year && p_[k].num == std::floor(p_[k].num)) {
    start = sys_days{year{static_cast<int>(p_[k].num)} / January / 1};
  } else {
    return false;
  }
  *d = std::max(1.0, static_cast<double>((today_ - start).count()));
  return true;
}

// "since yesterday", "since March", "since last May", "since Monday", "since 2019".
bool Reader::TrySince(size_t i) {
  if (!IsCue(i, LexCue::kSince) || !Same(i, i + 1)) return false;
  size_t k = i + 1;
  const LexPhrase* ph = nullptr;
  if (size_t e = Match(k, LexRole::kRelative, -1, &ph, true)) {
    AddDuration(ph->days, i, e, false);
    return true;
  }
  const bool last = IsCue(k, LexCue::kLast) && Same(k, k + 1);
  if (last) ++k;
  double d = 0;
  size_t end = 0;
  if (!DateAt(k, last, &d, &end)) return false;
  AddDuration(d, i, end, false);
  return true;
}

// "started Tuesday", "began in March", "noticed it on Monday".
bool Reader::TryStartDate(size_t i) {
  const LexWord* w = W(i);
  if (!w || (w->month <= 0 && w->weekday < 0) || p_[i].num >= 0) return false;
  const size_t from = std::max(SentenceStart(i), i >= 3 ? i - 3 : size_t{0});
  if (!CueInRange(from, i, LexCue::kStart)) return false;
  const bool last = i > 0 && Same(i - 1, i) && IsCue(i - 1, LexCue::kLast);
  double d = 0;
  size_t end = 0;
  if (!DateAt(i, last, &d, &end)) return false;
  AddDuration(d, last ? i - 1 : i, end, false);
  return true;
}

// A complaint word within the next six words after `e`, which opens with "my", "his" or
// "her", with no comma or clause break on the way ("this week my legs are getting weaker").
bool Reader::ComplaintRightAfter(size_t e, size_t s1) const {
  // The next word opens a clause about someone's body ("my legs", "his face"), so that
  // "last month and my face twitches" is not read so.
  if (e >= s1 || !(IsCue(e, LexCue::kSelfPossessive) || IsCue(e, LexCue::kOtherPossessive))) return false;
  for (size_t k = e; k < std::min(s1, e + 6); ++k) {
    if (p_[k].punct || IsCue(k, LexCue::kClauseBreak)) return false;
    if (IsCue(k, LexCue::kComplaint)) return true;
  }
  return false;
}

// "started yesterday", "this week it has been ...": a past moment with a start cue near.
bool Reader::TryRelative(size_t i) {
  const LexPhrase* ph = nullptr;
  const size_t e = Match(i, LexRole::kRelative, -1, &ph, true);
  if (!e) return false;
  const size_t s0 = SentenceStart(i), s1 = SentenceEnd(i);
  const size_t from = std::max(s0, i >= 6 ? i - 6 : size_t{0});
  // "started yesterday", "this week it has been ...", "my eye twitches every day this week",
  // "this week my legs are getting weaker" (a complaint right after it; but not "I turned 60
  // last month and my face twitches", where a clause lies between).
  if (!CueInRange(from, i, LexCue::kStart) && !CueInRange(e, std::min(s1, e + 6), LexCue::kStart) &&
      !CueInRange(s0, i, LexCue::kComplaint) && !ComplaintRightAfter(e, s1))
    return false;
  // "a seizure this morning" says when it happened, not how long it went on; "since this
  // morning" says both.
  const bool since = i > 0 && Same(i - 1, i) && IsCue(i - 1, LexCue::kSince);
  AddDuration(ph->days, i, e, false, !since);
  return true;
}

// "for ages", "for a long time", "a while ago".
bool Reader::TryVague(size_t i) {
  const LexPhrase* ph = nullptr;
  const size_t e = Match(i, LexRole::kVague, -1, &ph, true);
  if (!e) return false;
  const size_t cue = CueBefore(i, LexCue::kDurationBefore);
  const size_t ago = Same(i, e) ? CueAt(e, LexCue::kAgo) : 0;
  if (cue == kNone && !ago) return false;
  const bool dated_elsewhere = (ago && !ComplaintOrStartInClause(i)) ||
                               (cue != kNone && CueBefore(cue, LexCue::kRecoveryBefore) != kNone);
  AddDuration(ph->days, cue == kNone ? i : cue, ago ? ago : e, false, ago != 0, dated_elsewhere);
  return true;
}

// "for years", "for weeks now", "the past week", "the whole month".
bool Reader::TryBareUnit(size_t i) {
  const LexWord* w = W(i);
  if (!w || w->unit < 0 || p_[i].punct) return false;
  const LexUnit& u = lex_.units[w->unit];
  const std::string_view norm = p_[i].norm;
  const bool plural = norm.size() > w->key.size() && norm.back() == 's';
  size_t cue = kNone;
  double days = 0;
  if (plural && (cue = CueBefore(i, LexCue::kDurationBefore)) != kNone) {
    days = lex_.vague_plural_count * u.days;
  } else if (!plural && u.days >= 7 && (cue = CueBefore(i, LexCue::kBareUnitBefore)) != kNone) {
    days = u.days;
  } else {
    return false;
  }
  // "twitch for hours": how long a bout lasts, not the complaint.
  const bool episode = (Same(i, i + 1) && CueAt(i + 1, LexCue::kEpisodeAfter)) || u.days < 1;
  AddDuration(days, cue, i + 1, episode);
  return true;
}

}  // namespace twitchcheck::attr
