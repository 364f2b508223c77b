// The SQLite diary on real files in a temporary folder: storage, schema, a kill -9 in the
// middle of many writes, a full disk, and the exact export/import round trip.
#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <set>

#include "diary/codec.h"
#include "diary/diary_kb.h"
#include "diary/simulate.h"
#include "diary/store.h"

namespace twitchcheck {
namespace {

const DiaryKb& Kb() {
  static std::unique_ptr<DiaryKb> kb = [] {
    std::string err;
    return DiaryKb::Load("", &err);
  }();
  return *kb;
}

std::string TempDb(const std::string& name) {
  std::string dir = testing::TempDir() + "/diary_" + name + "_" + std::to_string(getpid());
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir + "/diary.sqlite";
}

Episode MakeEpisode(int64_t start, const std::string& note) {
  Episode e;
  e.start_utc = start;
  e.offset_min = 60;
  e.site = "lower_eyelid";
  e.side = "left";
  e.duration_s = 30;
  e.intensity = 4;
  e.note = note;
  return e;
}

TEST(SqliteDiary, StoresUpdatesAndDeletes) {
  std::string err, path = TempDb("basic");
  auto s = OpenSqliteDiary(path, &err);
  ASSERT_TRUE(s) << err;
  DayEntry d;
  d.date = "2026-03-01";
  d.caffeine_mg = 300;
  d.medications = {"ibuprofen", "propranolol"};
  d.tags = {"exam"};
  ASSERT_TRUE(s->PutDay(d, &err)) << err;
  Episode e = MakeEpisode(1772350200, "after coffee");  // 2026-03-01T07:30Z
  ASSERT_TRUE(s->AddEpisode(&e, &err)) << err;
  EXPECT_GT(e.id, 0);
  // A second put of the same date replaces it, lists included.
  d.medications = {"magnesium"};
  d.stress = 8;
  ASSERT_TRUE(s->PutDay(d, &err)) << err;
  s.reset();
  s = OpenSqliteDiary(path, &err);  // reopened: everything was on disk
  Diary got;
  ASSERT_TRUE(s->List("", "", &got, &err)) << err;
  ASSERT_EQ(got.days.size(), 1u);
  EXPECT_EQ(got.days[0], d);
  ASSERT_EQ(got.episodes.size(), 1u);
  EXPECT_EQ(got.episodes[0], e);
  EXPECT_EQ(got.episodes[0].LocalDate(), "2026-03-01");
  bool found = false;
  e.intensity = 7;
  ASSERT_TRUE(s->UpdateEpisode(e, &found, &err));
  EXPECT_TRUE(found);
  Episode back;
  ASSERT_TRUE(s->GetEpisode(e.id, &back, &found, &err));
  EXPECT_EQ(back.intensity, 7);
  ASSERT_TRUE(s->DeleteEpisode(e.id, &found, &err));
  EXPECT_TRUE(found);
  ASSERT_TRUE(s->DeleteEpisode(e.id, &found, &err));
  EXPECT_FALSE(found);
  ASSERT_TRUE(s->DeleteDay("2026-03-01", &found, &err));
  EXPECT_TRUE(found);
  ASSERT_TRUE(s->List("", "", &got, &err));
  EXPECT_TRUE(got.days.empty());
  EXPECT_TRUE(got.episodes.empty());
}

TEST(SqliteDiary, ListFiltersByLocalDate) {
  std::string err;
  auto s = OpenSqliteDiary(TempDb("range"), &err);
  ASSERT_TRUE(s) << err;
  // 2026-03-01T23:30+01:00 is 22:30Z: its local date is the 1st whatever the UTC date.
  Episode late = MakeEpisode(1772404200, "late");
  late.offset_min = 60;
  Episode next = MakeEpisode(1772404200 + 3600, "next day");
  ASSERT_TRUE(s->AddEpisode(&late, &err));
  ASSERT_TRUE(s->AddEpisode(&next, &err));
  Diary got;
  ASSERT_TRUE(s->List("2026-03-01", "2026-03-01", &got, &err));
  ASSERT_EQ(got.episodes.size(), 1u);
  EXPECT_EQ(got.episodes[0].note, "late");
}

TEST(SqliteDiary, SchemaVersionIsSetAndNewerSchemaIsRefused) {
  std::string err, path = TempDb("schema");
  ASSERT_TRUE(OpenSqliteDiary(path, &err)) << err;
  sqlite3* db;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* st;
  sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, nullptr);
  ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int(st, 0), 1);
  sqlite3_finalize(st);
  sqlite3_exec(db, "PRAGMA user_version=99", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  EXPECT_FALSE(OpenSqliteDiary(path, &err));
  EXPECT_NE(err.find("newer twitchcheck"), std::string::npos) << err;
}

TEST(SqliteDiary, NotADatabaseIsAClearError) {
  std::string err, path = TempDb("notdb");
  FILE* f = std::fopen(path.c_str(), "w");
  std::fputs("this is not sqlite, just some text that is long enough to be a header..........\n", f);
  std::fclose(f);
  EXPECT_FALSE(OpenSqliteDiary(path, &err));
  EXPECT_NE(err.find("not a diary database"), std::string::npos) << err;
}

TEST(SqliteDiary, FolderThatCannotBeCreatedIsAClearError) {
  std::string err, file = TempDb("parent");
  FILE* f = std::fopen(file.c_str(), "w");
  std::fclose(f);
  EXPECT_FALSE(OpenSqliteDiary(file + "/sub/diary.sqlite", &err));
  EXPECT_NE(err.find("cannot create the folder"), std::string::npos) << err;
}

// A full disk, made real with SQLite's page limit on the store's connection: the write
// fails with a clear message and leaves no partial record (an import is all or nothing).
TEST(SqliteDiary, FullDiskGivesAClearErrorAndNoPartialRecord) {
  std::string err, path = TempDb("full");
  {
    auto s = OpenSqliteDiary(path, &err);
    ASSERT_TRUE(s) << err;
    Episode e = MakeEpisode(1772350200, "before");
    ASSERT_TRUE(s->AddEpisode(&e, &err));
  }
  SqliteOptions opt;
  opt.max_pages = 12;
  auto s = OpenSqliteDiary(path, &err, opt);
  ASSERT_TRUE(s) << err;
  SimulationSpec spec;
  spec.days = 400;
  Diary big = SimulateDiary(spec);
  EXPECT_FALSE(s->Import(big, &err));
  EXPECT_NE(err.find("disk is full"), std::string::npos) << err;
  Episode e = MakeEpisode(1772350200, std::string(3000, 'x'));
  for (int i = 0; i < 50 && s->AddEpisode(&e, &err); ++i) e.id = 0;
  EXPECT_NE(err.find("disk is full"), std::string::npos) << err;
  s.reset();
  s = OpenSqliteDiary(path, &err);
  ASSERT_TRUE(s) << err;
  Diary got;
  ASSERT_TRUE(s->List("", "", &got, &err));
  EXPECT_TRUE(got.days.empty());
  for (const Episode& x : got.episodes) EXPECT_TRUE(x.note == "before" || x.note.size() == 3000);
  EXPECT_EQ(got.episodes[0].note, "before");
}

TEST(SqliteDiary, ReadOnlyGivesAClearErrorAndNoPartialRecord) {
  std::string err, path = TempDb("readonly");
  ASSERT_TRUE(OpenSqliteDiary(path, &err)) << err;
  SqliteOptions opt;
  opt.read_only = true;
  auto s = OpenSqliteDiary(path, &err, opt);
  ASSERT_TRUE(s) << err;
  Episode e = MakeEpisode(1772350200, "x");
  EXPECT_FALSE(s->AddEpisode(&e, &err));
  EXPECT_NE(err.find("read-only (nothing was saved)"), std::string::npos) << err;
  SimulationSpec spec;
  spec.days = 20;
  EXPECT_FALSE(s->Import(SimulateDiary(spec), &err));
  Diary got;
  ASSERT_TRUE(s->List("", "", &got, &err)) << err;  // reading still works
  EXPECT_TRUE(got.days.empty());
  EXPECT_TRUE(got.episodes.empty());
}

// SPEC.md §6: no data loss after a kill -9. A child writes episodes one transaction at a
// time and reports each id on a pipe after its commit returns; the parent kills it in
// the middle, then every reported id must be in the file and the file must be sound.
TEST(SqliteDiary, KillDashNineInTheMiddleOfWritesLosesNothingCommitted) {
  std::string path = TempDb("kill");
  for (int round = 0; round < 3; ++round) {
    int fds[2];
    ASSERT_EQ(pipe(fds), 0);
    pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      close(fds[0]);
      std::string err;
      auto s = OpenSqliteDiary(path, &err);
      if (!s) _exit(3);
      for (int i = 0;; ++i) {
        Episode e = MakeEpisode(1772350200 + i * 60, "round " + std::to_string(round));
        DayEntry d;
        d.date = "2026-03-01";
        d.stress = i % 11;
        d.tags = {"t" + std::to_string(i)};
        if (!s->AddEpisode(&e, &err) || !s->PutDay(d, &err)) _exit(4);
        int64_t id = e.id;
        if (write(fds[1], &id, sizeof id) != sizeof id) _exit(5);
      }
    }
    close(fds[1]);
    std::set<int64_t> committed;
    int64_t id;
    // Let it write for a while, then kill it without warning.
    while (committed.size() < static_cast<size_t>(60 + 40 * round) && read(fds[0], &id, sizeof id) == sizeof id)
      committed.insert(id);
    kill(pid, SIGKILL);
    while (read(fds[0], &id, sizeof id) == sizeof id) committed.insert(id);  // reported before the kill
    close(fds[0]);
    int status;
    waitpid(pid, &status, 0);
    ASSERT_TRUE(WIFSIGNALED(status)) << "the writer stopped on its own: " << status;

    sqlite3* db;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    sqlite3_stmt* st;
    sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, nullptr);
    ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
    EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)), "ok");
    sqlite3_finalize(st);
    sqlite3_prepare_v2(db, "PRAGMA foreign_key_check", -1, &st, nullptr);
    EXPECT_EQ(sqlite3_step(st), SQLITE_DONE) << "orphaned day items";
    sqlite3_finalize(st);
    sqlite3_close(db);
    std::string err;
    auto s = OpenSqliteDiary(path, &err);
    ASSERT_TRUE(s) << err;
    for (int64_t want : committed) {
      Episode e;
      bool found = false;
      ASSERT_TRUE(s->GetEpisode(want, &e, &found, &err)) << err;
      EXPECT_TRUE(found) << "committed episode " << want << " is missing after kill -9";
    }
    DayEntry d;
    bool found = false;
    ASSERT_TRUE(s->GetDay("2026-03-01", &d, &found, &err));
    EXPECT_TRUE(found);
    EXPECT_EQ(d.tags.size(), 1u);  // a day is never half written
  }
}

