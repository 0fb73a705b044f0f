// A hand-written Makefile: which install variables it honours, whether it
// hard-sets CFLAGS, whether it has check/test targets (research pitfall 16).
using System.Text.RegularExpressions;

namespace OpsKit.Rpm.Source.Readers;

/// <summary>Reads plain Makefile projects.</summary>
internal static partial class MakefileReader
{
    private static readonly string[] s_variables = ["DESTDIR", "PREFIX", "prefix", "BINDIR", "bindir", "SBINDIR", "MANDIR", "mandir", "SYSCONFDIR", "sysconfdir", "DATADIR", "datadir", "LIBDIR", "libdir", "INCLUDEDIR"];

    public static ProjectMetadata Read(SourceTree tree)
    {
        var name = ShapeDetector.MakefileName(tree)!;
        var text = tree.Read(name) ?? "";
        var vars = s_variables.Where(v => text.Contains("$(" + v + ")", StringComparison.Ordinal) || text.Contains("${" + v + "}", StringComparison.Ordinal)).ToList();
        var check = Target("check").IsMatch(text) ? "check" : Target("test").IsMatch(text) ? "test" : null;
        return new ProjectMetadata
        {
            Makefile = new MakefileFacts(vars, Regex.IsMatch(text, @"^CFLAGS\s*:?=", RegexOptions.Multiline),
                text.Contains("$(LDFLAGS)", StringComparison.Ordinal)),
            UsesCxx = text.Contains("$(CXX)", StringComparison.Ordinal) || Directory.EnumerateFiles(tree.Root, "*.cpp").Any(),
            UsesC = text.Contains("$(CC)", StringComparison.Ordinal) || Directory.EnumerateFiles(tree.Root, "*.c", SearchOption.AllDirectories).Any(),
            CheckTarget = check,
        };
    }

    private static Regex Target(string name) => new("^" + name + @"\s*:", RegexOptions.Multiline);
}
