#include "diary/time_util.h"

#include <cctype>
#include <cstdio>
#include <ctime>

namespace twitchcheck {
namespace {

// Reads exactly `n` digits at s[*i].
bool Digits(const std::string& s, size_t* i, int n, int* out) {
  int v = 0;
  for (int k = 0; k < n; ++k) {
    if (*i >= s.size() || !std::isdigit(static_cast<unsigned char>(s[*i]))) return false;
    v = v * 10 + (s[(*i)++] - '0');
  }
  *out = v;
  return true;
}

bool ValidCivil(int y, int m, int d) {
  if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1) return false;
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return d <= kDays[m - 1] + (m == 2 && leap ? 1 : 0);
}

// "HH:MM[:SS]" at s[*i].
bool ParseClock(const std::string& s, size_t* i, int* secs) {
  int h, m, sec = 0;
  if (!Digits(s, i, 2, &h) || *i >= s.size() || s[*i] != ':') return false;
  ++*i;
  if (!Digits(s, i, 2, &m)) return false;
  if (*i < s.size() && s[*i] == ':') {
    ++*i;
    if (!Digits(s, i, 2, &sec)) return false;
  }
  if (h > 23 || m > 59 || sec > 59) return false;
  *secs = h * 3600 + m * 60 + sec;
  return true;
}

}  // namespace

int64_t DayFromCivil(int y, unsigned m, unsigned d) {
  // Howard Hinnant's days_from_civil.
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

void CivilFromDay(int64_t z, int* y, unsigned* m, unsigned* d) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  *d = doy - (153 * mp + 2) / 5 + 1;
  *m = mp < 10 ? mp + 3 : mp - 9;
  *y = static_cast<int>(yoe + era * 400 + (*m <= 2));
}

int Weekday(int64_t day) { return static_cast<int>(((day % 7) + 7 + 3) % 7); }  // 1970-01-01 was a Thursday

bool ParseDate(const std::string& s, int64_t* day, std::string* err) {
  size_t i = 0;
  int y, m, d;
  if (s.size() != 10 || !Digits(s, &i, 4, &y) || s[i++] != '-' || !Digits(s, &i, 2, &m) ||
      s[i++] != '-' || !Digits(s, &i, 2, &d)) {
    *err = "'" + s + "' is not a date (YYYY-MM-DD)";
    return false;
  }
  if (!ValidCivil(y, m, d)) {
    *err = "'" + s + "' is not a calendar date";
    return false;
  }
  *day = DayFromCivil(y, m, d);
  return true;
}

std::string FormatDate(int64_t day) {
  int y;
  unsigned m, d;
  CivilFromDay(day, &y, &m, &d);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, m, d);
  return buf;
}

int LocalOffsetAt(int64_t utc) {
  time_t t = static_cast<time_t>(utc);
  struct tm tm {};
  if (!localtime_r(&t, &tm)) return 0;
  return static_cast<int>(tm.tm_gmtoff / 60);
}

int LocalOffsetForWall(int64_t wall) {
  // The offset o such that wall - o is a UTC instant whose local offset is o; try the
  // offsets before and after (a wall time in a DST gap takes the later one).
  int o1 = LocalOffsetAt(wall);
  int o2 = LocalOffsetAt(wall - int64_t{o1} * 60);
  return LocalOffsetAt(wall - int64_t{o2} * 60) == o2 ? o2 : o1;
}

bool ParseWhen(const std::string& s, int64_t now_utc, int64_t today, int64_t* utc, int* offset_min,
               std::string* err) {
  auto bad = [&](const std::string& why) {
    *err = "'" + s + "' is not a time: " + why;
    return false;
  };
  if (s == "now") {
    *offset_min = LocalOffsetAt(now_utc);
    *utc = now_utc;
    return true;
  }
  int64_t day;
  size_t i = 0;
  int secs = 0;
  if (s.rfind("today ", 0) == 0 || s.rfind("yesterday ", 0) == 0) {
    day = today - (s[0] == 'y' ? 1 : 0);
    i = s.find(' ') + 1;
    if (!ParseClock(s, &i, &secs) || i != s.size()) return bad("expected HH:MM after the day");
  } else {
    int y, m, d;
    if (!Digits(s, &i, 4, &y) || i >= s.size() || s[i++] != '-' || !Digits(s, &i, 2, &m) ||
        i >= s.size() || s[i++] != '-' || !Digits(s, &i, 2, &d))
      return bad("use now, yesterday HH:MM, or YYYY-MM-DDTHH:MM[:SS][+HH:MM]");
    if (!ValidCivil(y, m, d)) return bad("no such calendar date");
    day = DayFromCivil(y, m, d);
    if (i < s.size()) {
      if (s[i] != 'T' && s[i] != ' ') return bad("expected T between date and time");
      ++i;
      if (!ParseClock(s, &i, &secs)) return bad("expected HH:MM[:SS]");
    }
  }
  int64_t wall = day * 86400 + secs;
  if (i == s.size()) {
    *offset_min = LocalOffsetForWall(wall);
  } else if (s[i] == 'Z' && i + 1 == s.size()) {
    *offset_min = 0;
  } else if (s[i] == '+' || s[i] == '-') {
    int sign = s[i++] == '-' ? -1 : 1, h, m;
    if (!Digits(s, &i, 2, &h)) return bad("bad UTC offset");
    if (i < s.size() && s[i] == ':') ++i;
    if (!Digits(s, &i, 2, &m) || i != s.size() || h > 14 || m > 59) return bad("bad UTC offset");
    *offset_min = sign * (h * 60 + m);
  } else {
    return bad("unexpected text after the time");
  }
  *utc = wall - int64_t{*offset_min} * 60;
  return true;
}

std::string FormatIso(int64_t utc, int offset_min) {
  int64_t wall = utc + int64_t{offset_min} * 60;
  int64_t day = wall >= 0 ? wall / 86400 : (wall - 86399) / 86400;
  int64_t sec = wall - day * 86400;
  int off = offset_min < 0 ? -offset_min : offset_min;
  char buf[40];
  std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02d%c%02d:%02d", FormatDate(day).c_str(),
                static_cast<int>(sec / 3600), static_cast<int>(sec / 60 % 60), static_cast<int>(sec % 60),
                offset_min < 0 ? '-' : '+', off / 60, off % 60);
  return buf;
}

bool ParseDuration(const std::string& s, double* seconds, std::string* err) {
  double total = 0;
  size_t i = 0;
  bool any = false;
  while (i < s.size()) {
    size_t j = i;
    while (j < s.size() && (std::isdigit(static_cast<unsigned char>(s[j])) || s[j] == '.')) ++j;
    if (j == i) break;
    double v = 0;
    try {
      v = std::stod(s.substr(i, j - i));
    } catch (...) {
      break;
    }
    double unit = 1;
    if (j < s.size()) {
      char u = s[j];
      if (u == 's') unit = 1;
      else if (u == 'm') unit = 60;
      else if (u == 'h') unit = 3600;
      else break;
      ++j;
    } else if (any) {
      break;  // "1m30" is ambiguous
    }
    total += v * unit;
    any = true;
    i = j;
  }
  if (!any || i != s.size()) {
    *err = "'" + s + "' is not a duration (like 30s, 5m, 2h)";
    return false;
  }
  if (total <= 0) {
    *err = "duration " + s + " must be more than zero";
    return false;
  }
  if (total > 86400) {
    *err = "duration " + s + " is over 24 hours: log each day's episodes separately";
    return false;
  }
  *seconds = total;
  return true;
}

}  // namespace twitchcheck
