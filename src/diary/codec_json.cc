#include <cmath>
#include <map>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "diary/codec.h"
#include "diary/diary_kb.h"
#include "diary/time_util.h"

namespace twitchcheck {
namespace {

using ojson = nlohmann::ordered_json;

ojson Number(double v) {
  if (v == std::floor(v) && std::fabs(v) < 1e15) return static_cast<int64_t>(v);
  return v;
}

bool IsIso(const std::string& s) { return !s.empty() && s[0] >= '0' && s[0] <= '9'; }

void ReadList(const nlohmann::json& v, const std::string& where, std::vector<std::string>* out,
              std::vector<std::string>* errors) {
  if (!v.is_array()) {
    errors->push_back(where + ": must be a list of names");
    return;
  }
  for (size_t i = 0; i < v.size(); ++i) {
    if (!v[i].is_string()) errors->push_back(fmt::format("{}[{}]: must be a string", where, i));
    else out->push_back(v[i].get<std::string>());
  }
}

}  // namespace

std::string FormatNumber(double v) { return fmt::format("{}", v); }

std::string DiaryToJson(const Diary& d) {
  ojson days = ojson::array(), episodes = ojson::array();
  for (const DayEntry& day : d.days) {
    ojson j;
    j["date"] = day.date;
    for (const DayField& f : DayFields())
      if (const std::optional<double>& v = day.*f.member) j[f.name] = Number(*v);
    j["medications"] = day.medications;
    j["supplements"] = day.supplements;
    j["tags"] = day.tags;
    days.push_back(std::move(j));
  }
  for (const Episode& e : d.episodes) {
    ojson j;
    j["start"] = e.StartIso();
    j["site"] = e.site;
    if (!e.side.empty()) j["side"] = e.side;
    if (e.duration_s) j["duration_s"] = Number(*e.duration_s);
    if (e.intensity) j["intensity"] = *e.intensity;
    j["note"] = e.note;
    episodes.push_back(std::move(j));
  }
  ojson root;
  root["days"] = std::move(days);
  root["episodes"] = std::move(episodes);
  return root.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

bool DiaryFromJson(const std::string& text, const DiaryKb& kb, Diary* out, std::vector<std::string>* errors) {
  size_t before = errors->size();
  nlohmann::json root = nlohmann::json::parse(text, nullptr, false);
  if (root.is_discarded()) {
    errors->push_back("not valid JSON");
    return false;
  }
  if (!root.is_object()) {
    errors->push_back("the top level must be an object {\"days\": [...], \"episodes\": [...]}");
    return false;
  }
  for (auto it = root.begin(); it != root.end(); ++it)
    if (it.key() != "days" && it.key() != "episodes")
      errors->push_back("unknown field '" + it.key() + "' (expected days and episodes)");
  if (root.contains("days")) {
    const nlohmann::json& days = root["days"];
    if (!days.is_array()) errors->push_back("days: must be a list");
    for (size_t i = 0; days.is_array() && i < days.size(); ++i) {
      std::string where = fmt::format("days[{}].", i);
      const nlohmann::json& j = days[i];
      if (!j.is_object()) {
        errors->push_back(fmt::format("days[{}]: must be an object", i));
        continue;
      }
      DayEntry d;
      d.kb_version = kb.version();
      bool ok = true;
      for (auto f = j.begin(); f != j.end(); ++f) {
        const std::string& k = f.key();
        if (k == "date") {
          if (f->is_string()) d.date = f->get<std::string>();
          else errors->push_back(where + "date: must be a string YYYY-MM-DD"), ok = false;
        } else if (k == "medications" || k == "supplements" || k == "tags") {
          ReadList(*f, where + k, k == "medications" ? &d.medications : k == "supplements" ? &d.supplements : &d.tags,
                   errors);
        } else if (const DayField* df = FindDayField(k)) {
          if (f->is_number()) d.*df->member = f->get<double>();
          else if (!f->is_null()) errors->push_back(where + k + ": must be a number"), ok = false;
        } else {
          errors->push_back(where + k + ": unknown field"), ok = false;
        }
      }
      if (!j.contains("date")) errors->push_back(where + "date: missing"), ok = false;
      if (ok) ValidateDay(d, where, errors);
      out->days.push_back(std::move(d));
    }
  }
  if (root.contains("episodes")) {
    const nlohmann::json& eps = root["episodes"];
    if (!eps.is_array()) errors->push_back("episodes: must be a list");
    for (size_t i = 0; eps.is_array() && i < eps.size(); ++i) {
      std::string where = fmt::format("episodes[{}].", i);
      const nlohmann::json& j = eps[i];
      if (!j.is_object()) {
        errors->push_back(fmt::format("episodes[{}]: must be an object", i));
        continue;
      }
      Episode e;
      e.kb_version = kb.version();
      bool ok = true;
      auto str = [&](const nlohmann::json& v, const std::string& k, std::string* dst) {
        if (v.is_string()) *dst = v.get<std::string>();
        else errors->push_back(where + k + ": must be a string"), ok = false;
      };
      for (auto f = j.begin(); f != j.end(); ++f) {
        const std::string& k = f.key();
        if (k == "start") {
          std::string s, err;
          str(*f, k, &s);
          if (ok && (!IsIso(s) || !ParseWhen(s, 0, 0, &e.start_utc, &e.offset_min, &err)))
            errors->push_back(where + "start: " + (err.empty() ? "'" + s + "' is not an ISO 8601 time" : err)),
                ok = false;
        } else if (k == "site") {
          str(*f, k, &e.site);
        } else if (k == "side") {
          str(*f, k, &e.side);
        } else if (k == "note") {
          str(*f, k, &e.note);
        } else if (k == "duration_s") {
          if (f->is_number()) e.duration_s = f->get<double>();
          else if (!f->is_null()) errors->push_back(where + k + ": must be a number of seconds"), ok = false;
        } else if (k == "intensity") {
          if (f->is_number_integer()) {
            int64_t v = f->get<int64_t>();
            e.intensity = v < -1000 || v > 1000 ? 1000 : static_cast<int>(v);
          }
          else if (!f->is_null()) errors->push_back(where + k + ": must be a whole number 0-10"), ok = false;
        } else {
          errors->push_back(where + k + ": unknown field"), ok = false;
        }
      }
      if (!j.contains("start")) errors->push_back(where + "start: missing"), ok = false;
      if (!j.contains("site")) errors->push_back(where + "site: missing"), ok = false;
      if (ok) ValidateEpisode(e, kb, where, errors);
      out->episodes.push_back(std::move(e));
    }
  }
  std::map<std::string, size_t> seen;
  for (size_t i = 0; i < out->days.size(); ++i) {
    auto [it, fresh] = seen.emplace(out->days[i].date, i);
    if (!fresh && !out->days[i].date.empty())
      errors->push_back(fmt::format("days[{}].date: {} is already given in days[{}]", i, out->days[i].date, it->second));
  }
  return errors->size() == before;
}

}  // namespace twitchcheck
