// The researcher's judgement beside the evidence (schema 4, issue 21):
//   - typed links between codings (corroborates, contradicts, explains,
//     impedes, and the project's own relations with a direction and a colour);
//   - impediments as findings: a title, a description, the indicators they
//     hinder and their evidence codings; impediment codings attached to
//     indicators explicitly;
//   - cases: a named group of documents or spans of documents with typed
//     attributes (a document may be in several cases);
//   - summary cells: per indicator and source type, or indicator and case, a
//     text that cites codings as [#ID].
// Every change is one undoable action; bad input is a ValidationError or
// NotFound and changes nothing. Removing a coding takes its links, its
// impediment evidence rows, its explicit attachments and the citation rows
// pointing at it in the same action (undo brings them all back); a summary's
// marker [#ID] whose citation row is gone is a broken citation.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "store/project.h"

namespace telaah::store {

// --- links ---
struct LinkType {
  Id id = 0;
  std::string name;
  bool directed = true;  // false: the relation reads the same both ways
  std::string colour = "#888888";
  bool builtin = false;
};
struct Link {
  Id id = 0, type = 0, from = 0, to = 0;
  std::string type_name;
  bool directed = true;
  std::string memo, coder, created;
};
std::vector<LinkType> link_types(const Project& p);                   // built-ins first, then by id
LinkType link_type(const Project& p, const std::string& name_or_id);  // NotFound
Id add_link_type(Project& p, const std::string& name, bool directed, const std::string& colour);
// Only a user-defined type, and only when no link uses it.
void remove_link_type(Project& p, const std::string& name);
// A link `from` -> `to` of relation `type` (name or id). For an undirected
// relation, (a, b) and (b, a) are the same link. Both codings must be live.
Id add_link(Project& p, Id from, Id to, const std::string& type, const std::string& memo = "");
void remove_link(Project& p, Id id);
// The link's memo (one action; none when it is the same text).
void set_link_memo(Project& p, Id id, const std::string& memo);
std::vector<Link> links_of_coding(const Project& p, Id coding);  // either end; by id
std::vector<Link> all_links(const Project& p);                   // between codings of live documents; by id

// --- impediments ---
struct Impediment {
  Id id = 0;
  std::string title, description, coder, created, modified;
  std::vector<Id> indicators;  // code ids, as attached
  std::vector<Id> evidence;    // coding ids (of live documents)
};
Id add_impediment(Project& p, const std::string& title, const std::string& description,
                  const std::vector<Id>& indicators, const std::vector<Id>& evidence);
struct ImpedimentEdit {
  std::optional<std::string> title, description;
  std::vector<Id> add_indicators, remove_indicators, add_evidence, remove_evidence;
};
void edit_impediment(Project& p, Id id, const ImpedimentEdit& e);
void remove_impediment(Project& p, Id id);
std::vector<Impediment> impediments(const Project& p);
Impediment impediment(const Project& p, Id id);  // NotFound

// Explicit attachments of (impediment) codings to indicators.
struct CodingAttachment {
  Id id = 0, coding = 0, code = 0;
};
Id attach_coding(Project& p, Id coding, Id indicator);
void detach_coding(Project& p, Id coding, Id indicator);             // NotFound when not attached
std::vector<CodingAttachment> coding_attachments(const Project& p);  // of live documents

// --- cases ---
struct CaseMember {
  Id id = 0, case_id = 0, doc = 0;
  std::optional<int64_t> start, end;  // none: the whole document
};
struct Case {
  Id id = 0;
  std::string name, description, created;
  std::vector<Attribute> attributes;  // type: text | number | date | boolean
  std::vector<CaseMember> members;    // of live documents
};
std::vector<Case> cases(const Project& p);                        // by name
Case find_case(const Project& p, const std::string& name_or_id);  // NotFound
Id add_case(Project& p, const std::string& name, const std::string& description = "",
            const std::vector<Attribute>& attributes = {});
void remove_case(Project& p, const std::string& name_or_id);  // with its members, attributes and summaries
void set_case_attribute(Project& p, const std::string& case_name, const Attribute& a);
// A new name (not taken, not a number); the same name changes nothing.
void rename_case(Project& p, const std::string& name_or_id, const std::string& new_name);
void remove_case_attribute(Project& p, const std::string& case_name, const std::string& attribute);  // NotFound
// Puts a document (or the span [start, end) of it) into a case.
Id assign_to_case(Project& p, const std::string& case_name, Id doc, std::optional<int64_t> start = std::nullopt,
                  std::optional<int64_t> end = std::nullopt);
// Takes a document (all its memberships of that case) out of a case; returns how many.
int unassign_from_case(Project& p, const std::string& case_name, Id doc);
void validate_attribute(const Attribute& a, const std::string& where);  // type and value; ValidationError

struct CaseRow {
  int line = 0;  // where it came from, for the error ("row 3")
  std::string name, description;
  std::vector<Attribute> attributes;
};
// Creates the cases, or sets the attributes of those that exist, all in one
// action; a bad row throws ValidationError naming it and nothing is imported.
int import_cases(Project& p, const std::vector<CaseRow>& rows, const std::string& label);

// --- summaries ---
struct Summary {
  Id id = 0, code = 0;
  std::optional<Id> source_type, case_id;  // exactly one is set
  std::string column;                      // the source type's or the case's name
  std::string text, coder, modified;
};
struct Citation {
  Id coding = 0;
  bool valid = false;  // false: the cited coding is gone (removed, or its creation undone)
};
// The [#ID] markers of a text, in order of first appearance.
std::vector<Id> citation_markers(const std::string& text);
// Writes the cell (code x source type or code x case); empty text clears it.
// Every marker that is new in the cell must cite a live coding; markers the
// cell held already keep their state (a broken one stays broken).
void set_summary(Project& p, Id code, const std::string& dimension, const std::string& column,
                 const std::string& text);  // dimension: "type" | "case"
std::vector<Summary> summaries(const Project& p, std::optional<Id> code = std::nullopt);
std::vector<Citation> citations(const Project& p, const Summary& s);

// Within an open action: removes the rows that point at a coding (links,
// impediment evidence, attachments, citations) before the coding goes, so
// undo restores the coding first and then them.
void remove_coding_dependents(Project& p, ActionScope& a, Id coding);
// Within an open action: rows that point at a code about to be deleted
// (impediment indicators, attachments, summaries) go too; on a merge they
// move to `into` instead.
void remove_code_dependents(Project& p, ActionScope& a, Id code);
void move_code_dependents(Project& p, ActionScope& a, Id from, Id into);
// Within an open action: summaries of a source type that is merged into another move to it
// (joined to the target's text when both have one).
void move_source_type_dependents(Project& p, ActionScope& a, Id from, Id into);
// Within an open action: summary `from` joins summary `into` (its text after a
// blank line, its citations moved unless `into` cites the same coding) and
// goes. Used by both merges above.
void merge_summary_into(Project& p, ActionScope& a, Id from, Id into);

}  // namespace telaah::store
