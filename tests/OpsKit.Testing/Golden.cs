// Golden files: compare output with tests/<Project>.Tests/Golden/<name>; with
// OPSKIT_UPDATE_GOLDEN=1 (make golden-update) rewrite them instead.
using System.Runtime.CompilerServices;
using Xunit.Sdk;

namespace OpsKit.Testing;

/// <summary>Golden-file assertions.</summary>
public static class Golden
{
    /// <summary>Asserts that <paramref name="actual"/> equals the golden file; prints both between rulers on mismatch.</summary>
    /// <param name="name">Relative path under the test project's Golden/ folder.</param>
    /// <param name="actual">The output.</param>
    /// <param name="callerFile">Filled in by the compiler; locates the test project.</param>
    public static void Assert(string name, string actual, [CallerFilePath] string callerFile = "")
    {
        var project = FindProjectDir(callerFile);
        var path = Path.Combine(project, "Golden", name);
        actual = actual.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (Environment.GetEnvironmentVariable("OPSKIT_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }
        if (!File.Exists(path))
            throw new XunitException($"golden file {path} is missing; run 'make golden-update' and review it.\n{Ruler("got")}\n{actual}{Ruler("")}");
        var expected = File.ReadAllText(path);
        if (expected != actual)
            throw new XunitException($"output differs from {path} (make golden-update rewrites it)\n{Ruler("expected")}\n{expected}{Ruler("got")}\n{actual}{Ruler("")}");
    }

    private static string Ruler(string label) => label.Length == 0 ? new string('-', 72) : $"---- {label} " + new string('-', 66 - label.Length);

    private static string FindProjectDir(string file)
    {
        for (var dir = Path.GetDirectoryName(file); dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (Directory.EnumerateFiles(dir, "*.csproj").Any()) return dir;
        }
        throw new DirectoryNotFoundException("no project folder above " + file);
    }
}
