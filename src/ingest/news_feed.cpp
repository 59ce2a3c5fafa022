// RSS 2.0 and Atom feeds: one article per <item> or <entry>.
//
// RSS: title, link, pubDate (RFC 822), author or dc:creator, category (the
// section), description or content:encoded (HTML, turned into paragraphs);
// the channel's title is the outlet and its language the language.
// Atom: title, link href, published (else updated), author/name, category
// term, content (else summary); the feed's title is the outlet.
#include <algorithm>
#include <cctype>

#include "ingest/news.h"
#include "ingest/xml.h"
#include "ingest/zip.h"

namespace telaah::ingest::news {

namespace {

std::string trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}

std::string all_text(const pugi::xml_node& n) {
  std::string out;
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata)
      out += c.value();
    else if (c.type() == pugi::node_element)
      out += all_text(c);
  }
  return out;
}

// An HTML fragment (a feed's description) as paragraphs separated by blank lines.
std::string html_paragraphs(const std::string& name, const std::string& fragment) {
  if (trim(fragment).empty()) return "";
  if (fragment.find('<') == std::string::npos) return trim(fragment) + "\n\n";
  try {
    Extracted e = extract_html(name, "<html><body>" + fragment + "</body></html>", {});
    return e.text + "\n\n";
  } catch (const ImportError&) {
    return "";  // markup without text
  }
}

int64_t line_at(std::string_view bytes, ptrdiff_t offset) {
  if (offset < 0) return 0;
  return 1 + std::count(bytes.begin(), bytes.begin() + std::min<ptrdiff_t>(offset, bytes.size()), '\n');
}

}  // namespace

void split_feed(const std::string& name, std::string_view bytes, const Sink& sink) {
  pugi::xml_document doc;
  const std::string text(bytes);
  check_xml_is_safe(text, name);
  const unsigned flags = pugi::parse_default & ~pugi::parse_doctype;
  const pugi::xml_parse_result r = doc.load_buffer(text.data(), text.size(), flags, pugi::encoding_auto);
  if (!r)
    throw ImportError(name + ": line " + std::to_string(line_at(bytes, r.offset)) +
                      ": the feed is not well-formed XML (" + r.description() + ")");
  pugi::xml_node root = doc.document_element();
  size_t count = 0;
  if (xml::local(root) == "rss" || xml::local(root) == "RDF") {
    pugi::xml_node channel = xml::child(root, "channel");
    const std::string outlet = trim(all_text(xml::child(channel, "title")));
    const std::string lang = trim(all_text(xml::child(channel, "language")));
    pugi::xml_node parent = xml::local(root) == "RDF" ? root : channel;
    for (pugi::xml_node it = parent.first_child(); it; it = it.next_sibling()) {
      if (it.type() != pugi::node_element || xml::local(it) != "item") continue;
      Article a;
      a.line = line_at(bytes, it.offset_debug());
      a.outlet = outlet;
      a.language = lang;
      std::string content, description, date_raw;
      for (pugi::xml_node c = it.first_child(); c; c = c.next_sibling()) {
        if (c.type() != pugi::node_element) continue;
        const std::string_view n = xml::local(c);
        const std::string v = trim(all_text(c));
        if (n == "title")
          a.title = v;
        else if (n == "link")
          a.url = v;
        else if (n == "pubDate" || n == "date")
          date_raw = v;
        else if (n == "author" || n == "creator")
          a.author = a.author.empty() ? v : a.author + "; " + v;
        else if (n == "category")
          a.section = a.section.empty() ? v : a.section + "; " + v;
        else if (n == "encoded")
          content = all_text(c);
        else if (n == "description")
          description = all_text(c);
        else if (n == "guid" && a.url.empty() && v.rfind("http", 0) == 0)
          a.url = v;
        else if (n == "language")
          a.language = v;
      }
      if (!date_raw.empty()) {
        a.date = news_date(date_raw);
        if (a.date.empty())
          throw ImportError(name + ": line " + std::to_string(a.line) + ": pubDate '" + date_raw +
                            "' is not a date Telaah reads");
      }
      a.text = html_paragraphs(name, content.empty() ? description : content);
      if (trim(a.title).empty() && trim(a.text).empty())
        throw ImportError(name + ": line " + std::to_string(a.line) + ": an item with neither a title nor a text");
      ++count;
      sink(std::move(a));
    }
  } else if (xml::local(root) == "feed") {
    const std::string outlet = trim(all_text(xml::child(root, "title")));
    const std::string lang = xml::attr(root, "lang");
    for (pugi::xml_node it = root.first_child(); it; it = it.next_sibling()) {
      if (it.type() != pugi::node_element || xml::local(it) != "entry") continue;
      Article a;
      a.line = line_at(bytes, it.offset_debug());
      a.outlet = outlet;
      a.language = xml::attr(it, "lang").empty() ? lang : xml::attr(it, "lang");
      std::string content, summary, published, updated;
      for (pugi::xml_node c = it.first_child(); c; c = c.next_sibling()) {
        if (c.type() != pugi::node_element) continue;
        const std::string_view n = xml::local(c);
        if (n == "title")
          a.title = trim(all_text(c));
        else if (n == "link") {
          const std::string rel = xml::attr(c, "rel");
          if (rel.empty() || rel == "alternate") a.url = xml::attr(c, "href");
        } else if (n == "published")
          published = trim(all_text(c));
        else if (n == "updated")
          updated = trim(all_text(c));
        else if (n == "author") {
          const std::string v = trim(all_text(xml::child(c, "name")));
          if (!v.empty()) a.author = a.author.empty() ? v : a.author + "; " + v;
        } else if (n == "category") {
          const std::string v = xml::attr(c, "term");
          if (!v.empty()) a.section = a.section.empty() ? v : a.section + "; " + v;
        } else if (n == "content")
          content = all_text(c);
        else if (n == "summary")
          summary = all_text(c);
      }
      const std::string raw = published.empty() ? updated : published;
      if (!raw.empty()) {
        a.date = news_date(raw);
        if (a.date.empty())
          throw ImportError(name + ": line " + std::to_string(a.line) + ": date '" + raw +
                            "' is not a date Telaah reads");
      }
      a.text = html_paragraphs(name, content.empty() ? summary : content);
      if (trim(a.title).empty() && trim(a.text).empty())
        throw ImportError(name + ": line " + std::to_string(a.line) + ": an entry with neither a title nor a text");
      ++count;
      sink(std::move(a));
    }
  } else {
    throw ImportError(name + ": an XML file that is neither an RSS nor an Atom feed");
  }
  if (count == 0) throw ImportError(name + ": the feed has no item");
}

}  // namespace telaah::ingest::news
