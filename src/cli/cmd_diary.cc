// `twitchcheck diary ...` (SPEC.md §8): entries in, reports out. Exit 2 for bad usage
// (unknown flag, bad value), 1 for bad data or I/O (a bad import file, a database error).
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <iostream>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "diary/analysis.h"
#include "diary/codec.h"
#include "diary/diary_kb.h"
#include "diary/report.h"
#include "diary/store.h"
#include "diary/time_util.h"

namespace twitchcheck {
namespace {

const char kUsage[] =
    "usage: twitchcheck diary [--db PATH] [--today YYYY-MM-DD] COMMAND ...\n\n"
    "  add episode --at WHEN --site SITE [--side left|right|both] [--duration D]\n"
    "              [--intensity 0-10] [--note TEXT]\n"
    "      WHEN: now, today HH:MM, yesterday HH:MM, or ISO 8601 (2026-03-01T08:30[+01:00])\n"
    "      D: 40s, 5m, 2h, 1m30s\n"
    "  add day [--date DATE] [--caffeine-mg N] [--coffee N] [--tea N] [--energy-drinks N]\n"
    "          [--sleep-hours H] [--sleep-quality 0-10] [--stress 0-10] [--alcohol-units N]\n"
    "          [--cigarettes N] [--exercise-min N] [--screen-hours H] [--fluids-l L]\n"
    "          [--medication NAME]... [--supplement NAME]... [--tag T]...\n"
    "      a second `add day` for the same date updates the fields it gives\n"
    "  list [--from DATE] [--to DATE] [--json]\n"
    "  edit EPISODE-ID [episode options]      edit DATE [day options]\n"
    "  delete EPISODE-ID|DATE [--yes]          (asks first unless --yes)\n"
    "  import FILE.csv|FILE.json               (all records or none)\n"
    "  export --json|--csv                     (to stdout)\n"
    "  report [--json] [--html FILE] [--from DATE] [--to DATE]\n"
    "  sites                                   (the body sites SITE may be)\n\n"
    "The database defaults to $XDG_DATA_HOME/twitchcheck/diary.sqlite (~/.local/share/...).\n";

struct Ctx {
  std::string db, today_arg;
  std::string kb_dir;
  std::unique_ptr<DiaryKb> kb;
  int64_t today = 0, now = 0;
};

int Usage(const std::string& msg) {
  std::fprintf(stderr, "twitchcheck diary: %s\n(try `twitchcheck diary --help`)\n", msg.c_str());
  return 2;
}

int DataError(const std::string& msg) {
  std::fprintf(stderr, "twitchcheck diary: %s\n", msg.c_str());
  return 1;
}

bool Number(const std::string& flag, const std::string& s, double* v, std::string* err) {
  size_t used = 0;
  try {
    *v = std::stod(s, &used);
  } catch (...) {
    used = 0;
  }
  if (s.empty() || used != s.size() || !std::isfinite(*v)) {
    *err = flag + ": '" + s + "' is not a number";
    return false;
  }
  return true;
}

std::unique_ptr<DiaryStore> Open(const Ctx& c, std::string* err) {
  std::string path = c.db.empty() ? DefaultDiaryPath() : c.db;
  if (path.empty()) {
    *err = "no database: give --db PATH (neither XDG_DATA_HOME nor HOME is set)";
    return nullptr;
  }
  return OpenSqliteDiary(path, err);
}

// Reads episode options from args[i..]; only the ones given change *e. Returns 0 or an exit code.
int EpisodeOptions(const Ctx& c, const std::vector<std::string>& args, size_t i, Episode* e, bool* has_at,
                   bool* has_site) {
  std::string err;
  for (; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (i + 1 >= args.size()) return Usage(a + " needs a value");
    const std::string& v = args[++i];
    if (a == "--at") {
      if (!ParseWhen(v, c.now, c.today, &e->start_utc, &e->offset_min, &err)) return Usage("--at: " + err);
      *has_at = true;
    } else if (a == "--site") {
      if (!c.kb->FindSite(v)) return Usage("--site: unknown site '" + v + "' (see `twitchcheck diary sites`)");
      e->site = v;
      *has_site = true;
    } else if (a == "--side") {
      if (v != "left" && v != "right" && v != "both") return Usage("--side: '" + v + "' must be left, right or both");
      e->side = v;
    } else if (a == "--duration") {
      double s;
      if (!ParseDuration(v, &s, &err)) return Usage("--duration: " + err);
      e->duration_s = s;
    } else if (a == "--intensity") {
      double x;
      if (!Number(a, v, &x, &err)) return Usage(err);
      if (x != std::floor(x) || x < 0 || x > 10) return Usage("--intensity: " + v + " is outside 0-10 (whole numbers)");
      e->intensity = static_cast<int>(x);
    } else if (a == "--note") {
      e->note = v;
    } else {
      return Usage("unknown option '" + a + "' for an episode");
    }
  }
  std::vector<std::string> errors;
  if (!e->site.empty() && !ValidateEpisode(*e, *c.kb, "", &errors)) return Usage(errors[0]);
  return 0;
}

// Day options; only those given change *d. Caffeine options are one group: when any is
// given, caffeine_mg = --caffeine-mg (or 0) + drinks x the knowledge base's mg per drink.
int DayOptions(const Ctx& c, const std::vector<std::string>& args, size_t i, DayEntry* d, std::string* date) {
  std::string err;
  bool caffeine_given = false, lists_reset[3] = {false, false, false};
  std::optional<double> extra_mg;
  DayEntry given;
  for (; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (i + 1 >= args.size()) return Usage(a + " needs a value");
    const std::string& v = args[++i];
    if (a == "--date" && date) {
      int64_t day;
      if (!ParseDate(v, &day, &err)) return Usage("--date: " + err);
      *date = v;
      continue;
    }
    std::vector<std::string>* list = a == "--medication" ? &d->medications
                                     : a == "--supplement" ? &d->supplements
                                     : a == "--tag"        ? &d->tags
                                                           : nullptr;
    if (list) {
      int k = a == "--medication" ? 0 : a == "--supplement" ? 1 : 2;
      if (!lists_reset[k]) list->clear(), lists_reset[k] = true;  // a list given replaces the old one
      list->push_back(v);
      continue;
    }
    const DayField* f = nullptr;
    for (const DayField& x : DayFields())
      if (a == x.flag) f = &x;
    if (!f) return Usage("unknown option '" + a + "' for a day");
    double x;
    if (!Number(a, v, &x, &err)) return Usage(err);
    if (x < f->min || x > f->max) return Usage(fmt::format("{}: {} is outside {}-{}", a, v, f->min, f->max));
    if (f->integer && x != std::floor(x)) return Usage(a + ": " + v + " must be a whole number");
    std::string name = f->name;
    if (name == "caffeine_mg") extra_mg = x, caffeine_given = true;
    else if (name == "coffee" || name == "tea" || name == "energy_drinks") given.*f->member = x, caffeine_given = true;
    else d->*f->member = x;
  }
  if (caffeine_given) {
    d->coffee = given.coffee;
    d->tea = given.tea;
    d->energy_drinks = given.energy_drinks;
    d->caffeine_mg.reset();
    ComputeCaffeine(*c.kb, extra_mg, d);
  }
  std::vector<std::string> errors;
  if (!ValidateDay(*d, "", &errors) && !d->date.empty()) return Usage(errors[0]);
  return 0;
}

int AddEpisode(const Ctx& c, const std::vector<std::string>& args) {
  Episode e;
  bool has_at = false, has_site = false;
  if (int rc = EpisodeOptions(c, args, 2, &e, &has_at, &has_site)) return rc;
  if (!has_at) return Usage("add episode needs --at WHEN");
  if (!has_site) return Usage("add episode needs --site SITE");
  e.kb_version = c.kb->version();
  std::string err;
  auto store = Open(c, &err);
  if (!store || !store->AddEpisode(&e, &err)) return DataError(err);
  std::printf("episode %lld added: %s %s\n", static_cast<long long>(e.id), e.StartIso().c_str(), e.site.c_str());
  return 0;
}

int AddDay(const Ctx& c, const std::vector<std::string>& args) {
  std::string date = FormatDate(c.today), err;
  // The date first, so the existing entry for it is what the options update.
  for (size_t i = 2; i + 1 < args.size(); ++i)
    if (args[i] == "--date") date = args[i + 1];
  int64_t day;
  if (!ParseDate(date, &day, &err)) return Usage("--date: " + err);
  auto store = Open(c, &err);
  if (!store) return DataError(err);
  DayEntry d;
  bool found = false;
  if (!store->GetDay(date, &d, &found, &err)) return DataError(err);
  d.date = date;
  std::string ignored;
  if (int rc = DayOptions(c, args, 2, &d, &ignored)) return rc;
  d.kb_version = c.kb->version();
  if (!store->PutDay(d, &err)) return DataError(err);
  std::printf("day %s %s", date.c_str(), found ? "updated" : "added");
  if (d.caffeine_mg) std::printf(" (caffeine %s mg)", FormatNumber(*d.caffeine_mg).c_str());
  std::printf("\n");
  return 0;
}

bool IsEpisodeId(const std::string& s, int64_t* id) {
  if (s.empty() || s.size() > 18) return false;
  for (char ch : s)
    if (ch < '0' || ch > '9') return false;
  *id = std::stoll(s);
  return true;
}

int Edit(const Ctx& c, const std::vector<std::string>& args) {
  if (args.size() < 2) return Usage("edit needs an episode id or a date");
  std::string err;
  int64_t id, day;
  bool found = false;
  if (IsEpisodeId(args[1], &id)) {
    if (args.size() < 3) return Usage("edit " + args[1] + ": nothing to change");
    Episode e;
    bool a = false, s = false;
    auto store = Open(c, &err);
    if (!store || !store->GetEpisode(id, &e, &found, &err)) return DataError(err);
    if (!found) return DataError("no episode " + args[1]);
    if (int rc = EpisodeOptions(c, args, 2, &e, &a, &s)) return rc;
    if (!store->UpdateEpisode(e, &found, &err)) return DataError(err);
    std::printf("episode %s updated\n", args[1].c_str());
    return 0;
  }
  if (!ParseDate(args[1], &day, &err)) return Usage("edit: '" + args[1] + "' is neither an episode id nor a date");
  if (args.size() < 3) return Usage("edit " + args[1] + ": nothing to change");
  auto store = Open(c, &err);
  DayEntry d;
  if (!store || !store->GetDay(args[1], &d, &found, &err)) return DataError(err);
  if (!found) return DataError("no day entry for " + args[1] + " (use `diary add day --date " + args[1] + "`)");
  if (int rc = DayOptions(c, args, 2, &d, nullptr)) return rc;
  if (!store->PutDay(d, &err)) return DataError(err);
  std::printf("day %s updated\n", args[1].c_str());
  return 0;
}

int Delete(const Ctx& c, const std::vector<std::string>& args) {
  bool yes = false;
  std::string target;
  for (size_t i = 1; i < args.size(); ++i) {
    if (args[i] == "--yes" || args[i] == "-y") yes = true;
    else if (target.empty() && args[i][0] != '-') target = args[i];
    else return Usage("delete: unexpected argument '" + args[i] + "'");
  }
  if (target.empty()) return Usage("delete needs an episode id or a date");
  std::string err, what;
  int64_t id = 0, day;
  bool episode = IsEpisodeId(target, &id);
  if (!episode && !ParseDate(target, &day, &err)) return Usage("delete: '" + target + "' is neither an episode id nor a date");
  auto store = Open(c, &err);
  if (!store) return DataError(err);
  bool found = false;
  if (episode) {
    Episode e;
    if (!store->GetEpisode(id, &e, &found, &err)) return DataError(err);
    what = "episode " + target + " (" + e.StartIso() + ", " + e.site + ")";
  } else {
    DayEntry d;
    if (!store->GetDay(target, &d, &found, &err)) return DataError(err);
    what = "the day entry for " + target;
  }
  if (!found) return DataError("nothing to delete: no " + std::string(episode ? "episode " : "day entry for ") + target);
  if (!yes) {
    if (!isatty(STDIN_FILENO))
      return Usage("delete asks for confirmation; not at a terminal, give --yes to delete " + what);
    std::fprintf(stderr, "Delete %s? This cannot be undone. [y/N] ", what.c_str());
    std::string answer;
    if (!std::getline(std::cin, answer) || (answer != "y" && answer != "Y" && answer != "yes")) {
      std::fprintf(stderr, "not deleted\n");
      return 1;
    }
  }
  bool ok = episode ? store->DeleteEpisode(id, &found, &err) : store->DeleteDay(target, &found, &err);
  if (!ok) return DataError(err);
  std::printf("deleted %s\n", what.c_str());
  return 0;
}

int List(const Ctx& c, const std::vector<std::string>& args) {
  std::string from, to, err;
  bool json = false;
  for (size_t i = 1; i < args.size(); ++i) {
    if (args[i] == "--json") json = true;
    else if ((args[i] == "--from" || args[i] == "--to") && i + 1 < args.size()) {
      int64_t day;
      if (!ParseDate(args[i + 1], &day, &err)) return Usage(args[i] + ": " + err);
      (args[i] == "--from" ? from : to) = args[i + 1];
      ++i;
    } else return Usage("list: unknown argument '" + args[i] + "'");
  }
  auto store = Open(c, &err);
  Diary d;
  if (!store || !store->List(from, to, &d, &err)) return DataError(err);
  if (json) {
    nlohmann::ordered_json j = nlohmann::ordered_json::parse(DiaryToJson(d));
    for (size_t i = 0; i < d.episodes.size(); ++i) {
      nlohmann::ordered_json e;
      e["id"] = d.episodes[i].id;
      for (auto& [k, v] : j["episodes"][i].items()) e[k] = v;
      j["episodes"][i] = e;
    }
    std::cout << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    return 0;
  }
  std::printf("%zu day(s), %zu episode(s)\n", d.days.size(), d.episodes.size());
  for (const DayEntry& day : d.days) {
    std::string s = "  " + day.date;
    for (const DayField& f : DayFields())
      if (const std::optional<double>& v = day.*f.member) s += std::string(" ") + f.name + "=" + FormatNumber(*v);
    for (const std::string& m : day.medications) s += " medication=" + m;
    for (const std::string& m : day.supplements) s += " supplement=" + m;
    for (const std::string& m : day.tags) s += " tag=" + m;
    std::printf("%s\n", s.c_str());
  }
  for (const Episode& e : d.episodes) {
    std::string s = fmt::format("  #{:<5} {} {}", e.id, e.StartIso(), e.site);
    if (!e.side.empty()) s += " " + e.side;
    if (e.duration_s) s += " " + FormatNumber(*e.duration_s) + "s";
    if (e.intensity) s += fmt::format(" intensity {}", *e.intensity);
    if (!e.note.empty()) s += " \"" + e.note + "\"";
    std::printf("%s\n", s.c_str());
  }
  return 0;
}

bool ReadWhole(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return !in.bad();
}

int Import(const Ctx& c, const std::vector<std::string>& args) {
  if (args.size() != 2) return Usage("usage: diary import FILE.csv|FILE.json");
  const std::string& path = args[1];
  bool csv = path.size() > 4 && path.substr(path.size() - 4) == ".csv";
  bool json = path.size() > 5 && path.substr(path.size() - 5) == ".json";
  if (!csv && !json) return Usage("import: '" + path + "' must end in .csv or .json");
  std::string text, err;
  if (!ReadWhole(path, &text)) return DataError("cannot read '" + path + "'");
  Diary d;
  std::vector<std::string> errors;
  bool ok = csv ? DiaryFromCsv(text, *c.kb, &d, &errors) : DiaryFromJson(text, *c.kb, &d, &errors);
  if (!ok) {
    for (const std::string& e : errors) std::fprintf(stderr, "%s: %s\n", path.c_str(), e.c_str());
    return DataError(fmt::format("{} problem(s) in '{}'; nothing was imported", errors.size(), path));
  }
  auto store = Open(c, &err);
  if (!store || !store->Import(d, &err)) return DataError(err + "; nothing was imported");
  std::printf("imported %zu day(s) and %zu episode(s)\n", d.days.size(), d.episodes.size());
  return 0;
}

int Export(const Ctx& c, const std::vector<std::string>& args) {
  if (args.size() != 2 || (args[1] != "--json" && args[1] != "--csv")) return Usage("usage: diary export --json|--csv");
  std::string err;
  auto store = Open(c, &err);
  Diary d;
  if (!store || !store->List("", "", &d, &err)) return DataError(err);
  std::string out = args[1] == "--json" ? DiaryToJson(d) : DiaryToCsv(d);
  std::fwrite(out.data(), 1, out.size(), stdout);
  return std::fflush(stdout) == 0 ? 0 : DataError("cannot write the export");
}

int Report(const Ctx& c, const std::vector<std::string>& args) {
  AnalysisOptions opt;
  bool json = false;
  std::string html, err;
  for (size_t i = 1; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--json") {
      json = true;
    } else if (a == "--html" || a == "--from" || a == "--to") {
      if (i + 1 >= args.size()) return Usage(a + " needs a value");
      const std::string& v = args[++i];
      int64_t day;
      if (a == "--html") html = v;
      else if (!ParseDate(v, &day, &err)) return Usage(a + ": " + err);
      else (a == "--from" ? opt.from : opt.to) = v;
    } else {
      return Usage("report: unknown argument '" + a + "'");
    }
  }
  auto store = Open(c, &err);
  Diary d;
  if (!store || !store->List(opt.from, opt.to, &d, &err)) return DataError(err);
  DiaryReport r = AnalyzeDiary(d, *c.kb, opt);
  if (!html.empty()) {
    std::string chart_js;
    if (!ReadWhole(ChartJsPath(), &chart_js) || chart_js.empty())
      return DataError("cannot read Chart.js at " + ChartJsPath() + " (install Debian's libjs-chart.js)");
    std::string page = ReportHtml(r, *c.kb, chart_js);
    std::string tmp = html + ".tmp";
    {
      std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
      out << page;
      if (!out.flush()) {
        std::remove(tmp.c_str());
        return DataError("cannot write '" + html + "'");
      }
    }
    if (std::rename(tmp.c_str(), html.c_str()) != 0) return DataError("cannot write '" + html + "'");
  }
  std::string out = json ? ReportJson(r, c.kb->version()) : ReportText(r);
  if (!html.empty() && !json) out += "\nWrote " + html + "\n";
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}

int Sites(const Ctx& c) {
  for (const DiarySite& s : c.kb->sites()) std::printf("%-16s %s (%s)\n", s.id.c_str(), s.name.c_str(), s.region.c_str());
  return 0;
}

}  // namespace

