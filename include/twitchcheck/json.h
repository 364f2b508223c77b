#pragma once
// The JSON wire format, in one place: the documents the command line's --json, the
// interview protocol and the HTTP server read and write (SPEC.md §4, §9; each has a JSON
// Schema in docs/schemas/). Writing never fails: bytes of a person's text that are not
// valid UTF-8 are written as U+FFFD. indent < 0 writes one line.
#include <cstddef>
#include <string>
#include <string_view>

#include "twitchcheck/engine.h"
#include "twitchcheck/report.h"
#include "twitchcheck/status.h"

namespace twitchcheck {

// What a request may hold at most (docs/limits.md). A request past one is refused with
// Status::Limit after reading no more than the limit.
inline constexpr size_t kMaxTextBytes = size_t{1} << 20;     // a text
inline constexpr size_t kMaxRequestBytes = size_t{2} << 20;  // an interview request
inline constexpr int kMaxJsonDepth = 16;                     // nested [ and { in any JSON
inline constexpr size_t kMaxRequestEvidence = 1000;          // evidence items in a request

// The `assess --json` document; the `"understood": false` form when !report.understood.
std::string AssessReportJson(const AssessReport& report, int indent = 2);
// The `parse --json` document.
std::string ReadingReportJson(const ReadingReport& report, int indent = 2);
// The `interview --json` response.
std::string InterviewStepJson(const InterviewStepReport& step, std::string_view knowledge_version,
                              int indent = -1);
// Which part of the knowledge catalogue `kb list` shows.
enum class CatalogueKind { kConditions, kFindings, kRedFlags, kSources };
// `kb list ... --json`: a JSON array of the catalogue's items of that kind.
std::string CatalogueJson(const Catalogue& catalogue, CatalogueKind kind, int indent = 2);

// One `context --jsonl` output line (without its newline).
std::string ContextAnswerJson(const ContextAnswer& answer);
// `{"error": message}` (without a newline).
std::string ErrorLineJson(std::string_view message);

// Parses an `interview --json` request: {"age", "sex", "text", "described", "evidence"}.
// InvalidArgument for a malformed field, Limit for a size, nesting, text length or
// evidence count past its limit. Finding ids are not checked here (Engine::NextStep does).
Status ParseInterviewRequest(std::string_view body, InterviewRequest* out);

// Reads `sentence` and `target` from one `context --jsonl` line (nesting checked first).
Status ParseContextLine(std::string_view line, std::string* sentence, std::string* target);

// True when no bracket ([ or {) in `json` is nested deeper than `max_depth`; otherwise
// false with *err saying so. Linear, without recursion, and aware of strings, so it can
// run before a parser (or a recursive serializer) ever sees a deep document.
bool JsonDepthWithin(std::string_view json, int max_depth, std::string* err);

}  // namespace twitchcheck
