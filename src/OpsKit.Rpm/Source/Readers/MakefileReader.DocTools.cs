// Programs a hand-written Makefile runs to make its man pages (moreutils 0.67:
// xmllint and xsltproc over DocBook, pod2man for the Perl scripts): BuildRequires,
// and the probe's tool check names them before make stops on "xmllint: No such file".
using System.Text.RegularExpressions;

namespace OpsKit.Rpm.Source.Readers;

internal static partial class MakefileReader
{
    // Program -> Fedora BuildRequires (the probe's tool check knows each one's Debian package).
    private static readonly (string Program, string Fedora)[] s_docTools =
    [
        ("xmllint", "libxml2"), ("xsltproc", "libxslt"), ("pod2man", "perl-podlators"), ("help2man", "help2man"),
        ("asciidoc", "asciidoc"), ("a2x", "asciidoc"), ("asciidoctor", "rubygem-asciidoctor"), ("pandoc", "pandoc"),
        ("ronn", "rubygem-ronn-ng"), ("scdoc", "scdoc"), ("makeinfo", "texinfo"),
    ];

    /// <summary>The documentation tools' BuildRequires when make will run them: the archive ships no man page
    /// (moreutils 0.67 ships only the .docbook sources); lz4's lz4.1 and dos2unix's pages are shipped, and their ronn
    /// and pod2man rules only run for maintainers.</summary>
    internal static IEnumerable<string> DocTools(SourceTree tree, string makefile) =>
        ShipsManPages(tree) ? [] : DocTools(makefile);

    private static bool ShipsManPages(SourceTree tree) =>
        Directory.EnumerateFiles(tree.Root, "*", SearchOption.AllDirectories)
            .Any(f => Regex.IsMatch(Path.GetFileName(f), @"^[\w.+-]+\.[1-8]$") && !Regex.IsMatch(Path.GetRelativePath(tree.Root, f), @"^(tests?|t)/"));

    /// <summary>The BuildRequires for documentation tools the Makefile's recipes or variables run, plus the DocBook
    /// stylesheets and DTDs when it transforms DocBook (docbook.xsl) or validates it (xmllint --valid).</summary>
    internal static IEnumerable<string> DocTools(string makefile)
    {
        var code = Regex.Replace(makefile, @"(?m)^\s*#.*$", "");
        // A recipe line (tab) or a variable's value: "DOCBOOK2XMAN=xsltproc ...", "\txmllint --noout --valid $<".
        var used = string.Join('\n', Regex.Matches(code, @"(?m)^(\t.*|[\w.]+\s*[:?+]?=.*)$").Select(m => m.Value));
        foreach (var (program, fedora) in s_docTools)
        {
            if (Regex.IsMatch(used, @"(^|[\s=;(`])" + Regex.Escape(program) + @"(\s|$)", RegexOptions.Multiline)) yield return fedora;
        }
        if (used.Contains("docbook.xsl", StringComparison.Ordinal)) yield return "docbook-style-xsl";
        if (Regex.IsMatch(used, @"\bxmllint\b.*--valid\b")) yield return "docbook-dtds";
    }
}
