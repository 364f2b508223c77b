// CSV form: one header line, then one row per record; `record` says which kind. RFC 4180
// quoting; list fields (medications, supplements, tags) join their items with ';'.
#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <map>

#include "diary/codec.h"
#include "diary/diary_kb.h"
#include "diary/time_util.h"

namespace twitchcheck {
namespace {

std::vector<std::string> Columns() {
  std::vector<std::string> c = {"record", "date"};
  for (const DayField& f : DayFields()) c.push_back(f.name);
  for (const char* n : {"medications", "supplements", "tags", "start", "site", "side", "duration_s", "intensity", "note"})
    c.push_back(n);
  return c;
}

std::string Quote(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string q = "\"";
  for (char c : s) {
    if (c == '"') q += '"';
    q += c;
  }
  return q + "\"";
}

std::string Join(const std::vector<std::string>& items) {
  std::string s;
  for (size_t i = 0; i < items.size(); ++i) s += (i ? ";" : "") + items[i];
  return s;
}

std::vector<std::string> Split(const std::string& s) {
  std::vector<std::string> out;
  if (s.empty()) return out;
  size_t b = 0;
  for (size_t i = 0; i <= s.size(); ++i)
    if (i == s.size() || s[i] == ';') {
      out.push_back(s.substr(b, i - b));
      b = i + 1;
    }
  return out;
}

// Splits `text` into rows of fields; row_line[i] is the 1-based line where row i starts.
bool ParseCsv(const std::string& text, std::vector<std::vector<std::string>>* rows, std::vector<int>* row_line,
              std::string* err) {
  std::vector<std::string> row;
  std::string field;
  bool quoted = false, any = false;
  int line = 1, start_line = 1;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') field += '"', ++i;
        else quoted = false;
      } else {
        if (c == '\n') ++line;
        field += c;
      }
      continue;
    }
    if (c == '"' && field.empty()) quoted = true, any = true;
    else if (c == ',') row.push_back(std::move(field)), field.clear(), any = true;
    else if (c == '\r') continue;
    else if (c == '\n') {
      if (any || !field.empty()) {
        row.push_back(std::move(field));
        rows->push_back(std::move(row));
        row_line->push_back(start_line);
      }
      row.clear(), field.clear(), any = false;
      start_line = ++line;
    } else field += c, any = true;
  }
  if (quoted) {
    *err = fmt::format("line {}: a quoted field is not closed", start_line);
    return false;
  }
  if (any || !field.empty()) {
    row.push_back(std::move(field));
    rows->push_back(std::move(row));
    row_line->push_back(start_line);
  }
  return true;
}

bool ReadNumber(const std::string& s, double* v) {
  if (s.empty()) return false;
  size_t used = 0;
  try {
    *v = std::stod(s, &used);
  } catch (...) {
    return false;
  }
  return used == s.size() && std::isfinite(*v);
}

}  // namespace

std::string DiaryToCsv(const Diary& d) {
  std::vector<std::string> cols = Columns();
  std::string out;
  for (size_t i = 0; i < cols.size(); ++i) out += (i ? "," : "") + cols[i];
  out += "\n";
  size_t n = cols.size();
  for (const DayEntry& day : d.days) {
    std::vector<std::string> r(n);
    r[0] = "day";
    r[1] = day.date;
    size_t c = 2;
    for (const DayField& f : DayFields()) {
      if (const std::optional<double>& v = day.*f.member) r[c] = FormatNumber(*v);
      ++c;
    }
    r[c++] = Quote(Join(day.medications));
    r[c++] = Quote(Join(day.supplements));
    r[c++] = Quote(Join(day.tags));
    for (size_t i = 0; i < n; ++i) out += (i ? "," : "") + r[i];
    out += "\n";
  }
  size_t first_ep = 2 + DayFields().size() + 3;
  for (const Episode& e : d.episodes) {
    std::vector<std::string> r(n);
    r[0] = "episode";
    size_t c = first_ep;
    r[c++] = e.StartIso();
    r[c++] = Quote(e.site);
    r[c++] = e.side;
    if (e.duration_s) r[c] = FormatNumber(*e.duration_s);
    ++c;
    if (e.intensity) r[c] = std::to_string(*e.intensity);
    ++c;
    r[c++] = Quote(e.note);
    for (size_t i = 0; i < n; ++i) out += (i ? "," : "") + r[i];
    out += "\n";
  }
  return out;
}

