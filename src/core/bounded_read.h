#pragma once
// Reading with a size limit that is checked while reading, never after: a FIFO, /dev/zero
// or `yes | twitchcheck ...` costs at most the limit plus one buffer, not all of memory.
// Used by the knowledge-base loader and by every CLI input (see docs/limits.md).
#include <cstddef>
#include <cstdio>
#include <string>

namespace twitchcheck {

// Reads the whole regular file at `path` into *out. Refuses, with *err naming the path
// (and what a symbolic link points to): anything that is not a regular file (directory,
// FIFO, device, socket; opened without blocking, so a FIFO with no writer does not hang),
// a file larger than `max_bytes`, and read errors. `what` names the input in messages
// ("text file", "knowledge file").
bool ReadRegularFile(const std::string& path, size_t max_bytes, const char* what, std::string* out,
                     std::string* err);

// Reads `f` (stdin, a pipe) to its end into *out; false with *err as soon as more than
// `max_bytes` arrive (it stops reading there) or on a read error. `name` is used in
// messages, e.g. "stdin".
bool ReadStreamBounded(std::FILE* f, size_t max_bytes, const char* name, std::string* out,
                       std::string* err);

enum class LineStatus { kLine, kTooLong, kEnd };

// Reads one line (without its '\n') of at most `max_bytes` from `f` into *line. A longer
// line is skipped to its end without being stored, and kTooLong is returned (its first
// `max_bytes` are left in *line). kEnd at the end of input with nothing read.
LineStatus ReadLineBounded(std::FILE* f, size_t max_bytes, std::string* line);

// "1 MiB", "64 KiB", "12345 bytes": a limit as the messages and --help state it.
std::string FormatBytes(size_t n);

}  // namespace twitchcheck
