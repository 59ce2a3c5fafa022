// A rating's justification citing summary cells (issue 21; schema 7's
// `rating_citations(code_id, summary_id)`).
//
// The justification carries a marker "[S#ID]" for each summary cell it cites
// (ID: the summary's id); the table holds one row per marker whose summary
// exists, as summary_citations does for "[#ID]" codings in a summary's text.
// A summary that goes (cleared, its case removed, its code deleted) takes its
// rows with it in the same action: its marker stays in the justification and
// shows as a broken citation; undo brings the summary and then the row back,
// redo takes both again. Every change is part of the action that causes it.
#pragma once
#include <string>
#include <vector>

#include "store/project.h"

namespace telaah::store {

// "[S#12]": the marker that cites summary cell 12.
std::string summary_marker(Id summary);
// The summary ids a text cites, in order of first appearance ("[S#ID]" only).
std::vector<Id> summary_markers(const std::string& text);

struct RatingCitation {
  Id summary = 0;
  bool valid = false;  // false: the cited summary cell is gone
};
// The summary cells the rating of `code` cites, in order of first appearance
// in its justification (empty when the code has no rating).
std::vector<RatingCitation> rating_citations(const Project& p, Id code);

// Within the action that writes a rating's justification: every marker new in
// `after` must name an existing summary (ValidationError otherwise, checked
// before anything is written: call it before the action's first write);
// markers the old text held keep their state (a broken one stays broken); rows
// of markers no longer in the text go.
void check_rating_markers(const Project& p, Id code, const std::string& before, const std::string& after);
void sync_rating_citations(Project& p, ActionScope& a, Id code, const std::string& before, const std::string& after);
// Within an action removing the rating of `code` (or the code): its rows go.
void remove_rating_citations(Project& p, ActionScope& a, Id code);
// Within an action removing summary cell `summary`: the rows citing it go first.
void remove_summary_from_ratings(Project& p, ActionScope& a, Id summary);
// Within an action merging summary `from` into `into`: ratings citing `from`
// now cite `into` (their markers rewritten).
void retarget_rating_citations(Project& p, ActionScope& a, Id from, Id into);
// Within an action merging code `from` into `into`: the rating of `from` moves
// to `into` with its rows when `into` has no rating, else its rows go with it.
void move_rating_citations(Project& p, ActionScope& a, Id from, Id into);

// Project::check(): rows of a code without a rating, and rows whose marker the
// justification no longer holds.
void check_rating_citations(const Project& p, std::vector<std::string>& problems);

}  // namespace telaah::store
