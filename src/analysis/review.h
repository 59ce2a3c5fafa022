// Disagreement review: the passages where two coders differ on a code, side
// by side, and their resolution. Each resolution is one undoable action on
// the project (the GUI's review list and the CLI call these functions).
//
// A passage is a cluster of the two coders' codings of one code (after the
// selection's roll-up) that overlap each other in one document. It is a
// disagreement when only one coder coded it, when the coders' spans differ,
// or when the spans agree and the stances do not.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "analysis/agreement.h"
#include "store/types.h"

namespace telaah::store {
class Project;
}

namespace telaah::analysis {

enum class DisagreementKind {
  only_a,  // coder A coded the passage, B did not
  only_b,
  boundaries,  // both coded it, with different spans
  stance,      // same spans, different stances
};
const char* to_string(DisagreementKind k);

struct Disagreement {
  Id doc = 0;
  Id code = 0;  // the code compared (after roll-up)
  std::string code_path, doc_title;
  Id coder_a = 0, coder_b = 0;
  std::string coder_a_name, coder_b_name;
  DisagreementKind kind = DisagreementKind::only_a;
  bool stance_differs = false;      // also for boundaries: the two sides' stances differ
  int64_t start = 0, end = 0;       // hull of the passage
  std::vector<store::Coding> a, b;  // the codings of each side
  std::string key;                  // identifies this exact state (codings, spans, stances)
  bool kept = false;                // a reviewer decided to keep both as they are
};

struct ReviewOptions {
  AgreementSelection sel;     // coders[0] is A, coders[1] is B
  bool include_kept = false;  // list passages already resolved as "keep both"
};

std::vector<Disagreement> list_disagreements(const store::Project& p, const ReviewOptions& opt);

// Accept one side: the other coder's codings of the passage become copies of
// it (a matching coding keeps its memo and takes the stance; the rest are
// removed; missing ones are added with origin "review: ...").
void accept_side(store::Project& p, const Disagreement& d, bool accept_a);
// Keep both as they are; the passage leaves the review list until its
// codings change. Undoable like every action.
void keep_both(store::Project& p, const Disagreement& d);
// Set the agreed version: each coder ends with exactly one coding of the
// passage, [start, end) with the given stance (code: the passage's own code
// when every coding of it shares one, else `code`).
struct AgreedVersion {
  int64_t start = 0, end = 0;
  store::Stance stance = store::Stance::neutral;
  std::optional<Id> code;
};
void set_agreed(store::Project& p, const Disagreement& d, const AgreedVersion& v);

// The text of [start, end) of a document, for side-by-side display.
std::string passage_text(const store::Project& p, Id doc, int64_t start, int64_t end);

}  // namespace telaah::analysis
