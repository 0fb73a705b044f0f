// opskit config show: every key with its merged value and where it came from.
using System.CommandLine;
using System.Text.Json.Nodes;
using OpsKit.Core;
using OpsKit.Core.Config;
using OpsKit.Core.Output;

namespace OpsKit.Commands.Config;

/// <summary>"config show".</summary>
public static class ConfigShowCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var json = GlobalOptions.Json();
        var command = new Command("show", "Print the merged configuration and the origin of each value.") { json };
        command.SetAction(parse =>
        {
            using var host = CommandHost.From(parse, "opskit");
            var rows = ConfigReport.Rows(host.Config);
            if (parse.GetValue(json))
            {
                var array = new JsonArray();
                foreach (var r in rows)
                    array.Add((JsonNode)new JsonObject { ["key"] = r.Key, ["value"] = r.Value, ["origin"] = r.Origin.ToString() });
                JsonOutput.Write(CommandHost.Out, new JsonObject { ["file"] = host.Config.SourceFile, ["values"] = array });
                return ExitCodes.Ok;
            }
            CommandHost.Out.WriteLine($"# config file: {(host.Config.Files.Count == 0 ? "none (built-in defaults)" : string.Join(", ", host.Config.Files))}");
            var table = new TextTable("KEY", "VALUE", "ORIGIN");
            foreach (var r in rows) table.Add(r.Key, r.Value, r.Origin);
            CommandHost.Out.Write(table.ToString());
            return ExitCodes.Ok;
        });
        return command;
    }
}
