// The one exception type for errors the team anticipated. Program prints its
// message once as "opskit: <message>" and exits with its code.
namespace OpsKit.Core;

/// <summary>An expected failure whose message is meant for the user and which carries its exit code.</summary>
public class OpsKitException : Exception
{
    /// <summary>Creates the exception.</summary>
    public OpsKitException(string message, int exitCode = ExitCodes.Failed, Exception? inner = null)
        : base(message, inner) => ExitCode = exitCode;

    /// <summary>The process exit status this error maps to.</summary>
    public int ExitCode { get; }

    /// <summary>A configuration error (exit 78).</summary>
    public static OpsKitException Config(string message) => new(message, ExitCodes.Config);

    /// <summary>A usage error (exit 64).</summary>
    public static OpsKitException Usage(string message) => new(message, ExitCodes.Usage);

    /// <summary>Bad input data (exit 65).</summary>
    public static OpsKitException BadData(string message) => new(message, ExitCodes.DataError);

    /// <summary>A needed program or device is missing (exit 69).</summary>
    public static OpsKitException Unavailable(string message) => new(message, ExitCodes.Unavailable);
}
