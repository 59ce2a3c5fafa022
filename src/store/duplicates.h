// Near-duplicate documents the researcher has reviewed (schema 6, issue 23).
// The detector (analysis/duplicates.h) proposes groups; a group is recorded
// here only when the researcher decides: 'duplicates' (the same article
// published again — triangulation counts the group as one document when
// triangulation.duplicates = once) or 'distinct' (kept apart; the detector
// does not propose these documents together again). A document is in at most
// one 'duplicates' group: marking documents that already belong to groups
// merges those groups into one. Each decision is one undoable action.
#pragma once
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "store/project.h"

namespace telaah::store {

struct DuplicateGroup {
  Id id = 0;
  bool duplicates = true;  // false: reviewed as distinct
  double similarity = 0;
  std::vector<Id> docs;  // live documents, by id
  std::string coder, created;
};

// Every recorded group with at least one live member, by id.
std::vector<DuplicateGroup> duplicate_groups(const Project& p);
// Marks `docs` (two or more live documents) as one duplicate group; groups
// they already belong to are merged into it. Returns the group's id.
Id mark_duplicates(Project& p, const std::vector<Id>& docs, double similarity);
// Several groups as one action ("mark every group found").
std::vector<Id> mark_duplicate_groups(Project& p, const std::vector<std::pair<std::vector<Id>, double>>& groups);
// Records that `docs` were reviewed and are not duplicates of each other
// (they leave any duplicate group together with the others named).
Id mark_distinct(Project& p, const std::vector<Id>& docs, double similarity);
// Removes a recorded decision (either kind).
void remove_duplicate_group(Project& p, Id group);

// Streams the text of every live document (of one source type when
// `source_type` is not empty), by id, without holding more than one text.
void for_each_text(const Project& p, const std::string& source_type,
                   const std::function<void(Id, std::string_view)>& fn);

}  // namespace telaah::store
