#include "eval/vignettes.h"

#include <algorithm>
#include <chrono>
#include <fstream>
#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>


namespace twitchcheck {

bool ReadVignettes(const std::string& path, std::vector<Vignette>* out, std::string* err) {
  std::ifstream in(path);
  if (!in) {
    *err = "cannot read '" + path + "'";
    return false;
  }
  std::string line;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    nlohmann::json c = nlohmann::json::parse(line, nullptr, false);
    if (c.is_discarded() || !c.is_object() || !c.contains("text") || !c["text"].is_string() ||
        !c.contains("triage") || !c["triage"].is_string()) {
      *err = fmt::format("{}:{}: not a vignette (needs at least text and triage)", path, line_no);
      return false;
    }
    Vignette v;
    v.id = c.contains("id") ? c["id"].dump() : std::to_string(line_no);
    v.text = c["text"].get<std::string>();
    auto expected = ParseTriage(c["triage"].get<std::string>());
    if (!expected) {
      *err = fmt::format("{}:{}: unknown triage level", path, line_no);
      return false;
    }
    v.expected = *expected;
    v.accepted.push_back(*expected);
    if (c.contains("triage_ok") && c["triage_ok"].is_array())
      for (const auto& t : c["triage_ok"])
        if (t.is_string())
          if (auto l = ParseTriage(t.get<std::string>())) v.accepted.push_back(*l);
    if (c.contains("primary") && c["primary"].is_array())
      for (const auto& p : c["primary"])
        if (p.is_string()) v.primary.push_back(p.get<std::string>());
    if (c.contains("age") && c["age"].is_number_integer()) v.patient.age = c["age"].get<int>();
    if (c.contains("sex") && c["sex"].is_string()) v.patient.sex = ParseSex(c["sex"].get<std::string>());
    if (c.contains("group") && c["group"].is_string()) v.group = c["group"].get<std::string>();
    out->push_back(std::move(v));
  }
  return true;
}

bool EvalVignettesFile(const Engine& engine, const std::string& path, std::ostream& out,
                       VignetteScores* s, std::string* err) {
  std::vector<Vignette> cases;
  if (!ReadVignettes(path, &cases, err)) return false;
  if (cases.empty()) {
    *err = "'" + path + "' holds no case";
    return false;
  }
  *s = VignetteScores{};
  struct GroupScore {
    int emergencies = 0, caught = 0, lookalikes = 0, false_alarms = 0;
  };
  std::map<std::string, GroupScore> groups;
  for (const Vignette& v : cases) {
    const std::vector<std::string>& primary = v.primary;
    const std::vector<TriageLevel>& ok = v.accepted;
    const TriageLevel* expected = &v.expected;
    AssessRequest request;
    request.patient = v.patient;
    request.text = v.text;
    AssessReport a;
    auto start = std::chrono::steady_clock::now();
    if (Status st = engine.Assess(request, &a); !st.ok()) {
      *err = v.id + ": " + st.message();
      return false;
    }
    s->seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

    ++s->cases;
    const std::string& id = v.id;
    std::vector<std::string> top;
    for (size_t i = 0; i < a.conditions.size() && i < 3; ++i)
      top.push_back(a.conditions[i].info->id);
    auto in_primary = [&](const std::string& x) {
      return std::find(primary.begin(), primary.end(), x) != primary.end();
    };
    bool hit1 = !top.empty() && in_primary(top[0]);
    bool hit3 = std::any_of(top.begin(), top.end(), in_primary);
    if (!primary.empty()) {
      ++s->scored;
      s->top1 += hit1;
      s->top3 += hit3;
    }
    TriageLevel got = a.triage.level;
    bool triage_hit = std::find(ok.begin(), ok.end(), got) != ok.end();
    bool under = std::all_of(ok.begin(), ok.end(), [&](TriageLevel l) { return MoreUrgent(l, got); });
    bool over = std::all_of(ok.begin(), ok.end(), [&](TriageLevel l) { return MoreUrgent(got, l); });
    s->triage_ok += triage_hit;
    s->under += under;
    s->over += over;
    auto emergency = [](TriageLevel l) {
      return l == TriageLevel::kEmergency || l == TriageLevel::kEmergencyAmbulance;
    };
    const bool understood = a.understood;
    s->not_understood += !understood;
    GroupScore& g = groups[v.group];
    if (emergency(*expected)) {
      ++s->emergencies;
      s->emergencies_caught += emergency(got) && understood;
      ++g.emergencies;
      g.caught += emergency(got) && understood;
    }
    if (std::none_of(ok.begin(), ok.end(), emergency)) {
      ++s->lookalikes;
      s->false_alarms += emergency(got);
      ++g.lookalikes;
      g.false_alarms += emergency(got);
    }
    if ((!primary.empty() && !hit1) || !triage_hit) {
      std::string tops;
      for (size_t i = 0; i < a.conditions.size() && i < 3; ++i)
        tops += fmt::format("{}{} {:.2f}", i ? ", " : "", a.conditions[i].info->id,
                            a.conditions[i].probability);
      std::string expect;
      for (size_t i = 0; i < primary.size(); ++i) expect += (i ? "|" : "") + primary[i];
      out << fmt::format("miss {}: {}{}{}\n  expected {} / {}\n  got      {} / {}\n", id,
                         !primary.empty() && !hit1 ? "top-1 " : "", !primary.empty() && !hit3 ? "top-3 " : "",
                         !triage_hit ? (under ? "under-triage" : over ? "over-triage" : "triage") : "",
                         expect, TriageName(*expected), tops, TriageName(got));
    }
  }
  auto pct = [](int a, int b) { return b ? 100.0 * a / b : 100.0; };
  if (groups.size() > 1 || (groups.size() == 1 && !groups.begin()->first.empty())) {
    std::vector<std::pair<std::string, GroupScore>> by_recall(groups.begin(), groups.end());
    std::stable_sort(by_recall.begin(), by_recall.end(), [&](const auto& a, const auto& b) {
      return pct(a.second.caught, a.second.emergencies) < pct(b.second.caught, b.second.emergencies);
    });
    out << "per group (weakest first): emergency recall, look-alikes sent to an emergency level\n";
    for (const auto& [name, g] : by_recall)
      out << fmt::format("  {:<20} {:3}/{:<3} {:5.1f} %   {:3}/{:<3} {:5.1f} %\n", name.empty() ? "-" : name,
                         g.caught, g.emergencies, pct(g.caught, g.emergencies), g.false_alarms,
                         g.lookalikes, g.lookalikes ? pct(g.false_alarms, g.lookalikes) : 0.0);
  }
  out << fmt::format("{} look-alikes sent to an emergency level: {}/{} ({:.1f} %); {} not understood\n",
                     s->lookalikes, s->false_alarms, s->lookalikes,
                     s->lookalikes ? pct(s->false_alarms, s->lookalikes) : 0.0, s->not_understood);
  out << fmt::format("{} cases, {} scored; {:.2f} ms per case (read + assess)\n", s->cases, s->scored,
                     s->cases ? 1000 * s->seconds / s->cases : 0);
  out << fmt::format("top-1 {:.1f} %  top-3 {:.1f} %  triage {:.1f} %\n", pct(s->top1, s->scored),
                     pct(s->top3, s->scored), pct(s->triage_ok, s->cases));
  out << fmt::format("under-triage {:.1f} %  over-triage {:.1f} %  emergency recall {:.1f} % ({}/{})\n",
                     pct(s->under, s->cases), pct(s->over, s->cases),
                     pct(s->emergencies_caught, s->emergencies), s->emergencies_caught, s->emergencies);
  return true;
}

}  // namespace twitchcheck
