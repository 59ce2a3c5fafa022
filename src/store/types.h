// Plain records of the model: what the project file holds.
// Positions are Unicode code points, 0-based, end exclusive.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "text/structure.h"

namespace telaah::store {

using Id = int64_t;

enum class Stance { supports, contradicts, neutral };
const char* to_string(Stance s);
Stance stance_from_string(const std::string& s);  // accepts + - 0 and words; throws ValidationError

enum class CodeKind { variable, indicator, code };
const char* to_string(CodeKind k);
CodeKind code_kind_from_string(const std::string& s);

struct SourceType {
  Id id = 0;
  std::string name, colour;
  int ord = 0;
};

struct Document {
  Id id = 0;
  std::string title;
  Id source_type_id = 0;
  std::string source_type;  // name
  std::string language;     // ISO 639-1: id, en, ko, ...
  std::string date;         // YYYY-MM-DD or YYYY-MM or YYYY or empty
  std::string author;       // author or outlet
  std::string original_name;
  int64_t original_size = 0;
  std::string sha256;  // of the original bytes
  int64_t length_cp = 0;
  std::string created, modified;
};

struct Attribute {
  std::string name;
  std::string type = "text";  // text | number | date
  std::string value;
};

struct Page {
  int page = 0;
  int64_t start = 0;  // code point where the page starts
};

// A word's place on its page (issue 24): code points [start, end) of the text,
// a box in PDF points from the page's top-left corner (an image file: 72 per
// inch of its resolution, 300 dpi assumed when the file says none), and the
// OCR confidence 0-100 (-1: from a text layer).
struct WordBox {
  int64_t start = 0, end = 0;
  int page = 0;
  double x = 0, y = 0, w = 0, h = 0;
  int confidence = -1;
};

// What an importer hands to the store. `text` must be valid UTF-8 in NFC
// with \n line endings; blocks and pages are in code points of `text`.
// An earlier version of a replaced document (versions.cpp).
struct DocumentVersion {
  Id id = 0, doc = 0;
  int version = 0;
  std::string original_name, sha256, replaced;
  int64_t length_cp = 0;
};

// The rectangle of an area coding (areas.cpp): PDF points from the page's top-left corner.
struct CodingArea {
  Id coding = 0;
  int page = 1;
  double x = 0, y = 0, w = 0, h = 0;
};

// A coding's span in a replacing text (versions.cpp).
struct MovedCoding {
  Id coding = 0;
  int64_t start = 0, end = 0;
};

struct NewDocument {
  std::string title, source_type = "interview", language, date, author, original_name;
  std::string original_bytes;
  std::string text;
  std::vector<text::Block> blocks;  // empty: derived from blank lines + speaker labels
  std::vector<Page> pages;
  std::vector<Attribute> attributes;
  std::vector<WordBox> word_boxes;  // OCR'd pages (word_boxes.cpp)
};

struct Code {
  Id id = 0;
  std::optional<Id> parent;
  std::string name, colour = "#888888", definition, inclusion, exclusion, example;
  CodeKind kind = CodeKind::code;
  int ord = 0;
  std::vector<std::string> aliases;  // labels in other languages, abbreviations
};

struct Coder {
  Id id = 0;
  std::string name;
};

struct Coding {
  Id id = 0, doc = 0, code = 0, coder = 0;
  int64_t start = 0, end = 0;
  Stance stance = Stance::neutral;
  std::string memo, created, modified;
  std::string origin;  // how it was made: "" (by hand), "search: QUERY", "import: FILE", "merge: ..."
};

struct Memo {
  Id id = 0;
  std::string kind;  // project | document | code
  Id target = 0;     // 0 for project
  std::string title, body, created, modified;
};

// One committed user-level action in the change log.
struct Change {
  int64_t rev = 0;
  std::string at, coder, kind, label;  // kind: do | undo | redo
  int64_t target = 0;                  // for undo/redo: the rev of the action
  std::vector<Id> docs;                // documents whose text, structure or codings changed
  bool codebook = false;               // codes changed (names feed the index)
};

}  // namespace telaah::store
