// `twitchcheck diary` as a person runs it: messages and exit codes for bad input, the
// import that takes all or nothing, delete's confirmation, the reports, and the HTML page
// rendered in Debian's headless chromium.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "diary/codec.h"
#include "diary/simulate.h"

#include "testing/test_support.h"

namespace {

using DiaryRun = twitchcheck::fixtures::CommandRun;

DiaryRun Sh(const std::string& cmd) { return twitchcheck::fixtures::RunCommand(cmd + " 2>&1"); }

std::string Dir(const std::string& name) {
  std::string d = testing::TempDir() + "/diary_cli_" + name + "_" + std::to_string(getpid());
  std::filesystem::remove_all(d);
  std::filesystem::create_directories(d);
  return d;
}

DiaryRun Diary(const std::string& db, const std::string& args) {
  return Sh(std::string(TWITCHCHECK_BINARY) + " diary --db " + db + " --today 2026-03-10 " + args + " < /dev/null");
}

void Write(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

std::string Read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct BadInput {
  const char* name;
  const char* args;
  int status;
  const char* message;
};

const BadInput kBadInputs[] = {
    {"intensity_11", "add episode --at now --site eyelid --intensity 11", 2, "--intensity: 11 is outside 0-10"},
    {"note_not_utf8", "add episode --at now --site eyelid --note \"$(printf 'bad\\377byte')\"", 2,
     "note: not valid UTF-8 text"},
    {"bad_date", "add day --date 2026-02-30", 2, "--date: '2026-02-30' is not a calendar date"},
    {"bad_when", "add episode --at 'last tuesday' --site eyelid", 2, "--at: 'last tuesday' is not a time"},
    {"negative_duration", "add episode --at now --site eyelid --duration -5m", 2, "is not a duration"},
    {"absurd_duration", "add episode --at now --site eyelid --duration 30h", 2, "is over 24 hours"},
    {"unknown_site", "add episode --at now --site elbw", 2, "unknown site 'elbw'"},
    {"no_site", "add episode --at now", 2, "needs --site"},
    {"stress_12", "add day --stress 12", 2, "--stress: 12 is outside 0-10"},
    {"sleep_not_number", "add day --sleep-hours lots", 2, "--sleep-hours: 'lots' is not a number"},
    {"unknown_day_option", "add day --coffe 2", 2, "unknown option '--coffe'"},
    {"missing_value", "add day --stress", 2, "--stress needs a value"},
    {"unknown_command", "plot", 2, "unknown command 'plot'"},
    {"edit_missing", "edit 999 --intensity 3", 1, "no episode 999"},
    {"import_missing", "import /nonexistent/x.json", 1, "cannot read '/nonexistent/x.json'"},
    {"import_bad_ext", "import notes.txt", 2, "must end in .csv or .json"},
    {"export_no_form", "export", 2, "export --json|--csv"},
    {"html_unwritable", "report --html /nonexistent/dir/report.html", 1, "cannot write '/nonexistent/dir/report.html'"},
    {"report_bad_from", "report --from 2026-1-1", 2, "--from: '2026-1-1' is not a date"},
};

TEST(DiaryCli, BadInputIsAClearMessageAndTheRightExit) {
  std::string db = Dir("bad") + "/d.sqlite";
  for (const BadInput& c : kBadInputs) {
    DiaryRun r = Diary(db, c.args);
    EXPECT_EQ(r.status, c.status) << c.name << ": " << r.out;
    EXPECT_NE(r.out.find(c.message), std::string::npos) << c.name << ": " << r.out;
  }
  // Nothing was stored by any of them.
  DiaryRun l = Diary(db, "list");
  EXPECT_NE(l.out.find("0 day(s), 0 episode(s)"), std::string::npos) << l.out;
}

TEST(DiaryCli, HelpExitsZero) {
  DiaryRun r = Sh(std::string(TWITCHCHECK_BINARY) + " diary --help");
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.out.find("add episode --at WHEN"), std::string::npos);
}

TEST(DiaryCli, AddUpdateListAndCaffeineFromDrinks) {
  std::string db = Dir("add") + "/d.sqlite";
  DiaryRun r = Diary(db, "add day --date 2026-03-01 --coffee 2 --energy-drinks 1 --sleep-hours 5.5 --medication ibuprofen");
  ASSERT_EQ(r.status, 0) << r.out;
  EXPECT_NE(r.out.find("caffeine 260 mg"), std::string::npos) << r.out;  // 2 x 90 + 80 (EFSA)
  r = Diary(db, "add day --date 2026-03-01 --stress 6");  // updates, keeps the rest
  EXPECT_NE(r.out.find("updated"), std::string::npos);
  r = Diary(db, "add episode --at 'yesterday 21:30' --site lower_eyelid --side left --duration 1m30s --intensity 3");
  ASSERT_EQ(r.status, 0) << r.out;
  r = Diary(db, "list --json");
  ASSERT_EQ(r.status, 0) << r.out;
  nlohmann::json j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["days"].size(), 1u);
  EXPECT_EQ(j["days"][0]["caffeine_mg"], 260);
  EXPECT_EQ(j["days"][0]["stress"], 6);
  EXPECT_EQ(j["days"][0]["sleep_hours"], 5.5);
  EXPECT_EQ(j["days"][0]["medications"][0], "ibuprofen");
  ASSERT_EQ(j["episodes"].size(), 1u);
  EXPECT_EQ(j["episodes"][0]["duration_s"], 90);
  EXPECT_EQ(j["episodes"][0]["start"].get<std::string>().substr(0, 16), "2026-03-09T21:30");
  int id = j["episodes"][0]["id"];
  r = Diary(db, "edit " + std::to_string(id) + " --intensity 5 --site upper_eyelid");
  ASSERT_EQ(r.status, 0) << r.out;
  j = nlohmann::json::parse(Diary(db, "list --json").out);
  EXPECT_EQ(j["episodes"][0]["intensity"], 5);
  EXPECT_EQ(j["episodes"][0]["site"], "upper_eyelid");
}

