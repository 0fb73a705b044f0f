// Generates man/opskit.1 and man/opskit-<area>.8 from the command tree and
// the config declarations, so help, man and config never disagree.
using System.CommandLine;
using System.Text;
using OpsKit.Core;
using OpsKit.Core.Config;

namespace OpsKit.Docs;

/// <summary>man(7) page generator.</summary>
public static class ManPage
{
    /// <summary>All pages: file name to content.</summary>
    public static IReadOnlyDictionary<string, string> All(RootCommand root, IReadOnlyList<ConfigTable> schemas)
    {
        var pages = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["opskit.1"] = Roff.WrapPage(MainPage(root, schemas)) };
        foreach (var area in root.Subcommands.Where(c => !c.Hidden && c.Subcommands.Count > 0))
            pages[$"opskit-{area.Name}.8"] = Roff.WrapPage(Area(root, area, schemas.FirstOrDefault(s => s.Name == area.Name)));
        return pages;
    }

    private static string MainPage(RootCommand root, IReadOnlyList<ConfigTable> schemas)
    {
        var sb = new StringBuilder();
        Header(sb, "OPSKIT", "1", "opskit", root.Description ?? "");
        sb.Append(".SH SYNOPSIS\n.B opskit\n.RI [ options ] \" area verb \" [ arguments ]\n");
        sb.Append(".SH DESCRIPTION\n").Append(Roff.Paragraphs(Texts.Description)).Append('\n');
        sb.Append(".SH COMMANDS\n");
        foreach (var area in root.Subcommands.Where(c => !c.Hidden))
        {
            sb.Append(".TP\n.B ").Append(Roff.Text(area.Name)).Append('\n').Append(Roff.Text(area.Description ?? "")).Append('\n');
            if (area.Subcommands.Count > 0) sb.Append("See\n.BR opskit\\-").Append(Roff.Text(area.Name)).Append(" (8).\n");
        }
        sb.Append(".SH OPTIONS\n");
        foreach (var o in root.Options.Where(o => !o.Hidden)) Option(sb, o);
        sb.Append(".TP\n.B \\-\\-version\nPrint the version and exit.\n.TP\n.BR \\-h \", \" \\-\\-help\nShow help for any command.\n");
        sb.Append(".SH RUN MODES\n").Append(Roff.Paragraphs(Texts.RunModes)).Append('\n');
        foreach (var (name, args) in Invocation.MultiCallNames.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            sb.Append(".TP\n.B ").Append(Roff.Text(name)).Append("\nruns\n.BR \"opskit ").Append(Roff.Text(string.Join(' ', args))).Append("\" .\n");
        sb.Append(".SH CONFIGURATION\n").Append(Roff.Paragraphs(Texts.Configuration)).Append('\n');
        foreach (var s in schemas.Where(s => s.Name is "log" or "mail")) Table(sb, s, s.Name);
        sb.Append(".SH EXIT STATUS\n").Append(Roff.Paragraphs(Texts.ExitStatus)).Append('\n');
        foreach (var (code, kind, meaning) in ExitCodes.Table)
            sb.Append(".TP\n.B ").Append(code).Append('\n').Append(Roff.Text($"{meaning} ({kind})")).Append('\n');
        sb.Append(".SH ENVIRONMENT\n");
        sb.Append(".TP\n.B OPSKIT_CONFIG\nConfig file to read when\n.B \\-\\-config\nis not given.\n");
        sb.Append(".TP\n.B OPSKIT_<TABLE>_<KEY>\nOverrides one key of a top\\-level table, e.g.\n.BR OPSKIT_MAIL_TO=root@example.org .\n");
        sb.Append(".TP\n.B SSH_ORIGINAL_COMMAND\nSet by sshd for a forced command; read by\n.BR \"opskit ssh validate\" .\n");
        sb.Append(".SH FILES\n.TP\n.I /etc/opskit/opskit.toml\nThe configuration file.\n.TP\n.I /etc/opskit/opskit.d/*.toml\nDrop-ins, read after it in name order.\n.TP\n.I /dev/log\nThe syslog socket.\n");
        sb.Append(".SH SEE ALSO\n");
        var areas = root.Subcommands.Where(c => !c.Hidden && c.Subcommands.Count > 0).Select(c => c.Name).ToList();
        sb.Append(string.Join(",\n", areas.Select(a => $".BR opskit\\-{Roff.Text(a)} (8)"))).Append(areas.Count > 0 ? ",\n" : "")
          .Append(".BR cron (8),\n.BR sshd (8),\n.BR syslog (3)\n");
        return sb.ToString();
    }

    private static string Area(RootCommand root, Command area, ConfigTable? schema)
    {
        var sb = new StringBuilder();
        Header(sb, "OPSKIT-" + area.Name.ToUpperInvariant(), "8", "opskit\\-" + Roff.Text(area.Name), area.Description ?? "");
        sb.Append(".SH SYNOPSIS\n");
        var nodes = CommandTree.Walk(root).Where(n => n.Path.Count >= 2 && n.Path[0] == area.Name && n.Command.Subcommands.Count == 0).ToList();
        sb.Append(string.Join(".br\n", nodes.Select(n =>
        {
            var usage = Usage(n);
            return ".B " + Roff.Text(n.FullName) + "\n" + (usage.Length > 0 ? usage + "\n" : "");
        })));
        sb.Append(".SH DESCRIPTION\n").Append(Roff.Text(area.Description ?? "")).Append('\n');
        sb.Append(".SH COMMANDS\n");
        foreach (var n in nodes)
        {
            sb.Append(".SS ").Append(Roff.Text(string.Join(' ', n.Path))).Append('\n').Append(Roff.Text(n.Command.Description ?? "")).Append('\n');
            foreach (var a in CommandTree.Arguments(n.Command))
                sb.Append(".TP\n.I ").Append(Roff.Text(a.HelpName ?? a.Name.ToUpperInvariant())).Append('\n').Append(Roff.Text(a.Description ?? "")).Append('\n');
            foreach (var o in n.Command.Options.Where(o => !o.Hidden)) Option(sb, o);
        }
        if (schema is not null)
        {
            sb.Append(".SH CONFIGURATION\nThe\n.B [").Append(Roff.Text(schema.Name)).Append("]\ntable of\n.IR /etc/opskit/opskit.toml .\n");
            Table(sb, schema, schema.Name);
        }
        if (AreaDocsRegistry.All.TryGetValue(area.Name, out var docs))
        {
            if (docs.Examples.Count > 0)
            {
                sb.Append(".SH EXAMPLES\n");
                foreach (var e in docs.Examples)
                    sb.Append(".TP\n.B ").Append(Roff.Text(e.Line)).Append('\n').Append(Roff.Text(e.What)).Append('\n');
            }
            sb.Append(".SH EXIT STATUS\n");
            foreach (var (code, meaning) in docs.ExitStatus)
                sb.Append(".TP\n.B ").Append(code).Append('\n').Append(Roff.Text(meaning)).Append('\n');
            sb.Append(".TP\n.B ").Append(ExitCodes.Internal).Append('\n').Append(Roff.Text("internal error: a bug; rerun with --verbose and report it")).Append('\n');
            sb.Append(".PP\nThe whole table is in\n.BR opskit (1).\n");
        }
        else sb.Append(".SH EXIT STATUS\nSee\n.BR opskit (1).\n");
        sb.Append(".SH SEE ALSO\n.BR opskit (1)\n");
        return sb.ToString();
    }

    private static void Header(StringBuilder sb, string title, string section, string name, string description)
    {
        sb.Append($".TH {title} {section} {BuildInfo.DocsDate} \"OpsKit {BuildInfo.Version}\" \"OpsKit Manual\"\n");
        sb.Append(".SH NAME\n").Append(name).Append(" \\- ").Append(Roff.Text(description.TrimEnd('.'))).Append('\n');
    }

    private static string Usage(CommandNode n)
    {
        var parts = new List<string>();
        if (n.Command.Options.Any(o => !o.Hidden)) parts.Add(".RI [ options ]");
        foreach (var a in CommandTree.Arguments(n.Command))
        {
            var name = Roff.Text(a.HelpName ?? a.Name.ToUpperInvariant());
            var many = a.Arity.MaximumNumberOfValues > 1 ? " ..." : "";
            parts.Add(a.Arity.MinimumNumberOfValues == 0 ? $".RI [ \"{name}{many}\" ]" : $".I \"{name}{many}\"");
        }
        return string.Join("\n", parts);
    }

    private static void Option(StringBuilder sb, Option o)
    {
        var names = string.Join(" \", \" ", CommandTree.Names(o).Select(Roff.Text));
        sb.Append(".TP\n.BR ").Append(names);
        if (CommandTree.TakesValue(o)) sb.Append(" \" \" \\fI").Append(Roff.Text(CommandTree.ValueName(o))).Append("\\fR");
        sb.Append('\n').Append(Roff.Text(o.Description ?? ""));
        var choices = CommandTree.Choices(o);
        if (choices.Count > 0) sb.Append(" One of: ").Append(Roff.Text(string.Join(", ", choices))).Append('.');
        sb.Append('\n');
    }

    private static void Table(StringBuilder sb, ConfigTable table, string path)
    {
        var header = table.Kind == ConfigTableKind.Array ? $"[[{path}]]" : table.Kind == ConfigTableKind.Map ? $"[{path}.NAME]" : $"[{path}]";
        sb.Append(".SS ").Append(Roff.Text(header)).Append('\n').Append(Roff.Text(table.Doc)).Append('\n');
        foreach (var k in table.Keys)
        {
            sb.Append(".TP\n.BR ").Append(Roff.Text(k.Name)).Append(" \" = \" ").Append(Roff.Text(ConfigReport.Format(k.Default))).Append('\n');
            sb.Append(Roff.Text(k.Doc));
            if (k.Choices.Count > 0) sb.Append(" One of: ").Append(Roff.Text(string.Join(", ", k.Choices))).Append('.');
            sb.Append('\n');
        }
        foreach (var sub in table.Tables) Table(sb, sub, $"{path}.{sub.Name}");
    }
}