int CmdDiary(const CommandArgs& a) {
  Ctx c;
  c.kb_dir = a.kb_dir;
  c.today_arg = a.today_arg;
  std::vector<std::string> args;
  for (size_t i = 0; i < a.args.size(); ++i) {
    const std::string& s = a.args[i];
    if (args.empty() && (s == "--help" || s == "-h" || s == "help")) {
      std::fputs(kUsage, stdout);
      return 0;
    }
    if (args.empty() && (s == "--db" || s == "--today" || s == "--kb")) {
      if (i + 1 >= a.args.size()) return Usage(s + " needs a value");
      (s == "--db" ? c.db : s == "--today" ? c.today_arg : c.kb_dir) = a.args[++i];
      continue;
    }
    args.push_back(s);
  }
  for (const std::string& s : args)
    if (s == "--help" || s == "-h") {
      std::fputs(kUsage, stdout);
      return 0;
    }
  if (args.empty()) {
    std::fputs(kUsage, stderr);
    return 2;
  }
  std::string err;
  c.now = static_cast<int64_t>(std::time(nullptr));
  if (!c.today_arg.empty()) {
    if (!ParseDate(c.today_arg, &c.today, &err)) return Usage("--today: " + err);
  } else {
    int64_t wall = c.now + int64_t{LocalOffsetAt(c.now)} * 60;
    c.today = wall / 86400;
  }
  if (!c.kb_dir.empty()) {  // every file of DIR is validated, whichever command runs (SPEC §4)
    int code = 0;
    if (!OpenEngine(CommandArgs{{}, c.kb_dir, {}, {}}, &code)) return code;
  }
  c.kb = DiaryKb::Load(c.kb_dir, &err);
  if (!c.kb) return DataError(err);
  const std::string& cmd = args[0];
  if (cmd == "add") {
    if (args.size() >= 2 && args[1] == "episode") return AddEpisode(c, args);
    if (args.size() >= 2 && args[1] == "day") return AddDay(c, args);
    return Usage("add episode ... or add day ...");
  }
  if (cmd == "list") return List(c, args);
  if (cmd == "edit") return Edit(c, args);
  if (cmd == "delete") return Delete(c, args);
  if (cmd == "import") return Import(c, args);
  if (cmd == "export") return Export(c, args);
  if (cmd == "report") return Report(c, args);
  if (cmd == "sites") return Sites(c);
  return Usage("unknown command '" + cmd + "'");
}

}  // namespace twitchcheck