TEST(DiaryCli, DeleteAsksUnlessYesAndRefusesWithoutATerminal) {
  std::string db = Dir("delete") + "/d.sqlite";
  ASSERT_EQ(Diary(db, "add episode --at 2026-03-01T10:00:00Z --site eye").status, 0);
  DiaryRun r = Diary(db, "delete 1");  // stdin is /dev/null: not a terminal
  EXPECT_EQ(r.status, 2) << r.out;
  EXPECT_NE(r.out.find("give --yes"), std::string::npos) << r.out;
  EXPECT_NE(Diary(db, "list").out.find("1 episode(s)"), std::string::npos);
  r = Diary(db, "delete 1 --yes");
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_NE(Diary(db, "list").out.find("0 episode(s)"), std::string::npos);
  EXPECT_EQ(Diary(db, "delete 1 --yes").status, 1);  // nothing left to delete
}

// At a terminal (a pseudo-terminal from util-linux's `script`), delete asks and only "y" deletes.
TEST(DiaryCli, DeleteAtATerminalAsksFirst) {
  if (Sh("command -v script").status != 0) GTEST_SKIP() << "util-linux script is not installed";
  std::string db = Dir("delete_tty") + "/d.sqlite";
  ASSERT_EQ(Diary(db, "add episode --at 2026-03-01T10:00:00Z --site eye").status, 0);
  std::string cmd = std::string(TWITCHCHECK_BINARY) + " diary --db " + db + " delete 1";
  DiaryRun no = Sh("printf 'n\\n' | script -qec '" + cmd + "' /dev/null");
  EXPECT_NE(no.out.find("Delete episode 1"), std::string::npos) << no.out;
  EXPECT_NE(no.out.find("not deleted"), std::string::npos) << no.out;
  EXPECT_NE(Diary(db, "list").out.find("1 episode(s)"), std::string::npos);
  DiaryRun yes = Sh("printf 'y\\n' | script -qec '" + cmd + "' /dev/null");
  EXPECT_NE(yes.out.find("deleted episode 1"), std::string::npos) << yes.out;
  EXPECT_NE(Diary(db, "list").out.find("0 episode(s)"), std::string::npos);
}

