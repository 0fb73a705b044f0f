// Locates the repository, its test data (tests/data), the optional cross-check tools and the built opskit binary.
namespace OpsKit.Testing;

/// <summary>Paths tests need.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> s_root = new(FindRoot);

    /// <summary>The repository root (holds OpsKit.sln).</summary>
    public static string Root => s_root.Value;

    /// <summary>A path under tests/data (captures from public sources, one folder per area; see tests/data/README.md).</summary>
    public static string TestData(params string[] parts) => Path.Combine([Root, "tests", "data", .. parts]);

    /// <summary>
    /// The team's reference folder for the optional cross-check lane (scripts that are not part of the repository):
    /// OPSKIT_SHARED when set, else shared/ beside the repository; null when neither exists.
    /// </summary>
    public static string? CrossCheckRoot
    {
        get
        {
            var env = Environment.GetEnvironmentVariable("OPSKIT_SHARED");
            if (!string.IsNullOrEmpty(env)) return Directory.Exists(env) ? env : null;
            var beside = Path.GetFullPath(Path.Combine(Root, "..", "shared"));
            return Directory.Exists(beside) ? beside : null;
        }
    }

    /// <summary>A cross-check tool under the reference folder's tools/, or null when it is not there.</summary>
    public static string? CrossCheckTool(params string[] parts)
    {
        var root = CrossCheckRoot;
        if (root is null) return null;
        var path = Path.Combine([root, "tools", .. parts]);
        return File.Exists(path) ? path : null;
    }

    /// <summary>The opskit executable to run end to end: OPSKIT_BIN, else out/bin/opskit, else the build output.</summary>
    public static string OpskitBinary
    {
        get
        {
            var env = Environment.GetEnvironmentVariable("OPSKIT_BIN");
            if (!string.IsNullOrEmpty(env)) return env;
            string[] candidates =
            [
                Path.Combine(Root, "out", "bin", "opskit"),
                Path.Combine(Root, "src", "OpsKit", "bin", "Release", "net10.0", "linux-x64", "opskit"),
                Path.Combine(Root, "src", "OpsKit", "bin", "Debug", "net10.0", "linux-x64", "opskit"),
            ];
            // An apphost is not rewritten by incremental builds; opskit.dll beside it is, so it tells which build is
            // newest. The native (AOT) binary in out/bin has no dll beside it and is rewritten by every publish.
            return candidates.Where(File.Exists)
                .OrderByDescending(p => Built(p))
                .FirstOrDefault()
                ?? throw new FileNotFoundException("opskit binary not built; run 'make build' or set OPSKIT_BIN");
        }
    }

    private static DateTime Built(string binary)
    {
        var dll = Path.Combine(Path.GetDirectoryName(binary)!, "opskit.dll");
        return File.Exists(dll) ? File.GetLastWriteTimeUtc(dll) : File.GetLastWriteTimeUtc(binary);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OpsKit.sln"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException("OpsKit.sln not found above " + AppContext.BaseDirectory);
    }
}