bool DiaryFromCsv(const std::string& text, const DiaryKb& kb, Diary* out, std::vector<std::string>* errors) {
  size_t before = errors->size();
  std::vector<std::vector<std::string>> rows;
  std::vector<int> lines;
  std::string err;
  if (!ParseCsv(text, &rows, &lines, &err)) {
    errors->push_back(err);
    return false;
  }
  if (rows.empty()) {
    errors->push_back("line 1: the header line is missing");
    return false;
  }
  std::map<std::string, size_t> col;
  std::vector<std::string> known = Columns();
  for (size_t i = 0; i < rows[0].size(); ++i) {
    const std::string& name = rows[0][i];
    if (std::find(known.begin(), known.end(), name) == known.end())
      errors->push_back(fmt::format("line 1: unknown column '{}'", name));
    else if (!col.emplace(name, i).second)
      errors->push_back(fmt::format("line 1: column '{}' appears twice", name));
  }
  if (!col.count("record")) errors->push_back("line 1: the column 'record' (day or episode) is missing");
  if (errors->size() != before) return false;
  std::map<std::string, int> seen_date;
  for (size_t r = 1; r < rows.size(); ++r) {
    const std::vector<std::string>& row = rows[r];
    std::string where = fmt::format("line {}: ", lines[r]);
    if (row.size() != rows[0].size()) {
      errors->push_back(fmt::format("{}has {} fields, the header has {}", where, row.size(), rows[0].size()));
      continue;
    }
    auto get = [&](const std::string& name) -> std::string {
      auto it = col.find(name);
      return it == col.end() ? "" : row[it->second];
    };
    std::string kind = get("record");
    // A field that belongs to the other kind of record must be empty.
    auto stray = [&](const std::vector<std::string>& names) {
      for (const std::string& n : names)
        if (!get(n).empty()) errors->push_back(where + n + ": not a field of a " + kind + " record");
    };
    if (kind == "day") {
      stray({"start", "site", "side", "duration_s", "intensity", "note"});
      DayEntry d;
      d.kb_version = kb.version();
      d.date = get("date");
      for (const DayField& f : DayFields()) {
        std::string v = get(f.name);
        double x;
        if (v.empty()) continue;
        if (!ReadNumber(v, &x)) errors->push_back(where + f.name + ": '" + v + "' is not a number");
        else d.*f.member = x;
      }
      d.medications = Split(get("medications"));
      d.supplements = Split(get("supplements"));
      d.tags = Split(get("tags"));
      ValidateDay(d, where, errors);
      auto [it, fresh] = seen_date.emplace(d.date, lines[r]);
      if (!fresh) errors->push_back(fmt::format("{}date: {} is already given on line {}", where, d.date, it->second));
      out->days.push_back(std::move(d));
    } else if (kind == "episode") {
      std::vector<std::string> day_cols = {"date", "medications", "supplements", "tags"};
      for (const DayField& f : DayFields()) day_cols.push_back(f.name);
      stray(day_cols);
      Episode e;
      e.kb_version = kb.version();
      std::string start = get("start");
      bool ok = true;
      if (start.empty() || start[0] < '0' || start[0] > '9' ||
          !ParseWhen(start, 0, 0, &e.start_utc, &e.offset_min, &err)) {
        errors->push_back(where + "start: " + (start.empty() ? "missing" : err.empty() ? "'" + start + "' is not an ISO 8601 time" : err));
        ok = false;
      }
      e.site = get("site");
      e.side = get("side");
      e.note = get("note");
      double x;
      if (std::string v = get("duration_s"); !v.empty()) {
        if (ReadNumber(v, &x)) e.duration_s = x;
        else errors->push_back(where + "duration_s: '" + v + "' is not a number of seconds"), ok = false;
      }
      if (std::string v = get("intensity"); !v.empty()) {
        if (ReadNumber(v, &x) && x == std::floor(x)) e.intensity = std::fabs(x) > 1000 ? 1000 : static_cast<int>(x);
        else errors->push_back(where + "intensity: '" + v + "' must be a whole number 0-10"), ok = false;
      }
      if (ok) ValidateEpisode(e, kb, where, errors);
      out->episodes.push_back(std::move(e));
    } else {
      errors->push_back(where + "record: '" + kind + "' must be day or episode");
    }
  }
  return errors->size() == before;
}

}  // namespace twitchcheck