TEST(DiaryCli, ImportChecksEveryRecordAndImportsNothingIfAnyIsBad) {
  std::string dir = Dir("import"), db = dir + "/d.sqlite";
  Write(dir + "/bad.json", R"({"days": [{"date": "2026-03-01", "stress": 7},
    {"date": "2026-03-02", "coffee_cups": 3}],
    "episodes": [{"start": "2026-03-01T08:30:00+01:00", "site": "eyelid", "intensity": 11},
                 {"start": "2026-03-01T09:30:00+01:00", "site": "eyelid", "duration_s": -4}]})");
  DiaryRun r = Diary(db, "import " + dir + "/bad.json");
  EXPECT_EQ(r.status, 1) << r.out;
  EXPECT_NE(r.out.find("days[1].coffee_cups: unknown field"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("episodes[0].intensity: 11 is outside 0-10"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("episodes[1].duration_s: -4"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("nothing was imported"), std::string::npos) << r.out;
  EXPECT_NE(Diary(db, "list").out.find("0 day(s), 0 episode(s)"), std::string::npos);

  Write(dir + "/bad.csv",
        "record,date,stress,start,site,intensity\n"
        "day,2026-03-01,7,,,\n"
        "episode,,,2026-03-01T08:30:00+01:00,elbow,3\n"
        "episode,,,2026-03-01T08:30:00+01:00,eyelid,eleven\n"
        "day,2026-13-01,,,,\n");
  r = Diary(db, "import " + dir + "/bad.csv");
  EXPECT_EQ(r.status, 1) << r.out;
  EXPECT_NE(r.out.find("line 4: intensity: 'eleven'"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("line 5: date:"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("line 3"), std::string::npos) << r.out;  // elbow is a site
  Write(dir + "/bad_header.csv", "record,date,mood\nday,2026-03-01,3\n");
  r = Diary(db, "import " + dir + "/bad_header.csv");
  EXPECT_NE(r.out.find("line 1: unknown column 'mood'"), std::string::npos) << r.out;
  EXPECT_NE(Diary(db, "list").out.find("0 day(s), 0 episode(s)"), std::string::npos);
}

TEST(DiaryCli, ExportImportExportIsByteIdentical) {
  std::string dir = Dir("roundtrip");
  twitchcheck::SimulationSpec spec;
  spec.days = 30;
  Write(dir + "/in.json", twitchcheck::DiaryToJson(twitchcheck::SimulateDiary(spec)));
  ASSERT_EQ(Diary(dir + "/a.sqlite", "import " + dir + "/in.json").status, 0);
  std::string json = Diary(dir + "/a.sqlite", "export --json").out;
  std::string csv = Diary(dir + "/a.sqlite", "export --csv").out;
  Write(dir + "/out.json", json);
  Write(dir + "/out.csv", csv);
  ASSERT_EQ(Diary(dir + "/b.sqlite", "import " + dir + "/out.json").status, 0);
  ASSERT_EQ(Diary(dir + "/c.sqlite", "import " + dir + "/out.csv").status, 0);
  EXPECT_EQ(Diary(dir + "/b.sqlite", "export --json").out, json);
  EXPECT_EQ(Diary(dir + "/c.sqlite", "export --json").out, json);
  EXPECT_EQ(Diary(dir + "/c.sqlite", "export --csv").out, csv);
  EXPECT_EQ(json, Read(dir + "/in.json"));
}

TEST(DiaryCli, ReportJsonTextAndHtml) {
  std::string dir = Dir("report"), db = dir + "/d.sqlite";
  twitchcheck::SimulationSpec spec;
  spec.days = 120;
  spec.seed = 11;
  twitchcheck::Diary d = twitchcheck::SimulateDiary(spec);
  d.days[5].supplements = {"magnesium"};
  Write(dir + "/in.json", twitchcheck::DiaryToJson(d));
  ASSERT_EQ(Diary(db, "import " + dir + "/in.json").status, 0);
  DiaryRun r = Diary(db, "report --json");
  ASSERT_EQ(r.status, 0) << r.out;
  nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["days_logged"], 120);
  EXPECT_GT(j["episodes"].get<int>(), 100);
  ASSERT_FALSE(j["associations"].empty());
  for (const auto& a : j["associations"]) {
    std::string v = a["verdict"];
    EXPECT_TRUE(v == "associated" || v == "protective" || v == "no_evidence" || v == "not_enough_data") << v;
    EXPECT_TRUE(a.contains("factor") && a.contains("lag") && a.contains("p") && a.contains("q"));
    if (v != "not_enough_data") EXPECT_EQ(a["effect"]["ci95"].size(), 2u);
    else EXPECT_TRUE(a.contains("needed") || a.contains("reason"));
  }
  EXPECT_TRUE(j["trend"]["per_week"].is_array());
  EXPECT_TRUE(j["trend"]["rate_ratio_per_month"].is_number());
  EXPECT_TRUE(j["sites"].is_array());
  EXPECT_TRUE(j["flags"].is_array());
  r = Diary(db, "report");
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.out.find("associations, not proof of a cause"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Episodes per day, last 56 days"), std::string::npos) << r.out;
  r = Diary(db, "report --from 2026-02-01 --to 2026-02-28 --json");
  EXPECT_EQ(nlohmann::json::parse(r.out)["days_logged"], 28);

  std::string page = dir + "/report.html";
  r = Diary(db, "report --html " + page);
  ASSERT_EQ(r.status, 0) << r.out;
  std::string html = Read(page);
  for (const char* id : {"episodes", "factors", "bodymap", "forest", "trend"})
    EXPECT_NE(html.find(std::string("<canvas id=\"") + id + "\""), std::string::npos) << id;
  EXPECT_NE(html.find("Chart.js v"), std::string::npos) << "Chart.js is not embedded";
  EXPECT_EQ(html.find("<script src="), std::string::npos) << "the page must not load anything";
  EXPECT_NE(html.find("summary for a doctor"), std::string::npos);
  EXPECT_NE(html.find("magnesium (1 days)"), std::string::npos);

  // The page in a real browser: every chart is drawn (the page counts them) and a
  // screenshot is taken (kept in the temp folder to look at).
  if (!std::filesystem::exists("/usr/bin/chromium")) GTEST_SKIP() << "Debian's chromium is not installed";
  std::string flags = " --headless --no-sandbox --disable-gpu --hide-scrollbars --virtual-time-budget=5000 "
                      "--user-data-dir=" + dir + "/chromium ";
  DiaryRun dom = Sh("timeout 60 chromium" + flags + "--dump-dom file://" + page);
  ASSERT_EQ(dom.status, 0) << dom.out.substr(0, 2000);
  EXPECT_NE(dom.out.find("data-charts=\"5\""), std::string::npos) << "not every chart was drawn";
  DiaryRun shot = Sh("timeout 60 chromium" + flags + "--window-size=1100,1600 --screenshot=" + dir + "/report.png file://" + page);
  EXPECT_EQ(shot.status, 0) << shot.out;
  EXPECT_GT(std::filesystem::file_size(dir + "/report.png"), 20000u);
  // The doctor's summary prints on two A4 pages (the page's print CSS).
  DiaryRun pdf = Sh("timeout 60 chromium" + flags + "--no-pdf-header-footer --print-to-pdf=" + dir + "/report.pdf file://" + page);
  ASSERT_EQ(pdf.status, 0) << pdf.out;
  std::string bytes = Read(dir + "/report.pdf");
  int pages = 0;
  for (size_t at = bytes.find("/Type /Page"); at != std::string::npos; at = bytes.find("/Type /Page", at + 1))
    pages += bytes.compare(at, 12, "/Type /Pages") != 0;
  EXPECT_EQ(pages, 2);
}

}  // namespace
