// The output formats of reporting commands (text, json, and per tool nagios/prometheus).
namespace OpsKit.Core.Output;

/// <summary>How a command prints its report.</summary>
public enum OutputFormat
{
    /// <summary>Human text, aligned tables.</summary>
    Text,
    /// <summary>JSON (--json).</summary>
    Json,
    /// <summary>One Nagios plugin status line with perfdata.</summary>
    Nagios,
    /// <summary>node_exporter textfile-collector metrics.</summary>
    Prometheus,
}
