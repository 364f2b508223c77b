#pragma once
// A small read-only YAML document tree, parsed by libyaml. It offers the part of
// yaml-cpp's YAML::Node interface the knowledge-base loaders use, at a tenth of the
// parse time: every CLI call parses the whole knowledge base, so this sets start-up time.
// Supports block and flow mappings and sequences, plain/quoted/block scalars; anchors,
// aliases, tags, duplicate keys and second documents are not used by the knowledge base
// and are rejected.
#include <cstddef>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace twitchcheck {

struct YamlMark {
  int line = -1;    // 0-based, -1 when unknown (an undefined node)
  int column = -1;  // 0-based
};

// Thrown by ParseYaml on a syntax error and by YamlNode::as<T>() on a bad conversion.
struct YamlError : std::runtime_error {
  YamlError(YamlMark m, const std::string& what) : std::runtime_error(what), mark(m), msg(what) {}
  YamlMark mark;
  std::string msg;
};

class YamlItem;

class YamlNode {
 public:
  YamlNode() = default;  // undefined

  explicit operator bool() const { return IsDefined(); }
  bool IsDefined() const { return doc_ != nullptr; }
  bool IsNull() const;
  bool IsScalar() const;
  bool IsSequence() const;
  bool IsMap() const;
  // The scalar text; empty for anything else.
  const std::string& Scalar() const;
  YamlMark Mark() const;
  // Elements of a sequence or entries of a mapping; 0 otherwise.
  size_t size() const;
  // A mapping's value for `key`; undefined when absent or when this is not a mapping.
  YamlNode operator[](std::string_view key) const;
  // A sequence's i-th element; undefined when out of range or not a sequence.
  YamlNode at(size_t i) const;

  // Converts a scalar; throws YamlError when it cannot (e.g. as<double>() of "abc").
  template <typename T>
  T as() const;

  class iterator;
  iterator begin() const;
  iterator end() const;

 private:
  friend class YamlDocBuilder;
  friend class YamlItem;
  struct Doc;
  YamlNode(std::shared_ptr<const Doc> doc, int index) : doc_(std::move(doc)), index_(index) {}
  std::shared_ptr<const Doc> doc_;
  int index_ = -1;
};

// What iteration yields: for a sequence, the element itself; for a mapping, an entry whose
// `first` is the key and `second` the value (as with yaml-cpp).
class YamlItem : public YamlNode {
 public:
  YamlNode first, second;
};

class YamlNode::iterator {
 public:
  const YamlItem& operator*() const { return item_; }
  const YamlItem* operator->() const { return &item_; }
  iterator& operator++();
  bool operator!=(const iterator& o) const { return pos_ != o.pos_; }
  bool operator==(const iterator& o) const { return pos_ == o.pos_; }

 private:
  friend class YamlNode;
  void Load();
  YamlNode parent_;
  size_t pos_ = 0;
  YamlItem item_;
};

template <> std::string YamlNode::as<std::string>() const;
template <> double YamlNode::as<double>() const;
template <> int YamlNode::as<int>() const;
template <> bool YamlNode::as<bool>() const;

// Converts without throwing; false when the node is not a scalar of that type.
bool DecodeYaml(const YamlNode& n, int* out);
bool DecodeYaml(const YamlNode& n, double* out);
bool DecodeYaml(const YamlNode& n, bool* out);

// What ParseYaml accepts (docs/limits.md). Both are checked while parsing, so a file
// past a limit costs no more than the limit.
struct YamlLimits {
  int max_depth = 64;             // nested lists/mappings, flow ([[...]]) or block
  size_t max_nodes = 1'000'000;   // scalars, lists and mappings in the file
  // The knowledge-base loader refuses duplicate keys; the text stages' own loaders report
  // them with their own messages, so by default the first one wins (as in yaml-cpp).
  bool reject_duplicate_keys = false;
};

// Parses `text`, which must hold one document. Throws YamlError (with the line of the
// problem) on a syntax or encoding error, a limit passed, a tag, anchor or alias, a
// second document, a duplicate key or a key that is not text.
YamlNode ParseYaml(std::string_view text);
YamlNode ParseYaml(std::string_view text, const YamlLimits& limits);

}  // namespace twitchcheck
