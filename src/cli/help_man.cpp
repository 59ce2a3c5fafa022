// Hidden commands for packaging: `telaah help-man` prints the man page and
// `telaah help-bash` the bash completion script, both generated from the same
// CLI11 definitions that `telaah --help` prints (the build runs them; see
// cmake/Packaging.cmake), so they cannot drift from the program.
#include <functional>
#include <iostream>
#include <sstream>

#include "cli/cli.h"

namespace telaah::cli {
namespace {

// Text for roff: backslashes escaped, a leading dot or quote made literal.
std::string roff(const std::string& s) {
  std::string out;
  bool line_start = true;
  for (char c : s) {
    if (line_start && (c == '.' || c == '\'')) out += "\\&";
    if (c == '\\')
      out += "\\e";
    else if (c == '-')
      out += "\\-";
    else
      out += c;
    line_start = c == '\n';
  }
  return out;
}

bool visible(const CLI::App* a) {
  return !a->get_group().empty();
}

// "NAME" for a positional, "--name, -n VALUE" for an option.
std::string option_label(const CLI::Option* o) {
  if (o->get_positional()) return o->get_name(true);
  std::string s;
  for (const auto& l : o->get_lnames()) s += (s.empty() ? "--" : ", --") + l;
  for (const auto& n : o->get_snames()) s += (s.empty() ? "-" : ", -") + n;
  return s;
}

void man_command(std::ostream& out, const CLI::App* cmd, const std::string& prefix) {
  const std::string full = prefix + " " + cmd->get_name();
  std::string synopsis = full;
  for (const auto* o : cmd->get_options([](const CLI::Option* o) { return o->get_positional(); }))
    synopsis += o->get_required() ? " " + o->get_name(true) : " [" + o->get_name(true) + "]";
  out << ".SS \"" << roff(synopsis) << "\"\n" << roff(cmd->get_description()) << "\n";
  for (const auto& alias : cmd->get_aliases()) out << ".br\nAlso spelled \\fB" << roff(alias) << "\\fR.\n";
  for (const auto* o : cmd->get_options()) {
    if (o->get_group().empty() || o == cmd->get_help_ptr()) continue;
    out << ".TP\n\\fB" << roff(option_label(o)) << "\\fR";
    if (!o->get_positional() && o->get_type_size() > 0) out << " \\fI" << roff(o->get_type_name()) << "\\fR";
    out << "\n" << roff(o->get_description()) << "\n";
  }
  for (const auto* sub : cmd->get_subcommands(visible)) man_command(out, sub, full);
}

std::string man_page(const CLI::App& root) {
  std::ostringstream out;
  const std::string version = version_text().substr(0, version_text().find('\n'));
  out << ".TH TELAAH 1 \"\" \"" << roff(version) << "\" \"User Commands\"\n"
      << ".SH NAME\ntelaah \\- evaluation research with qualitative evidence\n"
      << ".SH SYNOPSIS\n.B telaah\n[\\fICOMMAND\\fR] [\\fIOPTIONS\\fR] [\\fIARGUMENTS\\fR]\n"
      << ".SH DESCRIPTION\n"
      << roff(root.get_description()) << "\n.PP\nEvery command prints its options with "
      << "\\fBtelaah \\fICOMMAND\\fB \\-\\-help\\fR. Exit status: 0 done, 1 bad input (nothing was changed), "
      << "2 internal error.\n"
      << ".SH COMMANDS\n";
  for (const auto* sub : root.get_subcommands(visible)) man_command(out, sub, "telaah");
  out << ".SH FILES\n.TP\n\\fI*.telaah\\fR\nA project: one SQLite file.\n"
      << ".TP\n\\fI/usr/share/telaah/corpus\\fR\nThe documents and codings of the sample project "
      << "(\\fBtelaah sample\\fR).\n"
      << ".SH ENVIRONMENT\n.TP\n\\fBTELAAH_DATA_DIR\\fR\nA folder holding \\fIcorpus/\\fR, looked at before the "
      << "installed one.\n"
      << ".TP\n\\fBTELAAH_FONT_DIR\\fR\nA folder with DejaVuSans.ttf and Noto Sans CJK, looked at first.\n";
  return out.str();
}

// A command's name and its aliases ("pseudonymise", "pseudonymize").
std::vector<std::string> names(const CLI::App* cmd) {
  std::vector<std::string> n{cmd->get_name()};
  for (const auto& a : cmd->get_aliases()) n.push_back(a);
  return n;
}

// Completion words for one command: its subcommands, and its option names.
std::string subcommand_words(const CLI::App* cmd) {
  std::string w;
  for (const auto* sub : cmd->get_subcommands(visible))
    for (const auto& n : names(sub)) w += n + " ";
  if (!w.empty()) w.pop_back();
  return w;
}

std::string option_words(const CLI::App* cmd) {
  std::string w;
  for (const auto* o : cmd->get_options()) {
    if (o->get_positional() || o->get_group().empty()) continue;
    for (const auto& l : o->get_lnames()) w += "--" + l + " ";
    for (const auto& n : o->get_snames()) w += "-" + n + " ";
  }
  if (!w.empty()) w.pop_back();
  return w;
}

// Options that take a value (their next word completes as a file name).
std::string valued(const CLI::App* cmd) {
  std::string w;
  for (const auto* o : cmd->get_options())
    if (!o->get_positional() && o->get_type_size() > 0)
      for (const auto& l : o->get_lnames()) w += "--" + l + "|";
  return w.empty() ? "--telaah-none" : w.substr(0, w.size() - 1);
}

// What a positional word completes to: project files when the command's
// positional is a project ("project", "target project", ...; `gui` also offers
// .qdpx files: it opens their import), no files when it has no positional.
std::string file_kind(const CLI::App* cmd) {
  auto pos = cmd->get_options([](const CLI::Option* o) { return o->get_positional(); });
  if (pos.empty()) return "none";
  for (const auto* o : pos)
    if (o->get_name(true).find("project") != std::string::npos) return cmd->get_name() == "gui" ? "gui" : "project";
  return "any";
}

void bash_case(std::ostream& out, const CLI::App* cmd, const std::string& prefix) {
  std::string key, pattern;  // the canonical path, and every spelling of it
  for (const auto& n : names(cmd)) {
    const std::string k = prefix.empty() ? n : prefix + " " + n;
    if (key.empty()) key = k;
    pattern += (pattern.empty() ? "\"" : "|\"") + k + "\"";
  }
  out << "    " << pattern << ") cmds=\"" << subcommand_words(cmd) << "\"; opts=\"" << option_words(cmd)
      << "\"; valued=\"" << valued(cmd) << "\"; files=" << file_kind(cmd) << " ;;\n";
  for (const auto* sub : cmd->get_subcommands(visible)) bash_case(out, sub, key);
}

std::string bash_script(const CLI::App& root) {
  std::vector<std::string> keys;  // every command path: "gui", "shards", "shards status", ...
  std::function<void(const CLI::App*, const std::string&)> collect = [&](const CLI::App* c, const std::string& k) {
    for (const auto* s : c->get_subcommands(visible))
      for (const auto& n : names(s)) {
        const std::string kk = k.empty() ? n : k + " " + n;
        keys.push_back(kk);
        collect(s, kk);
      }
  };
  collect(&root, "");
  std::string alts;
  for (const auto& k : keys) alts += (alts.empty() ? "\"" : "|\"") + k + "\"";

  std::ostringstream out;
  out << "# bash completion for telaah: generated by `telaah help-bash` from the CLI's own definitions.\n"
      << "_telaah() {\n"
      << "  local cur=\"${COMP_WORDS[COMP_CWORD]}\" prev=\"\" key=\"\" cmds opts valued files i w\n"
      << "  (( COMP_CWORD > 0 )) && prev=\"${COMP_WORDS[COMP_CWORD-1]}\"\n"
      << "  # The command path so far: the words before the cursor that name subcommands.\n"
      << "  for (( i = 1; i < COMP_CWORD; i++ )); do\n"
      << "    w=\"${COMP_WORDS[i]}\"\n"
      << "    case \"${key:+$key }$w\" in\n"
      << "      " << alts << ") key=\"${key:+$key }$w\" ;;\n"
      << "    esac\n"
      << "  done\n"
      << "  case \"$key\" in\n"
      << "    \"\") cmds=\"" << subcommand_words(&root) << "\"; opts=\"" << option_words(&root)
      << "\"; valued=\"--telaah-none\"; files=none ;;\n";
  for (const auto* sub : root.get_subcommands(visible)) bash_case(out, sub, "");
  out << "  esac\n"
      << "  if [[ \"|$valued|\" == *\"|$prev|\"* ]]; then  # the value of an option: any file\n"
      << "    COMPREPLY=( $(compgen -f -- \"$cur\") )\n"
      << "    return 0\n"
      << "  fi\n"
      << "  if [[ $cur == -* ]]; then\n"
      << "    COMPREPLY=( $(compgen -W \"$opts\" -- \"$cur\") )\n"
      << "    return 0\n"
      << "  fi\n"
      << "  COMPREPLY=( $(compgen -W \"$cmds\" -- \"$cur\") )\n"
      << "  case $files in\n"
      << "    project) COMPREPLY+=( $(compgen -f -X '!*.telaah' -- \"$cur\") $(compgen -d -- \"$cur\") ) ;;\n"
      << "    gui) COMPREPLY+=( $(compgen -f -X '!*.telaah' -- \"$cur\") $(compgen -f -X '!*.qdpx' -- \"$cur\") "
         "$(compgen -d -- \"$cur\") ) ;;\n"
      << "    any) COMPREPLY+=( $(compgen -f -- \"$cur\") ) ;;\n"
      << "  esac\n"
      << "  return 0\n"
      << "}\n"
      << "complete -o filenames -F _telaah telaah\n";
  return out.str();
}

Registrar reg(1000, [](CLI::App& app, Context&) {
  auto* man = app.add_subcommand("help-man", "Print the man page (roff), made from these help texts");
  man->group("");  // hidden: for the build, not for researchers
  man->callback([&app] { std::cout << man_page(app); });
  auto* bash = app.add_subcommand("help-bash", "Print the bash completion script");
  bash->group("");
  bash->callback([&app] { std::cout << bash_script(app); });
});

}  // namespace
}  // namespace telaah::cli
