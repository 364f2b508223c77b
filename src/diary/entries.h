#pragma once
// Diary entries: one record per local day (the everyday factors) and one per episode of
// twitching. Plain values, no storage concerns; the store and the codecs share them.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace twitchcheck {

class DiaryKb;

struct DayEntry {
  std::string date;  // local date, YYYY-MM-DD
  std::optional<double> caffeine_mg, coffee, tea, energy_drinks, sleep_hours, sleep_quality,
      stress, alcohol_units, cigarettes, exercise_min, screen_hours, fluids_l;
  std::vector<std::string> medications, supplements, tags;
  std::string kb_version;  // the knowledge base the entry was made with (not exported)
  bool operator==(const DayEntry&) const = default;
};

struct Episode {
  int64_t id = 0;             // assigned by the store; 0 = not stored yet
  int64_t start_utc = 0;      // seconds since 1970-01-01T00:00:00Z
  int offset_min = 0;         // the entry's UTC offset, minutes east of UTC
  std::string site;           // a body site id from kb/diary.yaml
  std::string side;           // "left" | "right" | "both" | "" (not given)
  std::optional<double> duration_s;
  std::optional<int> intensity;  // 0-10
  std::string note;
  std::string kb_version;
  bool operator==(const Episode&) const = default;

  std::string LocalDate() const;  // YYYY-MM-DD in the entry's own offset
  std::string StartIso() const;   // 2026-03-01T08:30:00+01:00
};

struct Diary {
  std::vector<DayEntry> days;      // sorted by date
  std::vector<Episode> episodes;   // sorted by start, then id
};

// The numeric day fields, as one table: CLI flags, validation, JSON, CSV and SQL columns
// all come from it, so adding a factor is one line.
struct DayField {
  const char* name;  // JSON key and SQL column, e.g. "sleep_hours"
  const char* flag;  // CLI flag, e.g. "--sleep-hours"
  std::optional<double> DayEntry::*member;
  double min, max;   // inclusive plausible range
  bool integer;      // whole numbers only
  const char* unit;  // for messages and reports
};
const std::vector<DayField>& DayFields();
const DayField* FindDayField(const std::string& name);

// Checks one record. Each problem is appended to *errors as "FIELD: what is wrong",
// prefixed by `where` (e.g. "line 4: " or "episodes[2]."). Returns true when clean.
bool ValidateDay(const DayEntry& d, const std::string& where, std::vector<std::string>* errors);
bool ValidateEpisode(const Episode& e, const DiaryKb& kb, const std::string& where,
                     std::vector<std::string>* errors);

// Sets caffeine_mg from the drinks (kb/diary.yaml) plus `extra_mg`, when any is given.
void ComputeCaffeine(const DiaryKb& kb, std::optional<double> extra_mg, DayEntry* d);

}  // namespace twitchcheck
