#pragma once
// DiaryStore: where diary entries live. SQLite is the embedded default (sqlite_store.h);
// a PostgreSQL backend for the shared service implements the same interface.
//
// Every method is one transaction: it either happens completely or not at all, and a
// true return means the change is durable. Errors come back as false with *err set to a
// message fit for a person ("disk full", "database is read-only", ...).
#include <cstdint>
#include <memory>
#include <string>

#include "diary/entries.h"

namespace twitchcheck {

class DiaryStore {
 public:
  virtual ~DiaryStore() = default;

  // Inserts the day, or replaces the one with the same date.
  virtual bool PutDay(const DayEntry& day, std::string* err) = 0;
  // *found = false (and true returned) when there is no entry for `date`.
  virtual bool GetDay(const std::string& date, DayEntry* out, bool* found, std::string* err) = 0;
  virtual bool DeleteDay(const std::string& date, bool* found, std::string* err) = 0;

  // Stores a new episode and sets e->id. REQUIRES: e->id == 0.
  virtual bool AddEpisode(Episode* e, std::string* err) = 0;
  // Replaces the episode with e.id; *found = false when there is none.
  virtual bool UpdateEpisode(const Episode& e, bool* found, std::string* err) = 0;
  virtual bool GetEpisode(int64_t id, Episode* out, bool* found, std::string* err) = 0;
  virtual bool DeleteEpisode(int64_t id, bool* found, std::string* err) = 0;

  // Days and episodes whose local date is within [from, to] (inclusive; empty = open).
  virtual bool List(const std::string& from, const std::string& to, Diary* out, std::string* err) = 0;

  // Stores every day (replacing same dates) and appends every episode, in one
  // transaction: all or nothing.
  virtual bool Import(const Diary& d, std::string* err) = 0;
};

// Opens (creating when missing, folders included) the SQLite diary at `path`, upgrading
// its schema if it is older. nullptr and *err on failure.
struct SqliteOptions {
  int max_pages = 0;       // > 0: PRAGMA max_page_count (tests use it to make a full disk)
  bool read_only = false;  // PRAGMA query_only: every change fails as on a read-only disk
};
std::unique_ptr<DiaryStore> OpenSqliteDiary(const std::string& path, std::string* err,
                                            const SqliteOptions& opt = SqliteOptions());

// The default database path: $XDG_DATA_HOME/twitchcheck/diary.sqlite, falling back to
// ~/.local/share/twitchcheck/diary.sqlite. Empty when neither variable is set.
std::string DefaultDiaryPath();

}  // namespace twitchcheck