TEST(DiaryRoundTrip, ExportImportExportIsByteIdentical) {
  SimulationSpec spec;
  spec.days = 40;
  Diary d = SimulateDiary(spec);
  d.days[3].medications = {"propranolol, 10 mg"};
  d.days[3].tags = {"exam \"finals\""};
  d.episodes[0].note = "line one\nline two, with \"quotes\"";
  d.episodes[1].side = "";
  d.episodes[1].duration_s.reset();
  d.episodes[1].offset_min = -330;
  std::string err;
  auto a = OpenSqliteDiary(TempDb("rt_a"), &err);
  ASSERT_TRUE(a) << err;
  ASSERT_TRUE(a->Import(d, &err)) << err;
  Diary from_a;
  ASSERT_TRUE(a->List("", "", &from_a, &err));
  std::string json = DiaryToJson(from_a), csv = DiaryToCsv(from_a);
  for (bool use_csv : {false, true}) {
    Diary parsed;
    std::vector<std::string> errors;
    ASSERT_TRUE(use_csv ? DiaryFromCsv(csv, Kb(), &parsed, &errors) : DiaryFromJson(json, Kb(), &parsed, &errors))
        << (errors.empty() ? "" : errors[0]);
    auto b = OpenSqliteDiary(TempDb(use_csv ? "rt_csv" : "rt_json"), &err);
    ASSERT_TRUE(b->Import(parsed, &err)) << err;
    Diary from_b;
    ASSERT_TRUE(b->List("", "", &from_b, &err));
    EXPECT_EQ(DiaryToJson(from_b), json);
    EXPECT_EQ(DiaryToCsv(from_b), csv);
  }
}

}  // namespace
}  // namespace twitchcheck
