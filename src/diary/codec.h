#pragma once
// The diary's file forms (SPEC.md §8): JSON {"days": [...], "episodes": [...]} and one CSV
// table with a `record` column (day | episode). Writing then reading gives the same
// diary, and writing it again the same bytes (ids and kb versions are not part of it).
#include <string>
#include <vector>

#include "diary/entries.h"

namespace twitchcheck {

class DiaryKb;

std::string DiaryToJson(const Diary& d);
std::string DiaryToCsv(const Diary& d);

// Read every record and check it. On any problem, returns false and appends one message
// per bad record or field to *errors, naming its index ("episodes[3].intensity: ...") or
// line ("line 7: intensity: ..."); *out is then unspecified and nothing should be stored.
bool DiaryFromJson(const std::string& text, const DiaryKb& kb, Diary* out, std::vector<std::string>* errors);
bool DiaryFromCsv(const std::string& text, const DiaryKb& kb, Diary* out, std::vector<std::string>* errors);

// A number as the diary writes it: shortest form that reads back the same ("300", "6.5").
std::string FormatNumber(double v);

}  // namespace twitchcheck
