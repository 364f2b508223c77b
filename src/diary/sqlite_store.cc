// The SQLite diary: WAL journal, synchronous=FULL (a commit is on disk when it returns),
// foreign keys on, one transaction per change, prepared statements, and a schema version
// (PRAGMA user_version) that migrations move forward one step at a time.
#include <sqlite3.h>

#include <cstdlib>
#include <filesystem>
#include <map>

#include "diary/store.h"

namespace twitchcheck {
namespace {

// Each entry moves the schema from version i to i + 1. Never edit a shipped step: add one.
const char* const kMigrations[] = {
    // 0 -> 1
    "CREATE TABLE days ("
    "  date TEXT PRIMARY KEY CHECK (date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),"
    "  caffeine_mg REAL, coffee REAL, tea REAL, energy_drinks REAL, sleep_hours REAL,"
    "  sleep_quality REAL, stress REAL, alcohol_units REAL, cigarettes REAL, exercise_min REAL,"
    "  screen_hours REAL, fluids_l REAL, kb_version TEXT NOT NULL DEFAULT '');"
    "CREATE TABLE day_items ("
    "  date TEXT NOT NULL REFERENCES days(date) ON DELETE CASCADE,"
    "  kind TEXT NOT NULL CHECK (kind IN ('medication', 'supplement', 'tag')),"
    "  pos INTEGER NOT NULL, value TEXT NOT NULL, PRIMARY KEY (date, kind, pos));"
    "CREATE TABLE episodes ("
    "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  start_utc INTEGER NOT NULL, utc_offset_min INTEGER NOT NULL,"
    "  local_date TEXT NOT NULL, site TEXT NOT NULL,"
    "  side TEXT NOT NULL CHECK (side IN ('', 'left', 'right', 'both')),"
    "  duration_s REAL, intensity INTEGER CHECK (intensity BETWEEN 0 AND 10),"
    "  note TEXT NOT NULL DEFAULT '', kb_version TEXT NOT NULL DEFAULT '');"
    "CREATE INDEX episodes_by_date ON episodes(local_date, start_utc);",
};
constexpr int kSchemaVersion = sizeof(kMigrations) / sizeof(kMigrations[0]);

std::string Message(sqlite3* db, int rc) {
  int ext = db ? sqlite3_extended_errcode(db) : rc;
  switch (rc & 0xff) {
    case SQLITE_FULL: return "the disk is full (nothing was saved)";
    case SQLITE_READONLY: return "the diary database is read-only (nothing was saved)";
    case SQLITE_CANTOPEN: return "cannot open the diary database";
    case SQLITE_NOTADB: return "the file is not a diary database";
    case SQLITE_CORRUPT: return "the diary database is damaged";
    case SQLITE_BUSY: return "the diary database is in use by another program; try again";
    case SQLITE_IOERR: return std::string("input/output error on the diary database (") + sqlite3_errstr(ext) + ")";
    default: return db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  }
}

class Stmt {
 public:
  Stmt() = default;
  ~Stmt() { sqlite3_finalize(s_); }
  sqlite3_stmt* s_ = nullptr;
};

class SqliteDiary : public DiaryStore {
 public:
  explicit SqliteDiary(sqlite3* db) : db_(db) {}
  ~SqliteDiary() override {
    stmts_.clear();
    sqlite3_close(db_);
  }

