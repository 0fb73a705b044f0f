// README fallback for Summary, %description and URL when build files have none.
// Only descriptive prose is used: instructions ("Please read the INSTALL file"),
// badge lines, lists, code and link-only lines are skipped; markdown links keep their text.
using System.Text.RegularExpressions;

namespace OpsKit.Rpm.Source.Readers;

/// <summary>Reads the top-level README.</summary>
internal static partial class ReadmeReader
{
    /// <summary>The README file name, or null.</summary>
    public static string? Find(SourceTree tree) =>
        tree.TopFiles().Where(f => f.StartsWith("README", StringComparison.OrdinalIgnoreCase) && new FileInfo(tree.File(f)).Length > 0 && !Pointer(tree, f))
            // A translation (sl: README.ja.md beside README.md) only when there is nothing else; an HTML rendering
            // (json-c: README.html beside README.md) is markup, the last choice.
            .OrderBy(f => Translation().IsMatch(f) ? 1 : f.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".htm", StringComparison.OrdinalIgnoreCase) ? 2 : 0)
            .FirstOrDefault();

    [GeneratedRegex(@"^README[._-](?!(md|txt|rst|in)$)[a-z]{2}([_-][A-Za-z]{2})?(\.\w+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Translation();

    /// <summary>A README that only sends the reader to another (fribidi 1.0.8: README is "See README.md"; json-c 0.16:
    /// "See README.md or README.html").</summary>
    private static bool Pointer(SourceTree tree, string file) =>
        new FileInfo(tree.File(file)).Length < 100
        && Regex.IsMatch(tree.Read(file)!.Trim(), @"^(see|read|please (see|read))\s+README\S*(\s*(,|or|and)\s+README\S*)*\s*\.?$", RegexOptions.IgnoreCase);

    /// <summary>(summary, description, url) from the README; any may be null.</summary>
    public static (string? Summary, string? Description, string? Url) Read(SourceTree tree)
    {
        if (Find(tree) is not { } file) return (null, null, null);
        return Parse(tree.Read(file) ?? "");
    }

    /// <summary>Parses README text.</summary>
    public static (string? Summary, string? Description, string? Url) Parse(string text)
    {
        text = text.Replace("\r", "", StringComparison.Ordinal);
        if (PodText(text) is { } pod) text = pod;
        else if (IndentedText(text) is { } indented) text = indented;
        var lines = text.Split('\n');
        var paragraphs = new List<string>();
        var current = new List<string>();
        string? heading = null;
        var fence = false;
        // Under an installation or usage heading every paragraph is an instruction (less 590: "INSTALLATION (Unix & Linux
        // systems only):" then "And make sure they look ok ..."), however it starts.
        var howTo = false;
        // Prose after the first code block is about building or using the project, not what it is (libyaml 0.2.5: after
        // "$ ./configure" come "Discuss LibYAML with the maintainers", credits and the licence).
        int? codeAt = null;
        // Only the lead (before the second heading) and sections about the project describe it; "Why does the world need
        // another C library?" (yajl 2.1.0), "Building", "License" do not.
        var headings = 0;
        var aboutSection = true;
        var outside = new HashSet<int>();
        for (var i = 0; i < lines.Length; i++)
        {
            var raw = lines[i];
            var line = raw.Trim();
            if (line.StartsWith("```", StringComparison.Ordinal)) { fence = !fence; Flush(); CodeSeen(); continue; }
            if (fence) continue;
            var underline = i + 1 < lines.Length && Regex.IsMatch(lines[i + 1].Trim(), @"^[=\-*~^#]{3,}$");
            // "INSTALLATION (Unix & Linux systems only):", "USAGE": capitals, maybe a parenthesis (closed or wrapped), nothing after.
            var capitals = Regex.IsMatch(line, @"^[A-Z]{4,}\b[^a-z(]*(\([^)]*\)?)?:?$");
            if (line.StartsWith('#') || underline || capitals)
            {
                Flush();
                if (!capitals) heading ??= line.TrimStart('#').Trim();
                howTo = HowToHeading().IsMatch(line.TrimStart('#').Trim());
                headings++;
                aboutSection = headings == 1 || AboutHeading().IsMatch(Unmark(line.TrimStart('#').Trim()));
                if (underline) i++;
                continue;
            }
            if (howTo) { Flush(); continue; }
            if (Regex.IsMatch(line, @"^[=\-*~^#]{3,}$")) { Flush(); continue; }
            // A banner drawn in characters (figlet 2.2.5's README) ends the paragraph above it and is not prose; so does
            // a box or table drawn with '|' (nano 7.2's picture of its screen).
            if (IsArt(line) || line.StartsWith('|') || line.StartsWith("+-", StringComparison.Ordinal)) { Flush(); continue; }
            // Code (four-space or tab indent after a blank line, shell prompts) and list items are not prose.
            if (line.Length == 0 || (current.Count == 0 && (raw.StartsWith("    ", StringComparison.Ordinal) || raw.StartsWith('\t')))
                || line.StartsWith("$ ", StringComparison.Ordinal) || Regex.IsMatch(line, @"^([-*+]|\d+[.)])\s"))
            {
                Flush();
                if (line.StartsWith("$ ", StringComparison.Ordinal) || (line.Length > 0 && !Regex.IsMatch(line, @"^([-*+]|\d+[.)])\s"))) CodeSeen();
                continue;
            }
            current.Add(line);
        }
        Flush();
        var url = HomePage(text);
        var prose = paragraphs.Take(codeAt ?? paragraphs.Count).Where((_, i) => !outside.Contains(i)).Select(Unmark).Select(p => ReadmeFor().Replace(p, ""))
            .Select(DropLeadIn).Where(IsDescriptive).ToList();
        var first = prose.FirstOrDefault();
        string? summary = null;
        if (heading is not null && Regex.Match(Unmark(heading), @"\s[-–:]\s+(.+)$") is { Success: true } h && Summary.IsSummary(h.Groups[1].Value)) summary = h.Groups[1].Value;
        // The first sentence; the inspector drops the leading "NAME is a" and shortens it before judging it as a summary.
        else if (first is not null && Regex.Split(first, @"(?<=\.)\s")[0] is var sentence && !Summary.IsInstruction(sentence) && sentence.Split(' ').Length >= 3) summary = sentence;
        return (summary, first, url);

        void CodeSeen() => codeAt ??= paragraphs.Count;

        void Flush()
        {
            if (current.Count == 0) return;
            if (!aboutSection) outside.Add(paragraphs.Count);
            paragraphs.Add(string.Join(' ', current));
            current.Clear();
        }
    }

    /// <summary>
    /// The README's link to the project's home page, or null when no link names the project (the inspector's review note
    /// then asks for one rather than the spec carrying somebody else's page: cJSON 1.7.15's README links json.org first,
    /// units 2.22's a Java port, fuse 3.14's the macOS port). In this order:
    /// a front page whose host names the project (nano 7.2: https://nano-editor.org/, not the https://www.gnu.org/ its
    /// README names first; lz4 1.9.4: http://www.lz4.org, not a zstd page);
    /// a site or repository front page whose address names it as a word (zlib 1.2.13: http://zlib.net/, not the RFC
    /// linked before it; a repository only when named after the project: tmux 3.3a's README links
    /// github.com/imomaliev/tmux-bash-completion before github.com/tmux/tmux.git);
    /// the repository named after it that a deep link points into (libuv: .../libuv/libuv/blob/v1.x/LINKS.md gives
    /// https://github.com/libuv/libuv). A name under three letters cannot be told apart in an address: after the host
    /// rule it takes the README's first usable link.
    /// </summary>
    public static string? ProjectHomePage(SourceTree tree, string name)
    {
        if (Find(tree) is not { } file || tree.Read(file) is not { } text) return null;
        var urls = UrlPattern().Matches(text).Select(m => m.Value.TrimEnd('.', ')', ',')).ToList();
        var plainName = Regex.Replace(name, @"[^A-Za-z0-9]", "");
        // libuv's stem "uv" is too short to tell anything: then the whole name.
        var stem = Regex.Replace(name.StartsWith("lib", StringComparison.OrdinalIgnoreCase) && name.Length > 5 ? name[3..] : name, @"[^A-Za-z0-9]", "");
        var first = HomePage(text);
        return urls.FirstOrDefault(u => HostNames(u, name.ToLowerInvariant()))
            ?? (first is null ? null
                : stem.Length < 3 ? first   // a name this short cannot be told apart in an address: the first usable link
                : urls.FirstOrDefault(u => (Word(u, stem) || Word(u, plainName)) && FrontPage(u)) ?? DeepLinkedRepository(text));

        // Only the host: a path ending in the name is as often a fork (pv 1.6.20's README links github.com/OWNER/pv) or an
        // old mirror (tree 2.1.0's "Old site for as long as it lasts") as the home page. The name as a part of the host, not
        // inside a word (ed is not www.redhat.com); a front page, not a page file (libev 4.33: http://libev.schmorp.de/bench.html
        // comes before http://software.schmorp.de/pkg/libev).
        static bool HostNames(string u, string n) => HomePage(u) == u && Uri.TryCreate(u, UriKind.Absolute, out var uri)
            && uri.Query.Length == 0 && uri.Fragment.Length == 0 && !Regex.IsMatch(uri.AbsolutePath, @"\.\w+$")
            && Regex.IsMatch(uri.Host.ToLowerInvariant(), @"(^|[.-])" + Regex.Escape(n) + @"([.-]|$)");

        // The name as a word of the address, not inside another (fuse 3.14's README links osxfuse.github.io first).
        static bool Word(string url, string word) =>
            Regex.IsMatch(Regex.Replace(url, @"[^A-Za-z0-9]", " "), @"(^| )" + Regex.Escape(word) + @"( |$)", RegexOptions.IgnoreCase);

        // The site or a repository's front page, not a file, anchor or query inside it (lz4: http://www.lz4.org, not
        // .../blob/v1.8.3/lib/lz4frame.h#L481), nor a mailing list.
        bool FrontPage(string u) => HomePage(u) == u
            && !Regex.IsMatch(u, @"[#?]|\.git$|/(blob|tree|raw|issues|pulls?|releases|commit|actions|wiki)(/|$)|/[^/]+\.(html?|php|md|txt|pdf)$|groups\.google\.|/mailman/|/listinfo/|//lists\.")
            && Regex.Match(u, @"^https?://[^/]+(/.*)?$").Groups[1].Value.Split('/', StringSplitOptions.RemoveEmptyEntries).Length <= 2
            && (Regex.Match(u, @"^https?://(github\.com|gitlab\.com|codeberg\.org)/[\w.-]+/([\w.-]+)") is not { Success: true } r || NamedAfter(r.Groups[2].Value));

        string? DeepLinkedRepository(string readme)
        {
            var repo = Regex.Matches(readme, @"https?://(github\.com|gitlab\.com|codeberg\.org)/([\w.-]+)/([\w.-]+)")
                .FirstOrDefault(m => NamedAfter(m.Groups[3].Value));
            return repo is null ? null : $"https://{repo.Groups[1].Value}/{repo.Groups[2].Value}/{Regex.Replace(repo.Groups[3].Value, @"\.git$", "")}";
        }

        // A repository is the project's when it is named after it, not when the name is part of its name.
        bool NamedAfter(string repository)
        {
            var plain = Regex.Replace(Regex.Replace(repository, @"\.git$", ""), @"[^A-Za-z0-9]", "");
            return plain.Equals(stem, StringComparison.OrdinalIgnoreCase) || plain.Equals(plainName, StringComparison.OrdinalIgnoreCase);
        }
    }

    [GeneratedRegex(@"^(installation|installing|install|building|build|compiling|compilation|usage|requirements|dependencies|getting started|how to (build|install))\b", RegexOptions.IgnoreCase)]
    private static partial Regex HowToHeading();

    /// <summary>A line of ASCII art: at least eight characters with fewer than a quarter of them letters or digits, or
    /// three or more with none (" _ _ _          _   _     _").</summary>
    internal static bool IsArt(string line)
    {
        var visible = line.Count(c => !char.IsWhiteSpace(c));
        var letters = line.Count(char.IsLetterOrDigit);
        return visible >= 8 && letters * 4 < visible || visible >= 3 && letters == 0;
    }

    /// <summary>A plain-text README with short headings at the margin and its prose indented four spaces (nano 7.2:
    /// "Purpose" then "    Nano is a small and simple text editor ..."): returned with the headings marked and the prose
    /// at the margin (without this, every paragraph looks like code); null for any other README.</summary>
    internal static string? IndentedText(string text)
    {
        var lines = text.Split('\n');
        var filled = lines.Where(l => l.Trim().Length > 0).ToList();
        var margin = filled.Where(l => !char.IsWhiteSpace(l[0])).ToList();
        var indented = filled.Count(l => l.StartsWith("    ", StringComparison.Ordinal));
        if (filled.Count == 0 || indented * 2 < filled.Count || margin.Count < 2) return null;
        if (margin.Any(l => l.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > 6 || l.TrimEnd().EndsWith('.'))) return null;
        // A title centred above the first heading ("          GNU nano -- a simple editor, inspired by Pico") is a heading
        // too, not code: code before the prose would end the README's description there.
        var title = Array.FindIndex(lines, l => l.Trim().Length > 0);
        return string.Join('\n', lines.Select((l, i) =>
            l.Trim().Length > 0 && (!char.IsWhiteSpace(l[0]) || i == title) ? "# " + l.Trim()
            : l.StartsWith("    ", StringComparison.Ordinal) ? l[4..]
            : l));
    }

    /// <summary>The README's first link that can be a home page: badges, CI services and images are not (expat 2.5.0's first
    /// link is its GitHub Actions badge).</summary>
    internal static string? HomePage(string text) => UrlPattern().Matches(text).Select(m => m.Value.TrimEnd('.', ')', ','))
        .FirstOrDefault(u => !Regex.IsMatch(u, @"\.(svg|png|gif|jpe?g)(\?|$)|/badges?\b|badge\.|/actions/|travis-ci\.|appveyor\.com|coveralls\.io|codecov\.io|shields\.io|bestpractices|scan\.coverity|oss-fuzz|lgtm\.com|repology\.org", RegexOptions.IgnoreCase));

    /// <summary>A README made by pod2text (CPAN: File-Which): NAME, DESCRIPTION ... headings at the margin, prose indented
    /// four spaces, verbatim code more. Returned from its DESCRIPTION section on, headings marked and prose at the margin
    /// (without this, every paragraph looks like code); null when the text is not pod2text output.</summary>
    internal static string? PodText(string text)
    {
        var start = Regex.Match(text, @"^DESCRIPTION[ \t]*\n", RegexOptions.Multiline);
        // pod2text indents prose by four; pod2readme-style READMEs (Module-Runtime 0.016) keep it at the margin.
        if (!Regex.IsMatch(text, @"^NAME[ \t]*\n([ \t]*\n)?( {4})?\S", RegexOptions.Multiline) || !start.Success) return null;
        var lines = text[start.Index..].Split('\n').Select(l =>
            Regex.IsMatch(l, @"^[A-Z][A-Z0-9 ]+$") ? "# " + l
            : Regex.IsMatch(l, @"^ {4}\S") ? l[4..]
            : l);
        return string.Join('\n', lines);
    }

    /// <summary>Markdown and reST markup out: badges and images dropped, links to their text, emphasis and code marks removed.</summary>
    public static string Unmark(string text)
    {
        var s = Regex.Replace(text, @"\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)", "");
        s = Regex.Replace(s, @"!\[[^\]]*\]\([^)]*\)", "");
        s = Regex.Replace(s, @"\[([^\]]+)\]\([^)]*\)", "$1");
        // Reference-style links: "[CommonMark]", "[a spec][the spec]" (cmark, fribidi).
        s = Regex.Replace(s, @"\[([^\]\[]+)\](\[[^\]]*\])?(?!\()", "$1");
        // reST links: "`TOML <https://...>`_" keeps its text, a reference "Jansson_" its word (jansson 2.14's README.rst).
        s = Regex.Replace(s, @"`([^`<]*?)\s*<[^>]*>`__?", "$1");
        s = Regex.Replace(s, @"(?<=\w)_(?=[\s.,;:)]|$)", "");
        s = Regex.Replace(s, @"<[^>]+>", "");
        s = Regex.Replace(s, @"(\*\*|__|`)", "");
        return Regex.Replace(s, @"\s+", " ").Trim();
    }

    /// <summary>A paragraph of several sentences whose last one leads into a list or a link ("... is available from this
    /// GitHub repository:", pcre2 10.42) keeps the sentences before it.</summary>
    internal static string DropLeadIn(string paragraph)
    {
        var p = paragraph.TrimEnd();
        if (!p.EndsWith(':') && !p.EndsWith(',')) return p;
        var cut = Regex.Matches(p, @"[.!?](?=\s+[A-Z])").LastOrDefault();
        return cut is null ? p : p[..(cut.Index + 1)];
    }

    /// <summary>Prose that says what the project is: not an instruction, a badge row, a link list or a lead-in to a list.</summary>
    public static bool IsDescriptive(string paragraph)
    {
        var p = paragraph.Trim();
        if (p.Length < 20 || p.Split(' ').Length < 4) return false;
        if (p.EndsWith(':') || Summary.IsInstruction(p)) return false;
        if (p.StartsWith("copyright", StringComparison.OrdinalIgnoreCase)) return false;
        // A command-line option and its help (less 590's README: "--with-editor=program Specifies the default editor").
        if (Regex.IsMatch(p, @"^--?[A-Za-z]")) return false;
        // Where things are, not what the project is (less 590: "The formatted manual page is in less.man.").
        if (Regex.IsMatch(p, @"^[^.]{0,60}\b(is|are) (in|found in|kept in) (the )?(file |directory )?[\w./-]+\.\w+\.?(\s|$)", RegexOptions.IgnoreCase)) return false;
        // Greetings, credits and licence talk (libyaml, yajl), a lead-in to a list ("Those are,"), and a paragraph that
        // opens with a pronoun ("It's like JSON but smaller and faster": msgpack-c) say nothing on their own.
        if (NotAbout().IsMatch(p) || p.EndsWith(',') || !p.Any(char.IsLower)) return false;
        var withoutUrls = UrlPattern().Replace(p, "");
        return withoutUrls.Count(char.IsLetter) > p.Length / 2;
    }

    [GeneratedRegex(@"^(welcome to|thanks?\b|thank you|it'?s?\b|they\b|discuss|submit|report|send|join|contact|ask|e-?mail|subscribe|follow)|\b(is|are|was|were) (written|developed|created|maintained|released|licensed|distributed|copyrighted) (by|under|for)\b|\blicen[cs](e|ed|ing)\b|\bmailing list\b|\breleased on\b", RegexOptions.IgnoreCase)]
    private static partial Regex NotAbout();

    // Sections that describe the project, or a heading that is the name and a tagline ("JSON-C - A JSON implementation in C").
    [GeneratedRegex(@"^(about|overview|introduction|description|summary|purpose|what is|what's)\b|^\S+\s+[-–:]\s+\S", RegexOptions.IgnoreCase)]
    private static partial Regex AboutHeading();

    [GeneratedRegex(@"https?://[^\s<>""'\]\)]+")]
    private static partial Regex UrlPattern();

    // "This is the README for `pv' (...), a terminal-based tool" -> "a terminal-based tool".
    // "This is the README file for the GNU Hello distribution." (hello 2.10) goes whole: up to a comma or the sentence's end.
    [GeneratedRegex(@"^this is the (file )?readme( file)? for [^,.]+(,|\.(\s|$))\s*", RegexOptions.IgnoreCase)]
    private static partial Regex ReadmeFor();
}
