// telaah merge: bring in the codings of a colleague's copy of the project.
#include <iostream>

#include "analysis/merge.h"
#include "cli/cli.h"

namespace telaah::cli {
namespace {

struct MergeArgs {
  std::string project, other, coder, as;
  bool create_codes = false, dry_run = false;
};

Registrar reg_merge(67, [](CLI::App& app, Context& ctx) {
  auto a = std::make_shared<MergeArgs>();
  auto* cmd = app.add_subcommand(
      "merge", "Merge the codings of another project (a colleague's coded copy) as one undoable action");
  cmd->add_option("project", a->project, "this project (it receives the codings)")->required();
  cmd->add_option("other", a->other, "the other project file (only read)")->required();
  cmd->add_option("--coder", a->coder, "merge only this coder's codings of the other project");
  cmd->add_option("--as", a->as, "attribute the merged codings to this coder (when two people used one name)");
  cmd->add_flag("--create-codes", a->create_codes,
                "create codes missing here (default: report them and skip their codings)");
  cmd->add_flag("--dry-run", a->dry_run, "report what would be merged; change nothing");
  cmd->callback([a, &ctx] {
    auto p = open_project(a->project);
    analysis::MergeOptions o;
    o.only_coder = a->coder;
    o.as_coder = a->as;
    o.create_codes = a->create_codes;
    o.dry_run = a->dry_run;
    auto r = analysis::merge_project(*p, a->other, o);
    if (ctx.json) {
      nlohmann::json conflicts = nlohmann::json::array();
      for (const auto& c : r.conflicts)
        conflicts.push_back({{"kind", analysis::to_string(c.kind)}, {"message", c.message}, {"codings", c.codings}});
      return print_json({{"other", r.other.string()},
                         {"same_lineage", r.same_lineage},
                         {"dry_run", o.dry_run},
                         {"considered", r.considered},
                         {"added", r.added},
                         {"duplicates", r.duplicates},
                         {"skipped", r.skipped},
                         {"documents_matched", r.documents_matched},
                         {"codes_created", r.codes_created},
                         {"coders_added", r.coders_added},
                         {"conflicts", conflicts},
                         {"revision", r.revision}});
    }
    std::cout << (o.dry_run ? "would merge " : "merged ") << r.added << " of " << r.considered << " codings from "
              << r.other.filename().string() << " (" << r.documents_matched << " documents matched; " << r.duplicates
              << " already here; " << r.skipped << " not merged)\n";
    std::cout << (r.same_lineage ? "  same project lineage: codes matched by id, then by path\n"
                                 : "  different projects: codes matched by path\n");
    for (const auto& c : r.codes_created)
      std::cout << "  " << (o.dry_run ? "would create" : "created") << " code " << c << "\n";
    for (const auto& c : r.coders_added) std::cout << "  new coder " << c << "\n";
    for (const auto& c : r.conflicts) std::cout << "  " << analysis::to_string(c.kind) << ": " << c.message << "\n";
    if (!o.dry_run && r.added > 0) std::cout << "one action: undo it with 'telaah undo " << a->project << "'\n";
  });
});

}  // namespace
}  // namespace telaah::cli