  bool Init(int max_pages, std::string* err) {
    if (!Exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;", err)) return false;
    if (max_pages > 0 && !Exec("PRAGMA max_page_count=" + std::to_string(max_pages), err)) return false;
    sqlite3_busy_timeout(db_, 5000);
    int version = 0;
    {
      sqlite3_stmt* s = Prepare("PRAGMA user_version", err);
      if (!s) return false;
      if (sqlite3_step(s) == SQLITE_ROW) version = sqlite3_column_int(s, 0);
      sqlite3_reset(s);
    }
    if (version > kSchemaVersion) {
      *err = "the diary was written by a newer twitchcheck (schema " + std::to_string(version) + ")";
      return false;
    }
    for (int v = version; v < kSchemaVersion; ++v) {
      if (!Exec("BEGIN IMMEDIATE", err)) return false;
      if (!Exec(kMigrations[v], err) || !Exec("PRAGMA user_version=" + std::to_string(v + 1), err) ||
          !Exec("COMMIT", err)) {
        Exec("ROLLBACK", nullptr);
        return false;
      }
    }
    return true;
  }

  bool SetQueryOnly(std::string* err) { return Exec("PRAGMA query_only=1", err); }

  bool PutDay(const DayEntry& d, std::string* err) override {
    return Txn(err, [&] { return PutDayIn(d, err); });
  }

  bool GetDay(const std::string& date, DayEntry* out, bool* found, std::string* err) override {
    Diary d;
    if (!List(date, date, &d, err)) return false;
    *found = !d.days.empty();
    if (*found) *out = d.days[0];
    return true;
  }

  bool DeleteDay(const std::string& date, bool* found, std::string* err) override {
    return Txn(err, [&] {
      sqlite3_stmt* s = Prepare("DELETE FROM days WHERE date = ?", err);
      if (!s) return false;
      sqlite3_bind_text(s, 1, date.c_str(), -1, SQLITE_TRANSIENT);
      if (!Done(s, err)) return false;
      *found = sqlite3_changes(db_) > 0;
      return true;
    });
  }

  bool AddEpisode(Episode* e, std::string* err) override {
    return Txn(err, [&] { return AddEpisodeIn(e, err); });
  }

  bool UpdateEpisode(const Episode& e, bool* found, std::string* err) override {
    return Txn(err, [&] {
      sqlite3_stmt* s = Prepare(
          "UPDATE episodes SET start_utc=?1, utc_offset_min=?2, local_date=?3, site=?4, side=?5,"
          " duration_s=?6, intensity=?7, note=?8, kb_version=?9 WHERE id=?10",
          err);
      if (!s) return false;
      BindEpisode(s, e);
      sqlite3_bind_int64(s, 10, e.id);
      if (!Done(s, err)) return false;
      *found = sqlite3_changes(db_) > 0;
      return true;
    });
  }

  bool GetEpisode(int64_t id, Episode* out, bool* found, std::string* err) override {
    sqlite3_stmt* s = Prepare(
        "SELECT id, start_utc, utc_offset_min, site, side, duration_s, intensity, note, kb_version"
        " FROM episodes WHERE id = ?",
        err);
    if (!s) return false;
    sqlite3_bind_int64(s, 1, id);
    int rc = sqlite3_step(s);
    *found = rc == SQLITE_ROW;
    if (*found) *out = ReadEpisode(s);
    sqlite3_reset(s);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return Fail(rc, err);
    return true;
  }

  bool DeleteEpisode(int64_t id, bool* found, std::string* err) override {
    return Txn(err, [&] {
      sqlite3_stmt* s = Prepare("DELETE FROM episodes WHERE id = ?", err);
      if (!s) return false;
      sqlite3_bind_int64(s, 1, id);
      if (!Done(s, err)) return false;
      *found = sqlite3_changes(db_) > 0;
      return true;
    });
  }

  bool List(const std::string& from, const std::string& to, Diary* out, std::string* err) override {
    std::string lo = from.empty() ? "0000" : from, hi = to.empty() ? "9999" : to;
    out->days.clear();
    out->episodes.clear();
    // One read transaction, so days and episodes are one consistent snapshot.
    return Txn(err, [&] {
      std::string sql = "SELECT date";
      for (const DayField& f : DayFields()) sql += std::string(", ") + f.name;
      sql += ", kb_version FROM days WHERE date BETWEEN ?1 AND ?2 ORDER BY date";
      sqlite3_stmt* s = Prepare(sql, err);
      if (!s) return false;
      sqlite3_bind_text(s, 1, lo.c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text(s, 2, hi.c_str(), -1, SQLITE_TRANSIENT);
      std::map<std::string, size_t> at;
      int rc;
      while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        DayEntry d;
        d.date = Text(s, 0);
        int col = 1;
        for (const DayField& f : DayFields()) {
          if (sqlite3_column_type(s, col) != SQLITE_NULL) d.*f.member = sqlite3_column_double(s, col);
          ++col;
        }
        d.kb_version = Text(s, col);
        at[d.date] = out->days.size();
        out->days.push_back(std::move(d));
      }
      sqlite3_reset(s);
      if (rc != SQLITE_DONE) return Fail(rc, err);
      s = Prepare("SELECT date, kind, value FROM day_items WHERE date BETWEEN ?1 AND ?2 ORDER BY date, kind, pos", err);
      if (!s) return false;
      sqlite3_bind_text(s, 1, lo.c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text(s, 2, hi.c_str(), -1, SQLITE_TRANSIENT);
      while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        DayEntry& d = out->days[at[Text(s, 0)]];
        std::string kind = Text(s, 1);
        (kind == "medication" ? d.medications : kind == "supplement" ? d.supplements : d.tags).push_back(Text(s, 2));
      }
      sqlite3_reset(s);
      if (rc != SQLITE_DONE) return Fail(rc, err);
      s = Prepare(
          "SELECT id, start_utc, utc_offset_min, site, side, duration_s, intensity, note, kb_version"
          " FROM episodes WHERE local_date BETWEEN ?1 AND ?2 ORDER BY start_utc, id",
          err);
      if (!s) return false;
      sqlite3_bind_text(s, 1, lo.c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text(s, 2, hi.c_str(), -1, SQLITE_TRANSIENT);
      while ((rc = sqlite3_step(s)) == SQLITE_ROW) out->episodes.push_back(ReadEpisode(s));
      sqlite3_reset(s);
      if (rc != SQLITE_DONE) return Fail(rc, err);
      return true;
    }, /*write=*/false);
  }

  bool Import(const Diary& d, std::string* err) override {
    return Txn(err, [&] {
      for (const DayEntry& day : d.days)
        if (!PutDayIn(day, err)) return false;
      for (Episode e : d.episodes) {
        e.id = 0;
        if (!AddEpisodeIn(&e, err)) return false;
      }
      return true;
    });
  }

 private:
  // A write transaction (BEGIN IMMEDIATE: takes the write lock up front, so it never fails
  // half way for a lock), or with write = false a read snapshot.
  template <typename F>
  bool Txn(std::string* err, F body, bool write = true) {
    if (!Exec(write ? "BEGIN IMMEDIATE" : "BEGIN", err)) return false;
    if (!body()) {
      Exec("ROLLBACK", nullptr);
      return false;
    }
    if (!Exec("COMMIT", err)) {
      Exec("ROLLBACK", nullptr);
      return false;
    }
    return true;
  }

  bool Exec(const std::string& sql, std::string* err) {
    int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) {
      if (err) *err = Message(db_, rc);
      return false;
    }
    return true;
  }

  bool Fail(int rc, std::string* err) {
    *err = Message(db_, rc);
    return false;
  }

  // A cached prepared statement, reset and with its bindings cleared.
  sqlite3_stmt* Prepare(const std::string& sql, std::string* err) {
    auto it = stmts_.find(sql);
    if (it != stmts_.end()) {
      sqlite3_reset(it->second.s_);
      sqlite3_clear_bindings(it->second.s_);
      return it->second.s_;
    }
    Stmt& st = stmts_[sql];
    int rc = sqlite3_prepare_v2(db_, sql.c_str(), -1, &st.s_, nullptr);
    if (rc != SQLITE_OK) {
      *err = Message(db_, rc);
      stmts_.erase(sql);
      return nullptr;
    }
    return st.s_;
  }

  bool Done(sqlite3_stmt* s, std::string* err) {
    int rc = sqlite3_step(s);
    sqlite3_reset(s);
    if (rc != SQLITE_DONE) return Fail(rc, err);
    return true;
  }

  static std::string Text(sqlite3_stmt* s, int col) {
    const unsigned char* t = sqlite3_column_text(s, col);
    return t ? reinterpret_cast<const char*>(t) : "";
  }

  static Episode ReadEpisode(sqlite3_stmt* s) {
    Episode e;
    e.id = sqlite3_column_int64(s, 0);
    e.start_utc = sqlite3_column_int64(s, 1);
    e.offset_min = sqlite3_column_int(s, 2);
    e.site = Text(s, 3);
    e.side = Text(s, 4);
    if (sqlite3_column_type(s, 5) != SQLITE_NULL) e.duration_s = sqlite3_column_double(s, 5);
    if (sqlite3_column_type(s, 6) != SQLITE_NULL) e.intensity = sqlite3_column_int(s, 6);
    e.note = Text(s, 7);
    e.kb_version = Text(s, 8);
    return e;
  }

  static void BindEpisode(sqlite3_stmt* s, const Episode& e) {
    sqlite3_bind_int64(s, 1, e.start_utc);
    sqlite3_bind_int(s, 2, e.offset_min);
    sqlite3_bind_text(s, 3, e.LocalDate().c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 4, e.site.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 5, e.side.c_str(), -1, SQLITE_TRANSIENT);
    if (e.duration_s) sqlite3_bind_double(s, 6, *e.duration_s);
    if (e.intensity) sqlite3_bind_int(s, 7, *e.intensity);
    sqlite3_bind_text(s, 8, e.note.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 9, e.kb_version.c_str(), -1, SQLITE_TRANSIENT);
  }

  bool AddEpisodeIn(Episode* e, std::string* err) {
    sqlite3_stmt* s = Prepare(
        "INSERT INTO episodes (start_utc, utc_offset_min, local_date, site, side, duration_s,"
        " intensity, note, kb_version) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        err);
    if (!s) return false;
    BindEpisode(s, *e);
    if (!Done(s, err)) return false;
    e->id = sqlite3_last_insert_rowid(db_);
    return true;
  }

  bool PutDayIn(const DayEntry& d, std::string* err) {
    std::string sql = "INSERT OR REPLACE INTO days (date", vals = "?1";
    int n = 2;
    for (const DayField& f : DayFields()) {
      sql += std::string(", ") + f.name;
      vals += ", ?" + std::to_string(n++);
    }
    sql += ", kb_version) VALUES (" + vals + ", ?" + std::to_string(n) + ")";
    // REPLACE deletes the old row first, and with it (ON DELETE CASCADE) its items.
    sqlite3_stmt* s = Prepare(sql, err);
    if (!s) return false;
    sqlite3_bind_text(s, 1, d.date.c_str(), -1, SQLITE_TRANSIENT);
    int col = 2;
    for (const DayField& f : DayFields()) {
      if (const std::optional<double>& v = d.*f.member) sqlite3_bind_double(s, col, *v);
      ++col;
    }
    sqlite3_bind_text(s, col, d.kb_version.c_str(), -1, SQLITE_TRANSIENT);
    if (!Done(s, err)) return false;
    // REPLACE only cascades with recursive_triggers; delete the items explicitly.
    s = Prepare("DELETE FROM day_items WHERE date = ?", err);
    if (!s) return false;
    sqlite3_bind_text(s, 1, d.date.c_str(), -1, SQLITE_TRANSIENT);
    if (!Done(s, err)) return false;
    struct {
      const char* kind;
      const std::vector<std::string>* items;
    } lists[] = {{"medication", &d.medications}, {"supplement", &d.supplements}, {"tag", &d.tags}};
    for (const auto& l : lists) {
      for (size_t i = 0; i < l.items->size(); ++i) {
        s = Prepare("INSERT INTO day_items (date, kind, pos, value) VALUES (?, ?, ?, ?)", err);
        if (!s) return false;
        sqlite3_bind_text(s, 1, d.date.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(s, 2, l.kind, -1, SQLITE_STATIC);
        sqlite3_bind_int64(s, 3, static_cast<int64_t>(i));
        sqlite3_bind_text(s, 4, (*l.items)[i].c_str(), -1, SQLITE_TRANSIENT);
        if (!Done(s, err)) return false;
      }
    }
    return true;
  }

  sqlite3* db_;
  std::map<std::string, Stmt> stmts_;
};

}  // namespace

std::unique_ptr<DiaryStore> OpenSqliteDiary(const std::string& path, std::string* err, const SqliteOptions& opt) {
  std::error_code ec;
  std::filesystem::path parent = std::filesystem::path(path).parent_path();
  if (!parent.empty() && !std::filesystem::exists(parent, ec)) {
    std::filesystem::create_directories(parent, ec);
    if (ec) {
      *err = "cannot create the folder " + parent.string() + ": " + ec.message();
      return nullptr;
    }
  }
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                           nullptr);
  if (rc != SQLITE_OK) {
    *err = Message(db, rc) + ": " + path;
    sqlite3_close(db);
    return nullptr;
  }
  auto store = std::make_unique<SqliteDiary>(db);
  if (!store->Init(opt.max_pages, err) || (opt.read_only && !store->SetQueryOnly(err))) {
    *err += ": " + path;
    return nullptr;
  }
  return store;
}

std::string DefaultDiaryPath() {
  const char* xdg = std::getenv("XDG_DATA_HOME");
  if (xdg && *xdg) return std::string(xdg) + "/twitchcheck/diary.sqlite";
  const char* home = std::getenv("HOME");
  if (home && *home) return std::string(home) + "/.local/share/twitchcheck/diary.sqlite";
  return "";
}

}  // namespace twitchcheck
