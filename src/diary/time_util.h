#pragma once
// Dates, times and durations as the diary reads and writes them. Civil-date arithmetic is
// done on day numbers (days since 1970-01-01), never through the C library's time zone
// state, except where a local time without an offset must be placed (LocalOffsetAt).
#include <cstdint>
#include <string>

namespace twitchcheck {

// "YYYY-MM-DD" with a real calendar date in 1900..2199 → days since 1970-01-01.
bool ParseDate(const std::string& s, int64_t* day, std::string* err);
std::string FormatDate(int64_t day);
int64_t DayFromCivil(int y, unsigned m, unsigned d);
void CivilFromDay(int64_t day, int* y, unsigned* m, unsigned* d);
int Weekday(int64_t day);  // 0 = Monday

// The system's UTC offset (minutes east) in force at `utc` seconds, or, for a local wall
// time, the offset that makes it valid. Uses the TZ environment variable.
int LocalOffsetAt(int64_t utc);
int LocalOffsetForWall(int64_t wall_seconds);

// WHEN of `diary add episode --at WHEN`: "now", "today HH:MM", "yesterday HH:MM[:SS]",
// or ISO 8601 "YYYY-MM-DD[T| ]HH:MM[:SS][Z|+HH:MM|+HHMM]" (local time when no offset).
// `now_utc` and `today` anchor the relative forms (today = local day number).
bool ParseWhen(const std::string& s, int64_t now_utc, int64_t today, int64_t* utc,
               int* offset_min, std::string* err);
std::string FormatIso(int64_t utc, int offset_min);

// D of `--duration D`: "40", "30s", "5m", "2h", "1m30s" → seconds (> 0).
bool ParseDuration(const std::string& s, double* seconds, std::string* err);

}  // namespace twitchcheck
