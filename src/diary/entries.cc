#include "diary/entries.h"

#include <cmath>
#include <fmt/format.h>

#include "diary/diary_kb.h"
#include "diary/time_util.h"

namespace twitchcheck {

std::string Episode::LocalDate() const {
  int64_t wall = start_utc + int64_t{offset_min} * 60;
  return FormatDate(wall >= 0 ? wall / 86400 : (wall - 86399) / 86400);
}

std::string Episode::StartIso() const { return FormatIso(start_utc, offset_min); }

const std::vector<DayField>& DayFields() {
  static const std::vector<DayField> fields = {
      {"caffeine_mg", "--caffeine-mg", &DayEntry::caffeine_mg, 0, 3000, false, "mg"},
      {"coffee", "--coffee", &DayEntry::coffee, 0, 40, false, "cups"},
      {"tea", "--tea", &DayEntry::tea, 0, 40, false, "cups"},
      {"energy_drinks", "--energy-drinks", &DayEntry::energy_drinks, 0, 20, false, "cans"},
      {"sleep_hours", "--sleep-hours", &DayEntry::sleep_hours, 0, 24, false, "h"},
      {"sleep_quality", "--sleep-quality", &DayEntry::sleep_quality, 0, 10, true, "/10"},
      {"stress", "--stress", &DayEntry::stress, 0, 10, true, "/10"},
      {"alcohol_units", "--alcohol-units", &DayEntry::alcohol_units, 0, 100, false, "units"},
      {"cigarettes", "--cigarettes", &DayEntry::cigarettes, 0, 200, true, ""},
      {"exercise_min", "--exercise-min", &DayEntry::exercise_min, 0, 1440, false, "min"},
      {"screen_hours", "--screen-hours", &DayEntry::screen_hours, 0, 24, false, "h"},
      {"fluids_l", "--fluids-l", &DayEntry::fluids_l, 0, 20, false, "l"},
  };
  return fields;
}

const DayField* FindDayField(const std::string& name) {
  for (const DayField& f : DayFields())
    if (name == f.name) return &f;
  return nullptr;
}

namespace {

// Whether `s` is well-formed UTF-8 (no overlong forms, surrogates or values past U+10FFFF):
// notes and names are written back as JSON, which needs it.
bool ValidUtf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    const unsigned char b = static_cast<unsigned char>(s[i]);
    size_t n = b < 0x80 ? 1 : (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : (b & 0xF8) == 0xF0 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    uint32_t cp = n == 1 ? b : n == 2 ? (b & 0x1F) : n == 3 ? (b & 0x0F) : (b & 0x07);
    for (size_t k = 1; k < n; ++k) {
      const unsigned char c = static_cast<unsigned char>(s[i + k]);
      if ((c & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (c & 0x3F);
    }
    static constexpr uint32_t kMin[5] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMin[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += n;
  }
  return true;
}

bool CleanName(const std::string& s) {
  if (s.empty() || s.size() > 200 || !ValidUtf8(s)) return false;
  for (unsigned char c : s)
    if (c < 0x20 || c == ';') return false;  // ';' separates list items in CSV
  return true;
}

void CheckList(const std::vector<std::string>& items, const char* what, const std::string& where,
               std::vector<std::string>* errors) {
  for (size_t i = 0; i < items.size(); ++i)
    if (!CleanName(items[i]))
      errors->push_back(fmt::format("{}{}[{}]: '{}' must be 1-200 characters of UTF-8 text without ';' or control characters",
                                    where, what, i, items[i]));
}

}  // namespace

bool ValidateDay(const DayEntry& d, const std::string& where, std::vector<std::string>* errors) {
  size_t before = errors->size();
  int64_t day;
  std::string err;
  if (!ParseDate(d.date, &day, &err)) errors->push_back(where + "date: " + err);
  for (const DayField& f : DayFields()) {
    const std::optional<double>& v = d.*f.member;
    if (!v) continue;
    if (!std::isfinite(*v) || *v < f.min || *v > f.max)
      errors->push_back(fmt::format("{}{}: {} is outside {}-{}", where, f.name, *v, f.min, f.max));
    else if (f.integer && *v != std::floor(*v))
      errors->push_back(fmt::format("{}{}: {} must be a whole number", where, f.name, *v));
  }
  CheckList(d.medications, "medications", where, errors);
  CheckList(d.supplements, "supplements", where, errors);
  CheckList(d.tags, "tags", where, errors);
  return errors->size() == before;
}

bool ValidateEpisode(const Episode& e, const DiaryKb& kb, const std::string& where,
                     std::vector<std::string>* errors) {
  size_t before = errors->size();
  // 1900-01-01 .. 2199-12-31
  if (e.start_utc < -2208988800LL || e.start_utc > 7258118399LL)
    errors->push_back(where + "start: outside the years 1900-2199");
  if (e.offset_min < -14 * 60 || e.offset_min > 14 * 60)
    errors->push_back(where + "start: UTC offset beyond +-14:00");
  if (!kb.FindSite(e.site))
    errors->push_back(where + "site: unknown site '" + e.site + "' (see `twitchcheck diary sites`)");
  if (!e.side.empty() && e.side != "left" && e.side != "right" && e.side != "both")
    errors->push_back(where + "side: '" + e.side + "' must be left, right or both");
  if (e.duration_s && (!std::isfinite(*e.duration_s) || *e.duration_s <= 0 || *e.duration_s > 86400))
    errors->push_back(fmt::format("{}duration_s: {} must be more than 0 and at most 86400 (24 h)", where,
                                  *e.duration_s));
  if (e.intensity && (*e.intensity < 0 || *e.intensity > 10))
    errors->push_back(fmt::format("{}intensity: {} is outside 0-10", where, *e.intensity));
  if (e.note.size() > 4000) errors->push_back(where + "note: longer than 4000 characters");
  if (!ValidUtf8(e.note)) errors->push_back(where + "note: not valid UTF-8 text");
  for (unsigned char c : e.note)
    if (c < 0x20 && c != '\n' && c != '\t') {
      errors->push_back(where + "note: contains a control character");
      break;
    }
  return errors->size() == before;
}

void ComputeCaffeine(const DiaryKb& kb, std::optional<double> extra_mg, DayEntry* d) {
  bool any = extra_mg.has_value();
  double mg = extra_mg.value_or(0);
  for (const DrinkCaffeine& dc : kb.drinks()) {
    const std::optional<double>& n = (*d).*(FindDayField(dc.drink)->member);
    if (n) {
      any = true;
      mg += *n * dc.mg;
    }
  }
  if (any) d->caffeine_mg = std::round(mg * 10) / 10;
}

}  // namespace twitchcheck
