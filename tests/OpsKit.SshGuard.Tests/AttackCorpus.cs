// Reads tests/data/ssh/attack-corpus.tsv: expect<TAB>command<TAB>why, with
// env:unset (variable absent) and b64:<base64> (exact bytes) encodings.
using OpsKit.SshGuard.Policy;
using OpsKit.Testing;

namespace OpsKit.SshGuard.Tests;

/// <summary>One corpus line.</summary>
/// <param name="Line">Line number in the file.</param>
/// <param name="Accept">Expected verdict.</param>
/// <param name="Command">Exact bytes, null when the variable is unset.</param>
/// <param name="Why">The "tag: reason" field.</param>
public sealed record CorpusCase(int Line, bool Accept, byte[]? Command, string Why)
{
    /// <summary>The tag before the colon (real, shell, option...).</summary>
    public string Tag => Why.Split(':')[0];

    /// <summary>True when the command cannot be put in an environment variable (NUL).</summary>
    public bool HasNul => Command is not null && Array.IndexOf(Command, (byte)0) >= 0;
}

/// <summary>The developer corpus and the reference policy.</summary>
public static class AttackCorpus
{
    private static readonly Lazy<IReadOnlyList<CorpusCase>> s_cases = new(Load);

    /// <summary>The corpus file.</summary>
    public static string File => RepoPaths.TestData("ssh", "attack-corpus.tsv");

    /// <summary>examples/ssh/backup-v1.toml.</summary>
    public static string PolicyFile => Path.Combine(RepoPaths.Root, "examples", "ssh", "backup-v1.toml");

    /// <summary>All cases.</summary>
    public static IReadOnlyList<CorpusCase> Cases => s_cases.Value;

    /// <summary>The shipped reference policy.</summary>
    public static SshPolicy Policy { get; } = PolicyReader.ReadFile(PolicyFile);

    /// <summary>Line numbers, for [MemberData].</summary>
    public static TheoryData<int> Lines()
    {
        var data = new TheoryData<int>();
        foreach (var c in Cases) data.Add(c.Line);
        return data;
    }

    /// <summary>The case on a line.</summary>
    public static CorpusCase At(int line) => Cases.Single(c => c.Line == line);

    private static List<CorpusCase> Load()
    {
        var result = new List<CorpusCase>();
        var lines = System.IO.File.ReadAllLines(File);
        for (var i = 0; i < lines.Length; i++)
        {
            var text = lines[i];
            if (text.Length == 0 || text.StartsWith('#')) continue;
            var fields = text.Split('\t');
            if (fields.Length != 3 || fields[0] is not ("accept" or "reject"))
                throw new FormatException($"{File}:{i + 1}: expected expect<TAB>command<TAB>why");
            byte[]? command = fields[1] switch
            {
                "env:unset" => null,
                var b when b.StartsWith("b64:", StringComparison.Ordinal) => Convert.FromBase64String(b[4..]),
                var literal => System.Text.Encoding.UTF8.GetBytes(literal),
            };
            result.Add(new CorpusCase(i + 1, fields[0] == "accept", command, fields[2]));
        }
        return result;
    }
}
